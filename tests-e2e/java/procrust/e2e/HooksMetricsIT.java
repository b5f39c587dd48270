package procrust.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static procrust.e2e.Host.await;
import static procrust.e2e.Host.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code [[hook]]} and {@code apply --metrics-file} through a real apply: every event of a crashing
 * service, a oneshot and an operator hold reaches a hook with its environment; a hook that hangs and
 * one that fails harm nothing; the metrics file passes {@code promtool check metrics} and says what
 * {@code status} says.
 */
class HooksMetricsIT {

    @Test
    void hooksHearEveryEventAndTheMetricsFileFollowsTheHost() throws Exception {
        try (Host h = new Host()) {
            Path events = h.dir.resolve("events.txt");
            Path prom = h.dir.resolve("procrust.prom");
            h.write("""
                    [[hook]]
                    command = 'echo "$PROCRUST_EVENT $PROCRUST_ID v=$PROCRUST_VERSION pid=$PROCRUST_PID status=$PROCRUST_EXIT_STATUS log=$PROCRUST_LOG" >> EVENTS'

                    [[hook]]
                    events = ["started"]
                    command = "sleep 300"
                    timeout = "2s"

                    [[hook]]
                    events = ["started", "exited"]
                    command = "echo failing on purpose; exit 1"

                    [[process]]
                    id = "web"
                    command = "exec sleep 300"
                    apply_on = "2024-10-01T12:00:00"

                    [[process]]
                    id = "flaky"
                    command = "sleep 2; exit 3"
                    apply_on = "2024-10-01T12:00:00"
                    restart = { delay = "0s", max_attempts = 2 }

                    [[process]]
                    id = "job"
                    type = "oneshot"
                    command = "true"
                    apply_on = "2024-10-01T12:00:00"
                    """.replace("EVENTS", events.toString()));
            Host.Apply ap = h.apply("--metrics-file", prom.toString());

            String v = "v=2024-10-01T12:00:00";
            await(Duration.ofSeconds(90), "flaky failed, job completed, web started", io(() -> {
                String e = read(events);
                return e.contains("failed flaky " + v) && e.contains("completed job " + v)
                        && e.contains("started web " + v);
            }));
            String e = read(events);
            long webPid = h.pidOf("web");
            assertTrue(e.contains("started web " + v + " pid=" + webPid + " status= log=" + h.log("web")), e);
            assertTrue(e.contains("exited flaky " + v + " pid="), e);
            assertTrue(e.matches("(?s).*exited flaky " + v + " pid=\\d+ status=3 .*"), e);
            assertTrue(e.contains("backoff flaky " + v), e);
            assertTrue(e.contains("restarted flaky " + v), e);
            assertTrue(e.matches("(?s).*failed flaky " + v + " pid=\\d+ status=3 .*"), e);

            // the metrics file: valid, and what status says
            await(Duration.ofSeconds(40), "metrics show flaky FAILED", io(() -> Files.exists(prom)
                    && samples(Files.readString(prom)).getOrDefault(series("procrust_process_state", h.uid, "flaky",
                    "state=\"FAILED\","), 0.0) == 1.0));
            promtool(prom);
            Map<String, Double> s = samples(Files.readString(prom));
            assertEquals(1.0, s.get(series("procrust_process_up", h.uid, "web", "")));
            assertEquals(0.0, s.get(series("procrust_process_up", h.uid, "flaky", "")));
            assertEquals(1.0, s.get(series("procrust_process_restarts_total", h.uid, "flaky", "")));
            assertEquals(1.0, s.get(series("procrust_process_state", h.uid, "job", "state=\"COMPLETED\",")));
            assertTrue(s.containsKey(series("procrust_process_start_time_seconds", h.uid, "web", "")), s::toString);

            // an operator hold: held, stopped; released, started again
            Procrust.Result stop = h.run("stop", "web");
            assertEquals(0, stop.exit(), stop::toString);
            await(Duration.ofSeconds(30), "held and stopped", io(() -> read(events).contains("held web v= pid=")
                    && read(events).contains("stopped web " + v)));
            await(Duration.ofSeconds(40), "metrics show web HELD", io(() -> samples(Files.readString(prom))
                    .getOrDefault(series("procrust_process_state", h.uid, "web", "state=\"HELD\","), 0.0) == 1.0));
            Procrust.Result start = h.run("start", "web");
            assertEquals(0, start.exit(), start::toString);
            await(Duration.ofSeconds(30), "released", io(() -> read(events).contains("released web v= pid=")));

            // the hanging hooks were ended at their timeout, the failing one was only logged
            await(Duration.ofSeconds(30), "no hook left running", io(() -> h.processesCarrying("PROCRUST_HOOK=1")
                    .isEmpty()));
            String hooksLog = Files.readString(h.uidDir().resolve("logs/hooks.log"));
            assertTrue(hooksLog.contains("timed out after 2.0s: SIGKILL to its process group"), hooksLog);
            assertTrue(hooksLog.contains("failing on purpose") && hooksLog.contains("exited with status 1"), hooksLog);
            assertTrue(ap.process().isAlive(), ap.log());
            assertTrue(ap.log().contains("hook started web@"), ap.log());
        }
    }

