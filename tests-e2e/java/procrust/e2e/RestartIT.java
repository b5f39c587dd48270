package procrust.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static procrust.e2e.Host.await;
import static procrust.e2e.Host.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code procrust restart ID... [--wait]} and {@code procrust start ID... --wait} (SPEC §6
 * "Day-to-day commands"), with and without an apply running, on real processes.
 */
class RestartIT {

    private static final String FILE = """
            [[process]]
            id = "web"
            command = "sleep 301 & exec sleep 300"
            apply_on = "2024-10-01T12:00:00"

            [[process]]
            id = "ready"
            command = "exec sleep 302"
            apply_on = "2024-10-01T12:00:00"
            start_health_check = { command = "test -e ready.flag", interval = "100ms" }

            [[process]]
            id = "migrate"
            type = "oneshot"
            command = "echo ran >> runs.txt"
            apply_on = "2024-10-01T12:00:00"
            """;

    private static long lines(Path f) throws Exception {
        return Files.exists(f) ? Files.readAllLines(f).size() : 0;
    }

    @Test
    void restartUnderApplyStopsTheWholeGroupAndStartsANewOne() throws Exception {
        try (Host h = new Host()) {
            Files.writeString(h.dir.resolve("ready.flag"), "");
            h.write(FILE);
            Host.Apply ap = h.apply();
            HoldIT.allRunning(h, "web", "ready");
            await(Duration.ofSeconds(20), "migrate COMPLETED", io(() -> "COMPLETED".equals(h.stateOf("migrate"))));
            await(Duration.ofSeconds(10), "web's shell and sleep", () -> h.processesOf("web").size() == 2);
            List<Long> old = h.processesOf("web");
            long oldPid = h.pidOf("web");

            Procrust.Result r = h.run("restart", "web", "--wait");
            assertEquals(0, r.exit(), r::toString);
            assertTrue(r.out().contains("web: RUNNING (pid "), r::toString);
            long newPid = h.pidOf("web");
            assertNotEquals(oldPid, newPid);
            assertEquals("RUNNING", h.stateOf("web"));
            for (long pid : old) {
                assertFalse(Host.alive(pid), "old process " + pid + " of web, grandchild included");
            }
            assertTrue(ap.log().contains("restart asked by an operator"), ap::log);

            // a COMPLETED oneshot runs again now
            Path runs = h.dir.resolve("runs.txt");
            long before = lines(runs);
            Procrust.Result m = h.run("restart", "migrate", "--wait");
            assertEquals(0, m.exit(), m::toString);
            assertTrue(m.out().contains("migrate: ran to completion"), m::toString);
            assertEquals(before + 1, lines(runs));

            // without --wait: back once the old group is gone; apply starts it again
            long readyPid = h.pidOf("ready");
            Procrust.Result q = h.run("restart", "ready");
            assertEquals(0, q.exit(), q::toString);
            assertFalse(Host.alive(readyPid), q::toString);
            await(Duration.ofSeconds(30), "ready RUNNING again", io(() -> "RUNNING".equals(h.stateOf("ready"))
                    && h.pidOf("ready") != readyPid));
        }
    }

    @Test
    void restartWithoutApplyDoesItItself() throws Exception {
        try (Host h = new Host()) {
            Files.writeString(h.dir.resolve("ready.flag"), "");
            h.write(FILE);
            Procrust.Result once = h.run("apply", "--once");
            assertEquals(0, once.exit(), once::toString);
            long oldPid = h.pidOf("web");
            Procrust.Result r = h.run("restart", "web", "migrate");
            assertEquals(0, r.exit(), r::toString);
            assertTrue(r.out().contains("web: stopped and started again, RUNNING"), r::toString);
            assertTrue(r.out().contains("migrate: ran again to completion"), r::toString);
            assertFalse(Host.alive(oldPid));
            assertTrue(Host.alive(h.pidOf("web")));
            assertEquals(2, lines(h.dir.resolve("runs.txt")));
        }
    }

    @Test
    void unknownIdsAndFailedStartsExit1() throws Exception {
        try (Host h = new Host()) {
            h.write(FILE);
            Host.Apply ap = h.apply();
            HoldIT.allRunning(h, "web");
            Procrust.Result unknown = h.run("restart", "nope");
            assertEquals(1, unknown.exit(), unknown::toString);
            assertTrue(unknown.err().contains("unknown process id \"nope\""), unknown::toString);

            // ready's health check never passes (no flag): start --wait gives up at its --timeout
            Procrust.Result stop = h.run("stop", "ready");
            assertEquals(0, stop.exit(), stop::toString);
            Procrust.Result start = h.run("start", "ready", "--wait", "--timeout", "3s");
            assertEquals(1, start.exit(), start::toString);
            assertTrue(start.err().contains("did not come up within 3s"), start::toString);

            // once the check can pass, --wait returns when it is RUNNING
            Files.writeString(h.dir.resolve("ready.flag"), "");
            Procrust.Result again = h.run("restart", "ready", "--wait");
            assertEquals(0, again.exit(), again::toString);
            assertEquals("RUNNING", h.stateOf("ready"), ap::log);

            Procrust.Result bad = h.run("restart", "web", "--timeout", "soon");
            assertEquals(2, bad.exit(), bad::toString);
        }
    }
}
