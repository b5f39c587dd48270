package procrust.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * What status and plan tell an operator beyond the present (issue 19): each process's next change
 * (a version switch, a window edge), what only an operator can move on (FAILED, held), and short
 * messages that say their advice once.
 */
class NextChangeIT {

    @Test
    void statusAndPlanShowTheNextVersionOfARunningProcess() throws Exception {
        try (Host h = new Host()) {
            h.write("""
                    [[process]]
                    id = "web"
                    command = "exec sleep 300"
                    apply_on = "2024-10-01T12:00:00"

                    [[process]]
                    id = "web"
                    command = "exec sleep 301"
                    apply_on = "2099-01-01T00:00:00"
                    """);
            Procrust.Result once = h.run("apply", "--once");
            assertEquals(0, once.exit(), once::toString);

            JsonNode row = h.status().path("processes").get(0);
            assertEquals("RUNNING", row.path("state").asText(), row::toString);
            assertEquals("version", row.path("next_change").path("kind").asText(), row::toString);
            assertEquals("2099-01-01T00:00:00Z", row.path("next_change").path("at").asText(), row::toString);
            Procrust.Result text = h.run("status");
            assertTrue(text.out().contains("next: new version 2099-01-01T00:00:00 at 2099-01-01T00:00:00Z"),
                    text::toString);

            Procrust.Result plan = h.run("plan");
            assertTrue(plan.out().contains("Coming without any edit:"), plan::toString);
            assertTrue(plan.out().contains("new version 2099-01-01T00:00:00"), plan::toString);
            JsonNode pj = Host.JSON.readTree(h.run("plan", "--output", "json").out());
            assertEquals("web", pj.path("upcoming").get(0).path("id").asText(), pj::toString);
        }
    }

    @Test
    void planNamesWhatNeedsAnOperator() throws Exception {
        try (Host h = new Host()) {
            h.write("""
                    [[process]]
                    id = "bad"
                    command = "exit 3"
                    apply_on = "2024-10-01T12:00:00"
                    type = "oneshot"
                    restart = { max_attempts = 1 }

                    [[process]]
                    id = "app"
                    command = "exec sleep 300"
                    apply_on = "2024-10-01T12:00:00"
                    depends_on = ["bad"]

                    [[process]]
                    id = "future"
                    command = "exec sleep 300"
                    apply_on = "2099-10-01T12:00:00"
                    """);
            // the oneshot bad fails and gives up: FAILED; app waits for it
            Host.Apply ap = h.apply();
            Host.await(java.time.Duration.ofSeconds(40), "bad FAILED", Host.io(() -> "FAILED".equals(h.stateOf("bad"))));

            Procrust.Result stop = h.run("stop", "future");
            assertEquals(0, stop.exit(), stop::toString);
            assertTrue(stop.out().contains("future: held (it was not running)"), stop::toString);

            Procrust.Result plan = h.run("plan");
            assertFalse(plan.out().contains("the host already matches"), plan::toString);
            assertTrue(plan.out().contains("2 processes need an operator"), plan::toString);
            assertTrue(plan.out().contains("Needs an operator: bad (FAILED), future (held)"), plan::toString);
            assertTrue(plan.out().contains("FAILED: exited with status 3"), plan::toString);
            // the dependent says what its dependency is, not the whole story again
            assertTrue(plan.out().contains("waiting for bad to complete (FAILED)"), plan::toString);
            // the advice is said once per line
            for (String line : plan.out().split("\n")) {
                assertTrue(line.split("procrust start", -1).length <= 2, line);
            }
            JsonNode pj = Host.JSON.readTree(h.run("plan", "--output", "json").out());
            assertEquals("[\"bad\",\"future\"]", pj.path("needs_operator").toString(), pj::toString);

            Procrust.Result status = h.run("status");
            assertEquals(3, status.exit(), status::toString);
            for (String line : status.out().split("\n")) {
                assertTrue(line.split("procrust start", -1).length <= 2, line);
                assertFalse(line.contains("1 failed starts"), line);
            }
            assertTrue(ap.log().contains("gave up after 1 failed start in a row"), ap::log);
        }
    }
}
