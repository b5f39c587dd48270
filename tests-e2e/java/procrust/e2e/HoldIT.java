package procrust.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static procrust.e2e.Host.await;
import static procrust.e2e.Host.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code procrust stop|start}: operator holds, with and without an apply running. */
class HoldIT {

    /** web leaves two grandchildren; stubborn ignores SIGTERM; db is plain. */
    private static final String FILE = """
            [[process]]
            id = "db"
            command = "exec sleep 300"
            apply_on = "2024-10-01T12:00:00"
            label = "back"

            [[process]]
            id = "web"
            command = "sleep 301 & sleep 302 & wait"
            apply_on = "2024-10-01T12:00:00"
            label = "front"

            [[process]]
            id = "stubborn"
            command = "trap '' TERM; while :; do sleep 1; done"
            apply_on = "2024-10-01T12:00:00"
            stop_timeout = "1s"
            label = "front"
            """;

    static String stateIn(JsonNode status, String id) {
        for (JsonNode p : status.path("processes")) {
            if (p.path("id").asText().equals(id)) {
                return p.path("state").asText();
            }
        }
        return null;
    }

    static void allRunning(Host h, String... ids) throws InterruptedException {
        await(Duration.ofSeconds(40), String.join(", ", ids) + " running", io(() -> {
            for (String id : ids) {
                if (!"RUNNING".equals(h.stateOf(id))) {
                    return false;
                }
            }
            return true;
        }));
    }

    @Test
    void aHoldStopsTheWholeTreeAndSurvivesAnApplyRestart() throws Exception {
        try (Host h = new Host()) {
            h.write(FILE);
            Host.Apply ap = h.apply();
            allRunning(h, "db", "web", "stubborn");
            // RUNNING is recorded just before the command runs (the start is gated): its children follow
            await(Duration.ofSeconds(10), "web's shell and its two sleeps", () -> h.processesOf("web").size() == 3);
            List<Long> web = h.processesOf("web");
            long db = h.pidOf("db");

            Procrust.Result stop = h.run("stop", "web");
            assertEquals(0, stop.exit(), stop::toString);
            assertTrue(stop.out().contains("web: stopped and held"), stop::toString);
            // the command returned only once the stop was confirmed: nothing of web is left
            assertEquals(List.of(), h.processesOf("web"), "grandchildren included");
            for (long pid : web) {
                assertFalse(Host.alive(pid), "pid " + pid + " of web");
            }
            assertTrue(Host.alive(db), "db is left alone");
            assertEquals("HELD", stateIn(h.status(), "web"), h.status()::toString);
            Procrust.Result plan = h.run("plan");
            assertTrue(plan.out().contains("held by operator"), plan::toString);

            // apply restarts: the hold stays
            new ProcessBuilder("kill", "-TERM", Long.toString(ap.pid())).start().waitFor();
            assertTrue(ap.process().waitFor(10, TimeUnit.SECONDS));
            Host.Apply next = h.apply();
            await(Duration.ofSeconds(30), "the new apply adopts db", () -> next.log().contains("adopted db@"));
            Thread.sleep(1500);
            assertEquals(List.of(), h.processesOf("web"), "still held after the restart: " + next.log());
            assertEquals("HELD", stateIn(h.status(), "web"));

            Procrust.Result start = h.run("start", "web");
            assertEquals(0, start.exit(), start::toString);
            assertTrue(start.out().contains("web: released"), start::toString);
            allRunning(h, "web");
            await(Duration.ofSeconds(10), "web's shell and its two sleeps", () -> h.processesOf("web").size() == 3);
        }
    }

    @Test
    void aProcessThatIgnoresSigtermIsKilledAfterItsStopTimeout() throws Exception {
        try (Host h = new Host()) {
            h.write(FILE);
            h.apply();
            allRunning(h, "db", "web", "stubborn");
            long t0 = System.nanoTime();
            Procrust.Result stop = h.run("stop", "stubborn");
            assertEquals(0, stop.exit(), stop::toString);
            assertEquals(List.of(), h.processesOf("stubborn"));
            assertTrue((System.nanoTime() - t0) / 1_000_000 >= 1000, "waited for stop_timeout before SIGKILL");
        }
    }

