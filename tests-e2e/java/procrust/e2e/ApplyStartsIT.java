package procrust.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static procrust.e2e.Host.await;
import static procrust.e2e.Host.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** apply starting things: health-gated dependencies one at a time, oneshots, back-off, FAILED. */
class ApplyStartsIT {

    private static int indexOf(String log, String needle) {
        int i = log.indexOf(needle);
        assertTrue(i >= 0, "no '" + needle + "' in:\n" + log);
        return i;
    }

    @Test
    void dependentStartsAfterItsDependencyIsHealthyAndStartsAreOneAtATime() throws Exception {
        try (Host h = new Host()) {
            h.write("""
                    [[process]]
                    id = "db"
                    command = "sleep 1; touch ready; exec sleep 300"
                    apply_on = "2024-10-01T12:00:00"
                    [process.start_health_check]
                    command = "test -f ready"
                    timeout = "20s"
                    interval = "200ms"

                    [[process]]
                    id = "web"
                    command = "test -f ready && echo web saw ready && exec sleep 300"
                    apply_on = "2024-10-01T12:00:00"
                    depends_on = ["db"]

                    [[process]]
                    id = "other"
                    command = "exec sleep 300"
                    apply_on = "2024-10-01T12:00:00"
                    """);
            Procrust.Result r = h.run("apply", "--once");
            assertEquals(0, r.exit(), r::toString);
            String log = r.err();
            int healthy = indexOf(log, "healthy db@");
            assertTrue(indexOf(log, "started web@") > healthy, "web after db is healthy:\n" + log);
            assertTrue(indexOf(log, "started other@") > healthy, "one start at a time:\n" + log);
            assertTrue(Files.readString(h.log("web")).contains("web saw ready"));
            JsonNode st = h.status();
            for (JsonNode p : st.path("processes")) {
                assertEquals("RUNNING", p.path("state").asText(), st::toString);
                assertTrue(Host.alive(p.path("pid").asLong()), p::toString);
            }
            assertEquals(3, st.path("processes").size());
            assertTrue(st.path("apply_pid").isNull());
            assertEquals(List.of(h.pidOf("db")), h.processesOf("db"), "exactly one db process");
        }
    }

    @Test
    void oneshotRunsOncePerVersionBeforeItsDependent() throws Exception {
        try (Host h = new Host()) {
            h.write("""
                    [[process]]
                    id = "migrate"
                    type = "oneshot"
                    command = "sleep 0.5; echo ran >> runs.txt"
                    apply_on = "2024-10-01T12:00:00"

                    [[process]]
                    id = "app"
                    command = "test -f runs.txt && exec sleep 300"
                    apply_on = "2024-10-01T12:00:00"
                    depends_on = ["migrate"]
                    """);
            Procrust.Result r = h.run("apply", "--once");
            assertEquals(0, r.exit(), r::toString);
            assertEquals("COMPLETED", h.stateOf("migrate"));
            assertEquals("RUNNING", h.stateOf("app"));
            assertTrue(Host.alive(h.pidOf("app")));
            Procrust.Result again = h.run("apply", "--once");
            assertEquals(0, again.exit(), again::toString);
            assertEquals(List.of("ran"), Files.readAllLines(h.dir.resolve("runs.txt")), "not run again: " + again);
            Procrust.Result st = h.run("status");
            assertEquals(0, st.exit(), st::toString);
            assertTrue(st.out().contains("COMPLETED"), st::toString);
        }
    }

    @Test
    void neverHealthyEndsFailedAndStatusSaysSo() throws Exception {
        try (Host h = new Host()) {
            h.write("""
                    [[process]]
                    id = "sick"
                    command = "exec sleep 300"
                    apply_on = "2024-10-01T12:00:00"
                    start_health_check = { command = "false", timeout = "1s", interval = "200ms" }
                    restart = { max_attempts = 2, delay = 0 }
                    """);
            Procrust.Result r = h.run("apply", "--once");
            assertEquals(1, r.exit(), r::toString);
            assertTrue(r.err().contains("health check did not pass within 1s"), r::toString);
            assertEquals("FAILED", h.stateOf("sick"));
            assertTrue(h.processesOf("sick").isEmpty(), "the never-healthy process was stopped");
            Procrust.Result st = h.run("status");
            assertEquals(3, st.exit(), st::toString);
            assertTrue(st.out().contains("FAILED") && st.out().contains("gave up after 2"), st::toString);
        }
    }

    @Test
    void crashingServiceIsRestartedWithGrowingBackOff() throws Exception {
        try (Host h = new Host()) {
            h.write("""
                    [[process]]
                    id = "crashy"
                    command = "date +%s.%N >> starts.txt; sleep 1.2; exit 3"
                    apply_on = "2024-10-01T12:00:00"
                    restart = { delay = "500ms", max_delay = "10s", max_attempts = 10 }
                    """);
            Host.Apply a = h.apply();
            await(Duration.ofSeconds(40), "three starts", io(() -> Files.exists(h.dir.resolve("starts.txt"))
                    && Files.readAllLines(h.dir.resolve("starts.txt")).size() >= 4));
            List<Double> t = new ArrayList<>();
            for (String l : Files.readAllLines(h.dir.resolve("starts.txt"))) {
                t.add(Double.parseDouble(l));
            }
            double gap1 = t.get(1) - t.get(0) - 1.2;
            double gap2 = t.get(2) - t.get(1) - 1.2;
            double gap3 = t.get(3) - t.get(2) - 1.2;
            assertTrue(gap1 >= 0.45 && gap2 >= 0.95 && gap3 >= 1.95, "back-off 0.5s, 1s, 2s; gaps " + gap1 + ", "
                    + gap2 + ", " + gap3 + "\n" + a.log());
            assertTrue(a.log().contains("exited with status 3"), a.log());
            JsonNode rec = h.record("crashy");
            assertTrue(rec.path("restarts").asInt() >= 3, rec::toString);
            assertTrue(Instant.now().isAfter(Instant.EPOCH));
        }
    }
}
