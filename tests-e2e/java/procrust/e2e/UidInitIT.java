package procrust.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code uid}, {@code init} and the help text, through bin/procrust. */
class UidInitIT {

    @Test
    void initWritesAStarterThatChecksAndRefusesToOverwrite(@TempDir Path dir) throws Exception {
        Procrust.Result init = Procrust.run(dir, Map.of(), Duration.ofSeconds(60), "init");
        assertEquals(0, init.exit(), init::toString);
        Path f = dir.resolve("procrust.toml");
        String text = Files.readString(f);
        String uid = text.lines().filter(l -> l.startsWith("uid = ")).findFirst().orElseThrow().split("\"")[1];
        UUID.fromString(uid);
        Procrust.Result check = Procrust.run(dir, Map.of(), Duration.ofSeconds(60), "check");
        assertEquals(0, check.exit(), check::toString);
        Procrust.Result again = Procrust.run(dir, Map.of(), Duration.ofSeconds(60), "init");
        assertEquals(1, again.exit(), again::toString);
        assertTrue(again.err().contains("already exists"), again::toString);
        assertEquals(text, Files.readString(f));
    }

    @Test
    void helpListsTheCommandsAndUsageErrorsExitTwo() throws Exception {
        Procrust.Result help = Procrust.run("--help");
        assertEquals(0, help.exit(), help::toString);
        for (String c : new String[] {"uid", "init", "check"}) {
            assertTrue(help.out().contains("  " + c + " "), () -> c + "\n" + help);
        }
        Procrust.Result checkHelp = Procrust.run("check", "--help");
        assertEquals(0, checkHelp.exit(), checkHelp::toString);
        assertTrue(checkHelp.out().contains("--output"), checkHelp::toString);
        Procrust.Result bad = Procrust.run("check", "--no-such-option");
        assertEquals(2, bad.exit(), bad::toString);
        Procrust.Result none = Procrust.run();
        assertEquals(2, none.exit(), none::toString);
    }
}
