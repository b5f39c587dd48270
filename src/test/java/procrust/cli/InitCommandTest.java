package procrust.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import procrust.config.CheckResult;
import procrust.validate.ConfigChecker;

/** {@code procrust init} writes a valid, commented starter with a fresh uid and never overwrites. */
class InitCommandTest {

    @Test
    void writesAValidStarterOnceOnly(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("sub/procrust.toml");
        CliRun r = CliRun.of("init", "-c", f.toString());
        assertEquals(0, r.exit(), r::toString);
        String text = Files.readString(f);
        assertTrue(text.contains("# "), "commented");
        CheckResult c = ConfigChecker.check(f);
        assertTrue(c.valid(), c.diagnostics()::toString);
        assertEquals(java.util.List.of(), c.diagnostics());
        UUID.fromString(c.config().uid());
        assertTrue(r.out().contains(c.config().uid()), r::toString);
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));

        CliRun again = CliRun.of("init", "-c", f.toString());
        assertEquals(1, again.exit(), again::toString);
        assertTrue(again.err().contains("already exists"), again::toString);
        assertEquals(text, Files.readString(f), "the file is left alone");
    }

    @Test
    void everyInitGetsItsOwnUid(@TempDir Path dir) {
        CliRun.of("init", "-c", dir.resolve("a.toml").toString());
        CliRun.of("init", "-c", dir.resolve("b.toml").toString());
        String a = ConfigChecker.check(dir.resolve("a.toml")).config().uid();
        String b = ConfigChecker.check(dir.resolve("b.toml")).config().uid();
        assertTrue(!a.equals(b));
    }
}