    @Test
    void everyFailedLivenessAttemptIsCounted() throws Exception {
        int closed;
        try (java.net.ServerSocket ss = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = ss.getLocalPort(); // nothing listens there once it is closed
        }
        try (Host h = new Host()) {
            Path prom = h.dir.resolve("procrust.prom");
            h.write("""
                    [[process]]
                    id = "web"
                    command = "exec sleep 300"
                    apply_on = "2024-10-01T12:00:00"
                    restart = { delay = "0s" }
                    health_check = { tcp = "127.0.0.1:PORT", interval = "1s", failures = 3 }
                    """.replace("PORT", Integer.toString(closed)));
            Host.Apply ap = h.apply("--metrics-file", prom.toString());
            await(Duration.ofSeconds(60), "web found unhealthy once", io(() -> ap.log().contains("unhealthy web@")));
            // three failed attempts made it unhealthy: the counter says 3 (or more, if its next process
            // failed one already), not 1 for the unhealthy event
            await(Duration.ofSeconds(40), "the metrics count the failed attempts", io(() -> Files.exists(prom)
                    && samples(Files.readString(prom)).getOrDefault(
                            series("procrust_health_check_failures_total", h.uid, "web", ""), 0.0) >= 3.0));
            promtool(prom);
        }
    }

    @Test
    void applyOnceWaitsForTheHooksOfWhatItDid() throws Exception {
        try (Host h = new Host()) {
            Path done = h.dir.resolve("done.txt");
            h.write("""
                    [[hook]]
                    events = ["completed"]
                    command = 'sleep 1; echo "$PROCRUST_ID $PROCRUST_EXIT_STATUS" > DONE'

                    [[process]]
                    id = "job"
                    type = "oneshot"
                    command = "true"
                    apply_on = "2024-10-01T12:00:00"
                    """.replace("DONE", done.toString()));
            Procrust.Result once = h.run("apply", "--once");
            assertEquals(0, once.exit(), once::toString);
            assertEquals("job 0\n", read(done), once::toString);
        }
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /** The key of a series as the writer prints it: labels sorted by name. */
    private static String series(String name, String uid, String id, String state) {
        return name + "{id=\"" + id + "\"," + state + "uid=\"" + uid + "\",version=\"2024-10-01T12:00:00\"}";
    }

    private static Map<String, Double> samples(String text) {
        Map<String, Double> out = new HashMap<>();
        for (String l : text.lines().toList()) {
            if (!l.startsWith("#") && !l.isBlank()) {
                int sp = l.lastIndexOf(' ');
                out.put(l.substring(0, sp), Double.parseDouble(l.substring(sp + 1)));
            }
        }
        return out;
    }

    private static void promtool(Path file) throws Exception {
        Process p = new ProcessBuilder("promtool", "check", "metrics").redirectInput(file.toFile())
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), said);
        assertEquals("", said.trim(), said);
        assertEquals(List.of("procrust.prom"), Files.list(file.getParent())
                .map(f -> f.getFileName().toString()).filter(n -> n.contains("prom")).toList(), "no temporary file left");
    }
}
