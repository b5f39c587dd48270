package procrust.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class CliBasicsIT {

    @Test
    void uidPrintsAFreshUuid() throws Exception {
        Procrust.Result a = Procrust.run("uid");
        Procrust.Result b = Procrust.run("uid");
        assertEquals(0, a.exit(), a::toString);
        UUID ua = UUID.fromString(a.out().trim());
        UUID ub = UUID.fromString(b.out().trim());
        assertTrue(!ua.equals(ub), "two calls gave the same uid");
    }

    @Test
    void versionAndUsageErrors() throws Exception {
        Procrust.Result v = Procrust.run("--version");
        assertEquals(0, v.exit(), v::toString);
        assertTrue(v.out().startsWith("procrust "), v::toString);
        Procrust.Result bad = Procrust.run("no-such-command");
        assertEquals(2, bad.exit(), bad::toString);
        assertTrue(!bad.err().contains("Exception"), bad::toString);
    }

    @Test
    void everyCommandHasHelp() throws Exception {
        for (String c : new String[] {"uid", "init", "check", "plan", "apply", "status", "stop", "start", "logs",
                "tui", "completion", "graph", "timeline"}) {
            Procrust.Result r = Procrust.run(c, "--help");
            assertEquals(0, r.exit(), () -> c + " --help: " + r);
            assertTrue(r.out().startsWith("Usage: procrust " + c), () -> c + " --help: " + r);
        }
    }
}