    @Test
    void withoutAnApplyTheCommandStopsAndStartsItself() throws Exception {
        try (Host h = new Host()) {
            h.write(FILE);
            Procrust.Result once = h.run("apply", "--once");
            assertEquals(0, once.exit(), once::toString);
            long db = h.pidOf("db");
            assertTrue(Host.alive(db));

            Procrust.Result stop = h.run("stop", "db");
            assertEquals(0, stop.exit(), stop::toString);
            assertTrue(stop.out().contains("db: stopped and held (no process of it remains); no apply is running"),
                    stop::toString);
            assertFalse(Host.alive(db));
            assertEquals(List.of(), h.processesOf("db"));
            assertTrue(Host.alive(h.pidOf("web")), "only what was asked is touched");

            Procrust.Result again = h.run("apply", "--once");
            assertEquals(0, again.exit(), again::toString);
            assertEquals(List.of(), h.processesOf("db"), "a held process is not started by apply");
            assertEquals("HELD", stateIn(h.status(), "db"));

            Procrust.Result start = h.run("start", "db");
            assertEquals(0, start.exit(), start::toString);
            assertTrue(start.out().contains("db: released and started, RUNNING"), start::toString);
            assertEquals(1, h.processesOf("db").size());
            assertEquals("RUNNING", stateIn(h.status(), "db"));
        }
    }

    @Test
    void anUnknownIdDoesNothingAtAll() throws Exception {
        try (Host h = new Host()) {
            h.write(FILE);
            h.apply();
            allRunning(h, "db", "web", "stubborn");
            long web = h.pidOf("web");
            Procrust.Result r = h.run("stop", "web", "nope");
            assertEquals(1, r.exit(), r::toString);
            assertTrue(r.err().contains("unknown process id \"nope\""), r::toString);
            assertTrue(r.err().contains("nothing was done"), r::toString);
            Thread.sleep(500);
            assertTrue(Host.alive(web));
            assertEquals(0, h.state().path("holds").size(), h.state()::toString);
            Procrust.Result usage = h.run("stop");
            // no ids is a usage error (SPEC §6, issue 19): exit 2, like every usage error
            assertEquals(2, usage.exit(), usage::toString);
            assertTrue(usage.err().contains("name at least one ID, or use --all or --label"), usage::toString);
        }
    }

    @Test
    void groupsAndAll() throws Exception {
        try (Host h = new Host()) {
            h.write(FILE);
            h.apply();
            allRunning(h, "db", "web", "stubborn");
            Procrust.Result stop = h.run("stop", "--label", "front");
            assertEquals(0, stop.exit(), stop::toString);
            assertTrue(stop.out().contains("web: stopped and held") && stop.out().contains("stubborn: stopped and held"),
                    stop::toString);
            assertTrue(Host.alive(h.pidOf("db")));

            Procrust.Result front = h.run("status", "--label", "front", "--output", "json");
            JsonNode fs = Host.JSON.readTree(front.out());
            List<String> ids = new ArrayList<>();
            fs.path("processes").forEach(p -> ids.add(p.path("id").asText()));
            assertEquals(List.of("web", "stubborn"), ids, front::toString);
            assertEquals(0, front.exit(), "held is their wanted state: " + front);

            Procrust.Result none = h.run("stop", "--label", "nosuch");
            assertEquals(1, none.exit(), none::toString);
            assertTrue(none.err().contains("labels: back, front"), none::toString);

            Procrust.Result all = h.run("start", "--all");
            assertEquals(0, all.exit(), all::toString);
            allRunning(h, "db", "web", "stubborn");
        }
    }
}
