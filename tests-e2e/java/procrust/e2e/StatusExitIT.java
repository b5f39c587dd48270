package procrust.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code status [ID...]} and its exit status when no apply runs (issue 19): 4 when nothing supervises
 * processes that a long-running apply used to (a monitoring check sees a dead apply), not for a host
 * run by {@code apply --once}.
 */
class StatusExitIT {

    private static final String FILE = """
            [[process]]
            id = "web"
            command = "exec sleep 300"
            apply_on = "2024-10-01T12:00:00"

            [[process]]
            id = "worker"
            command = "exec sleep 301"
            apply_on = "2024-10-01T12:00:00"
            """;

    @Test
    void aDeadApplyExits4AndStatusTakesIds() throws Exception {
        try (Host h = new Host()) {
            h.write(FILE);
            Host.Apply ap = h.apply();
            HoldIT.allRunning(h, "web", "worker");
            assertEquals(0, h.run("status").exit());

            Procrust.Result one = h.run("status", "web", "--output", "json");
            assertEquals(0, one.exit(), one::toString);
            JsonNode rows = Host.JSON.readTree(one.out()).path("processes");
            assertEquals(1, rows.size(), one::toString);
            assertEquals("web", rows.get(0).path("id").asText());
            Procrust.Result unknown = h.run("status", "web", "nope");
            assertEquals(1, unknown.exit(), unknown::toString);
            assertTrue(unknown.err().contains("unknown process id \"nope\""), unknown::toString);

            new ProcessBuilder("kill", "-TERM", "" + ap.pid()).start().waitFor();
            assertTrue(ap.process().waitFor(20, TimeUnit.SECONDS));
            Procrust.Result dead = h.run("status");
            assertEquals(4, dead.exit(), dead::toString);
            assertTrue(dead.out().contains("no apply is running to keep them so (exit 4)"), dead::toString);
            JsonNode doc = Host.JSON.readTree(h.run("status", "--output", "json").out());
            assertFalse(doc.path("supervised").asBoolean(), doc::toString);
            assertEquals(4, h.run("status", "worker").exit());
        }
    }

    @Test
    void aHostRunByApplyOnceIsNotReportedAsUnsupervised() throws Exception {
        try (Host h = new Host()) {
            h.write(FILE);
            Procrust.Result once = h.run("apply", "--once");
            assertEquals(0, once.exit(), once::toString);
            Procrust.Result st = h.run("status");
            assertEquals(0, st.exit(), st::toString);
            assertTrue(Host.JSON.readTree(h.run("status", "--output", "json").out()).path("supervised").asBoolean());
        }
    }
}
