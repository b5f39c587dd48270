package procrust.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import procrust.config.CheckResult;

/**
 * A text that passed Hibernate Validator is not validated by it again: whatever the file, the result
 * with a remembered text is the one of a check in full, and only texts that passed are remembered.
 */
class ValidatedTest {

    @TempDir
    Path dir;

    private Validated cache(String identity) {
        return new Validated(dir.resolve("cache/procrust/validated"), identity);
    }

    @Test
    void aTextIsKnownOnceRememberedForThisBuildOnly() {
        Validated c = cache("build 1");
        assertFalse(c.knows("a = 1\n"));
        c.remember("a = 1\n");
        assertTrue(c.knows("a = 1\n"));
        assertFalse(c.knows("a = 2\n"));
        assertFalse(cache("build 2").knows("a = 1\n"), "another jar, another JVM: checked again");
    }

    @Test
    void aFolderOthersMayWriteIsNotTrusted() throws Exception {
        Validated c = cache("build");
        c.remember("x");
        Path folder = dir.resolve("cache/procrust/validated");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
        assertTrue(c.knows("x"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertFalse(c.knows("x"));
    }

    @Test
    void theOldestHalfIsForgottenPastTheLimit() throws Exception {
        Validated c = cache("build");
        for (int i = 0; i <= Validated.KEEP; i++) {
            c.remember("text " + i);
        }
        try (Stream<Path> s = Files.list(dir.resolve("cache/procrust/validated"))) {
            long n = s.count();
            assertTrue(n <= Validated.KEEP / 2 + 1, () -> n + " remembered");
        }
        assertTrue(c.knows("text " + Validated.KEEP), "the newest is kept");
    }

    @Test
    void theCacheLivesInTheUsersCacheFolder() {
        Path p = Validated.folder(Map.of("XDG_CACHE_HOME", "/x/cache", "HOME", "/home/u"));
        assertTrue(p.equals(Path.of("/x/cache/procrust/validated")) || p.equals(Path.of("/var/cache/procrust/validated")), p::toString);
    }

    @Test
    void withOrWithoutTheCacheEveryFileReadsTheSame() throws Exception {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("examples"))) {
            s.filter(p -> p.toString().endsWith(".toml")).sorted().forEach(files::add);
        }
        String good = Files.readString(Path.of("examples/quickstart.toml"));
        files.add(Files.writeString(dir.resolve("blank-command.toml"), good.replaceFirst("command = \"[^\"]*\"", "command = \" \"")));
        files.add(Files.writeString(dir.resolve("bad-id.toml"), good.replaceFirst("id = \"[^\"]*\"", "id = \"a b\"")));
        files.add(Files.writeString(dir.resolve("bad-uid.toml"), good.replaceFirst("uid = \"[^\"]*\"", "uid = \"nope\"")));
        files.add(Files.writeString(dir.resolve("bad-ref.toml"), good + "\n[[process]]\nid = \"z\"\ncommand = \"true\"\n"
                + "apply_on = \"2024-01-01T00:00:00\"\ndepends_on = [\"nowhere\"]\n"));
        files.add(Files.writeString(dir.resolve("syntax.toml"), "uid = [\n"));
        files.add(dir.resolve("missing.toml"));
        Validated c = cache("build");
        int remembered = 0;
        for (Path f : files) {
            CheckResult full = ConfigChecker.check(f, false, null);
            CheckResult first = ConfigChecker.check(f, true, c);
            CheckResult again = ConfigChecker.check(f, true, c);
            assertEquals(full.diagnostics(), first.diagnostics(), f::toString);
            assertEquals(full.diagnostics(), again.diagnostics(), f::toString);
            assertEquals(full.config(), again.config(), f::toString);
            String name = f.getFileName().toString();
            boolean fieldsPass = !List.of("bad-id.toml", "bad-uid.toml", "blank-command.toml", "syntax.toml").contains(name);
            if (Files.exists(f)) {
                assertEquals(fieldsPass, c.knows(Files.readString(f)), name);
                remembered += fieldsPass ? 1 : 0;
            }
        }
        assertTrue(remembered > 5, "the examples and a file with only a reference error are remembered");
    }
}
