package procrust.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static procrust.e2e.Host.await;
import static procrust.e2e.Host.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * SPEC §6 Health with real servers on loopback: start gates made by procrust itself (an http GET, a
 * tcp connect, a line in the log) and liveness while RUNNING (a server that stops answering is
 * restarted; a hung check is killed at its timeout; a storm of failures ends in FAILED; a liveness
 * count does not survive a kill -9 of apply).
 */
class HealthIT {

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static Path onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    static String python() {
        return "exec python3 -m http.server %d --bind 127.0.0.1";
    }

    static JsonNode row(JsonNode status, String id) {
        for (JsonNode p : status.path("processes")) {
            if (p.path("id").asText().equals(id)) {
                return p;
            }
        }
        throw new AssertionError("no " + id + " in " + status);
    }

    static JsonNode status(Host h) {
        try {
            return h.status();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    static void signal(String sig, long pid) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + sig, Long.toString(pid)).start().waitFor();
    }

    /** Live processes of this host's uid that are health-check probes (PROCRUST_HEALTH_CHECK=1). */
    static List<Long> probes(Host h) {
        List<Long> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit) || !Host.alive(Long.parseLong(name))) {
                    continue;
                }
                try {
                    List<String> env = List.of(new String(Files.readAllBytes(p.resolve("environ")),
                            StandardCharsets.UTF_8).split("\0"));
                    if (env.contains("PROCRUST_UID=" + h.uid) && env.contains("PROCRUST_HEALTH_CHECK=1")) {
                        out.add(Long.parseLong(name));
                    }
                } catch (IOException | RuntimeException e) {
                    // gone meanwhile, or not ours
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    @Test
    void anHttpGateHoldsTheDependentUntilTheServerAnswers() throws Exception {
        int port = freePort();
        try (Host h = new Host()) {
            h.write("""
                    [[process]]
                    id = "web"
                    command = "sleep 2; %s"
                    apply_on = "2024-10-01T12:00:00"
                    start_health_check = { http = "http://127.0.0.1:%d/", timeout = "30s", interval = "200ms" }

                    [[process]]
                    id = "after"
                    command = "exec sleep 300"
                    apply_on = "2024-10-01T12:00:00"
                    depends_on = ["web"]
                    """.formatted(python().formatted(port), port));
            Procrust.Result r = h.run("apply", "--once");
            assertEquals(0, r.exit(), r::toString);
            String log = r.err();
            int healthy = log.indexOf("healthy web@");
            assertTrue(healthy >= 0 && log.substring(healthy).contains("HTTP 200"), log);
            assertTrue(log.indexOf("started after@") > healthy, "the dependent after the gate:\n" + log);
            JsonNode st = h.status();
            Instant web = Instant.parse(row(st, "web").path("started_at").asText());
            Instant after = Instant.parse(row(st, "after").path("started_at").asText());
            assertTrue(!after.isBefore(web.plusSeconds(2)), "the gate waited for the server: " + st);
            assertEquals(List.of(), probes(h), "an http check spawns nothing");
            assertTrue(Files.notExists(h.uidDir().resolve("logs/health/web.log")), "nor writes a health log");
        }
    }

    @Test
    void redisGatedByATcpConnectAndAnotherByItsReadyLine() throws Exception {
        Path redis = onPath("redis-server");
        Assumptions.assumeTrue(redis != null, "redis-server is not installed (Debian: apt-get install redis-server): "
                + "the redis gates are skipped");
        int a = freePort();
        int b = freePort();
        try (Host h = new Host()) {
            // not exec'd: redis writes its title over its environment, so the shell that stays (dash does
            // not exec the last command) is what the host's cleanup finds by PROCRUST_UID; its group holds redis
            String server = "%s --bind 127.0.0.1 --port %d --save '' --appendonly no";
            h.write("""
                    [[process]]
                    id = "cache"
                    command = "sleep 1; %s"
                    apply_on = "2024-10-01T12:00:00"
                    start_health_check = { tcp = "127.0.0.1:%d", timeout = "30s", interval = "100ms" }

                    [[process]]
                    id = "store"
                    command = "echo 'Ready to accept connections (an old line of the script, not this start)'; sleep 1; %s"
                    apply_on = "2024-10-01T12:00:00"
                    start_health_check = { log_line = "[0-9]:M .*Ready to accept connections", timeout = "30s", interval = "100ms" }

                    [[process]]
                    id = "client"
                    command = "exec sleep 300"
                    apply_on = "2024-10-01T12:00:00"
                    depends_on = ["cache", "store"]
                    """.formatted(server.formatted(redis, a), a, server.formatted(redis, b)));
            Procrust.Result r = h.run("apply", "--once");
            assertEquals(0, r.exit(), r::toString);
            String log = r.err();
            int cache = log.indexOf("healthy cache@");
            int store = log.indexOf("healthy store@");
            assertTrue(cache >= 0 && log.substring(cache).startsWith("healthy cache@2024-10-01T12:00:00: health check passed"),
                    log);
            assertTrue(store >= 0, log);
            String storeLine = log.substring(store, log.indexOf('\n', store));
            assertTrue(storeLine.contains("Ready to accept connections") && !storeLine.contains("old line"), storeLine);
            assertTrue(log.indexOf("started client@") > Math.max(cache, store), log);
            assertEquals(List.of(), probes(h));
            JsonNode st = h.status();
            for (String id : List.of("cache", "store", "client")) {
                assertEquals("RUNNING", row(st, id).path("state").asText(), st::toString);
            }
        }
    }

    @Test
    void aServerThatStopsAnsweringIsRestartedAfterItsFailures() throws Exception {
        int port = freePort();
        long stopped = -1;
        try (Host h = new Host()) {
            h.write("""
                    [[process]]
                    id = "web"
                    command = "%s"
                    apply_on = "2024-10-01T12:00:00"
                    stop_timeout = "2s"
                    start_health_check = { http = "http://127.0.0.1:%d/", timeout = "30s", interval = "200ms" }
                    [process.health_check]
                    http = "http://127.0.0.1:%d/"
                    interval = "1s"
                    timeout = "500ms"
                    failures = 3
                    [process.restart]
                    delay = "200ms"
                    """.formatted(python().formatted(port), port, port));
            Host.Apply ap = h.apply();
            await(Duration.ofSeconds(40), "web RUNNING", io(() -> "RUNNING".equals(h.stateOf("web"))));
            long first = h.pidOf("web");
            await(Duration.ofSeconds(20), "a liveness success shown", () -> !row(status(h), "web").path("health")
                    .path("last_ok").isNull());
            stopped = first;
            signal("STOP", first); // alive, port open, no answer
            await(Duration.ofSeconds(30), "the unhealthy event", () -> ap.log().contains("unhealthy web@"));
            String line = ap.log().substring(ap.log().indexOf("unhealthy web@"));
            line = line.substring(0, line.indexOf('\n'));
            assertTrue(line.contains("health check failed 3 times in a row") && line.contains("no answer within 500ms"),
                    line);
            await(Duration.ofSeconds(40), "web RUNNING again with a new pid", io(() ->
                    "RUNNING".equals(h.stateOf("web")) && h.pidOf("web") != first));
            assertTrue(!Host.alive(first), "the stopped server was ended (its group, confirmed)");
            JsonNode web = row(h.status(), "web");
            assertEquals(1, web.path("restarts").asInt(), web::toString);
            assertTrue(web.path("note").isNull() || !web.path("note").asText().isEmpty(), web::toString);
            assertTrue(ap.log().indexOf("started web@") < ap.log().lastIndexOf("started web@"), ap.log());
        } finally {
            if (stopped > 0) {
                signal("CONT", stopped);
                signal("KILL", stopped);
            }
        }
    }

    @Test
    void aHungCheckIsKilledAtItsTimeoutAndNeverOverlapsItself() throws Exception {
        try (Host h = new Host()) {
            h.write("""
                    [[process]]
                    id = "svc"
                    command = "exec sleep 300"
                    apply_on = "2024-10-01T12:00:00"
                    [process.health_check]
                    command = "echo checking; exec sleep 100000"
                    interval = "500ms"
                    timeout = "1500ms"
                    failures = 1000
                    """);
            Host.Apply ap = h.apply();
            await(Duration.ofSeconds(30), "a first probe", () -> !probes(h).isEmpty());
            long firstProbe = probes(h).get(0);
            long seenAt = System.nanoTime();
            long maxAtOnce = 0;
            while (Host.alive(firstProbe)) {
                maxAtOnce = Math.max(maxAtOnce, probes(h).size());
                assertTrue(System.nanoTime() - seenAt < Duration.ofSeconds(30).toNanos(), "the hung probe lives on");
                Thread.sleep(50);
            }
            await(Duration.ofSeconds(30), "the failure shown", () -> row(status(h), "svc").path("health")
                    .path("failures").asInt() >= 1);
            JsonNode health = row(h.status(), "svc").path("health");
            assertTrue(health.path("last_error").asText().contains("still running at its timeout"), health::toString);
            assertTrue(health.path("last_ok").isNull(), health::toString);
            assertEquals(1, maxAtOnce, "one attempt at a time");
            assertTrue(Files.readString(h.uidDir().resolve("logs/health/svc.log")).contains("checking"),
                    "a command check writes to its own log");
            assertTrue(!Files.readString(h.log("svc")).contains("checking"), "not into the service's log");
            assertTrue(row(h.status(), "svc").path("note").asText().contains("health"), h.status()::toString);
            assertTrue(ap.process().isAlive());
        }
    }

    @Test
    void aStormOfLivenessFailuresEndsInFailed() throws Exception {
        try (Host h = new Host()) {
            h.write("""
                    [[process]]
                    id = "flaky"
                    command = "exec sleep 300"
                    apply_on = "2024-10-01T12:00:00"
                    health_check = { tcp = "127.0.0.1:%d", interval = "300ms", timeout = "200ms", failures = 2 }
                    [process.restart]
                    max_attempts = 3
                    delay = "100ms"
                    """.formatted(freePort()));
            Host.Apply ap = h.apply();
            await(Duration.ofSeconds(60), "FAILED", io(() -> "FAILED".equals(h.stateOf("flaky"))));
            String log = ap.log();
            int unhealthy = log.split("unhealthy flaky@", -1).length - 1;
            assertEquals(3, unhealthy, log);
            assertTrue(h.processesOf("flaky").isEmpty(), "nothing left running");
            JsonNode row = row(h.status(), "flaky");
            assertTrue(row.path("note").asText().contains("health check failed 2 times in a row"), row::toString);
        }
    }

    /** The liveness count as written in the state file (what status shows), read without a JVM start. */
    static int failuresOf(Host h, String id) throws IOException {
        JsonNode r = h.record(id);
        return r == null ? -1 : r.path("health").path("failures").asInt(-1);
    }

    @Test
    void aKilledApplyLeavesTheServiceRunningAndTheNextCountsAfresh() throws Exception {
        try (Host h = new Host()) {
            // 6 s between attempts: the kill lands long before a third failure, however loaded the host
            h.write("""
                    [[process]]
                    id = "svc"
                    command = "exec sleep 300"
                    apply_on = "2024-10-01T12:00:00"
                    health_check = { command = "test -e healthy", interval = "6s", timeout = "2s", failures = 3 }
                    """);
            Host.Apply first = h.apply();
            await(Duration.ofSeconds(30), "svc RUNNING", io(() -> "RUNNING".equals(h.stateOf("svc"))));
            long pid = h.pidOf("svc");
            await(Duration.ofSeconds(40), "two failures", io(() -> failuresOf(h, "svc") == 2));
            first.process().destroyForcibly(); // kill -9 of apply, one failure before a restart
            first.process().waitFor();
            assertEquals(pid, h.pidOf("svc"), "still the first process when apply was killed");
            assertTrue(Host.alive(pid), "the service outlives apply");
            Host.Apply second = h.apply();
            await(Duration.ofSeconds(30), "adopted", () -> second.log().contains("adopted svc@"));
            await(Duration.ofSeconds(40), "the new apply's first failure", io(() -> failuresOf(h, "svc") == 1));
            assertEquals(pid, h.pidOf("svc"), "not restarted: the count started afresh");
            assertTrue(Host.alive(pid));
            assertTrue(!second.log().contains("unhealthy"), second.log());
        }
    }
}
