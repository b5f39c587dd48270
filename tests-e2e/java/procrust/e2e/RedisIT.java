package procrust.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static procrust.e2e.Host.await;
import static procrust.e2e.Host.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A real service: redis-server on loopback, health-checked with {@code redis-cli ping}, and a client
 * that depends on it (it counts in redis and exits when redis goes away). redis and apply are killed
 * with -9 at bad moments: the client never starts before redis answers, nothing runs twice, and the
 * counter keeps counting. Skipped, with the reason, where redis is not installed.
 */
class RedisIT {

    private static Path redisServer;
    private static Path redisCli;

    @BeforeAll
    static void needsRedis() {
        redisServer = onPath("redis-server");
        redisCli = onPath("redis-cli");
        Assumptions.assumeTrue(redisServer != null && redisCli != null,
                "redis-server and redis-cli are not installed (Debian: apt-get install redis-server): "
                        + "the real-service test is skipped");
    }

    private static Path onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** A loopback port free right now (redis binds it a moment later; a clash fails loudly, not silently). */
    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * redis's health check waits {@code checkDelay} before its ping, so that apply can be killed while
     * redis is PENDING_HEALTH_CHECK. The client increments {@code ticks} every 200 ms and exits 1 as
     * soon as redis does not answer.
     */
    private static String file(int port, Path data, String checkDelay) {
        return """
                [[process]]
                id = "redis"
                command = "exec %1$s --bind 127.0.0.1 --port %2$d --save '' --appendonly no --dir %3$s"
                apply_on = "2024-10-01T12:00:00"
                stop_timeout = "5s"

                [process.start_health_check]
                command = "sleep %4$s; %5$s -p %2$d ping | grep -qx PONG"
                timeout = "20s"
                interval = "200ms"

                [[process]]
                id = "client"
                command = "while %5$s -p %2$d incr ticks | grep -q '^[0-9]'; do sleep 0.2; done; echo lost redis; exit 1"
                apply_on = "2024-10-01T12:00:00"
                depends_on = ["redis"]

                [process.restart]
                delay = "200ms"
                max_attempts = 50
                """.formatted(redisServer, port, data, checkDelay, redisCli);
    }

    private static Procrust.Result cli(Host h, int port, String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of(redisCli.toString(), "-p", Integer.toString(port)));
        cmd.addAll(List.of(args));
        return Cmd.run(h.dir, Map.of(), false, Duration.ofSeconds(10), cmd);
    }

    private static long ticks(Host h, int port) {
        try {
            String out = cli(h, port, "get", "ticks").out().strip();
            return out.matches("\\d+") ? Long.parseLong(out) : -1;
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    private static void countingPast(Host h, int port, long floor) throws InterruptedException {
        await(Duration.ofSeconds(40), "the client counting in redis past " + floor, () -> ticks(h, port) > floor);
    }

    /**
     * Live redis-server processes serving {@code port}. Not found by environment like the other
     * processes: redis writes its process title over its environment, so {@code /proc/PID/environ}
     * no longer shows PROCRUST_ID; its title ({@code redis-server 127.0.0.1:PORT}) names the port.
     */
    private static List<Long> redisServers(int port) throws IOException {
        List<Long> out = new java.util.ArrayList<>();
        java.util.regex.Pattern title = java.util.regex.Pattern.compile("redis-server 127\\.0\\.0\\.1:" + port + "\\b");
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String cmdline = Files.readString(p.resolve("cmdline")).replace('\0', ' ');
                    if (title.matcher(cmdline).find() && Host.alive(Long.parseLong(name))) {
                        out.add(Long.parseLong(name));
                    }
                } catch (IOException | RuntimeException e) {
                    // gone meanwhile
                }
            }
        }
        return out;
    }

    /**
     * Runs a scenario on a fresh port and its own host; once the host has ended its applies and
     * processes, kills what is left of its redis-servers: the host finds processes by their
     * environment, which redis overwrites.
     */
    private static void onPort(Scenario s) throws Exception {
        int port = freePort();
        try (Host h = new Host()) {
            s.run(h, port);
        } finally {
            for (long pid : redisServers(port)) {
                new ProcessBuilder("kill", "-KILL", Long.toString(pid)).start().waitFor();
            }
        }
    }

    private interface Scenario {
        void run(Host h, int port) throws Exception;
    }

    /** One redis-server and at most one client process group, whatever happened: nothing was started twice. */
    private static void noDuplicates(Host h, int port) throws IOException {
        assertEquals(List.of(h.pidOf("redis")), redisServers(port), "redis-server processes");
        long clientGroups = h.processesOf("client").stream().map(RedisIT::pgid).distinct().count();
        assertTrue(clientGroups <= 1, () -> "client process groups: " + h.processesOf("client"));
    }

    private static long pgid(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[2]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static JsonNode status(Host h) {
        try {
            return h.status();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("status failed", e);
        }
    }

    /** The client's start comes after redis became healthy, in apply's event log. */
    private static void clientStartedAfterRedisWasHealthy(String log) {
        int healthy = log.lastIndexOf("healthy redis@");
        int client = log.lastIndexOf("started client@");
        assertTrue(healthy >= 0 && client > healthy, log);
    }

    @Test
    void redisAndItsClientSurviveKillsOfRedisAndOfApplyWithoutDuplicates() throws Exception {
        onPort((h, port) -> {
            h.write(file(port, h.dir, "0"));
            Host.Apply first = h.apply();
            countingPast(h, port, 3);
            clientStartedAfterRedisWasHealthy(first.log());
            JsonNode st = h.status();
            assertEquals(0, h.run("status").exit(), st::toString);
            assertEquals("RUNNING", HoldIT.stateIn(st, "redis"), st::toString);
            assertEquals("RUNNING", HoldIT.stateIn(st, "client"), st::toString);
            // loopback only: the listening socket is 127.0.0.1:port (0100007F in /proc/net/tcp)
            String listen = "0100007F:%04X".formatted(port);
            assertTrue(Files.readString(Path.of("/proc/net/tcp")).contains(listen), "redis listens on " + listen);

            // redis killed under a running apply: restarted, health-checked again; the client (which
            // exits when redis goes away) comes back and the counter goes on
            long redis = h.pidOf("redis");
            new ProcessBuilder("kill", "-KILL", Long.toString(redis)).start().waitFor();
            await(Duration.ofSeconds(40), "redis restarted", io(() -> h.pidOf("redis") != redis
                    && "RUNNING".equals(h.stateOf("redis"))));
            countingPast(h, port, 3); // a fresh redis (nothing saved): counting from 1 again
            noDuplicates(h, port);
            assertTrue(first.log().contains("crashed redis@"), first.log());

            // kill -9 of apply, then of redis while no apply watches: the next apply starts redis
            // again (gone, never signalled) and the client only once redis answers again
            long client = h.pidOf("client");
            new ProcessBuilder("kill", "-KILL", Long.toString(first.pid())).start().waitFor();
            assertTrue(first.process().waitFor(10, TimeUnit.SECONDS));
            long redis2 = h.pidOf("redis");
            new ProcessBuilder("kill", "-KILL", Long.toString(redis2)).start().waitFor();
            await(Duration.ofSeconds(10), "the client noticed", () -> !Host.alive(client));
            Host.Apply second = h.apply();
            countingPast(h, port, 0);
            clientStartedAfterRedisWasHealthy(second.log());
            assertTrue(second.log().contains("gone: redis@"), second.log());
            noDuplicates(h, port);

            // SIGTERM of apply leaves redis serving
            long redis3 = h.pidOf("redis");
            new ProcessBuilder("kill", "-TERM", Long.toString(second.pid())).start().waitFor();
            assertTrue(second.process().waitFor(10, TimeUnit.SECONDS));
            assertTrue(Host.alive(redis3));
            assertEquals("PONG", cli(h, port, "ping").out().strip());
        });
    }

    @Test
    void applyKilledWhileRedisIsBeingHealthCheckedIsFollowedByOneRedisAndTheClientAfterIt() throws Exception {
        onPort((h, port) -> {
            h.write(file(port, h.dir, "2"));
            Host.Apply first = h.apply();
            await(Duration.ofSeconds(40), "redis pending its health check",
                    io(() -> "PENDING_HEALTH_CHECK".equals(h.stateOf("redis"))));
            long redis = h.pidOf("redis");
            // the record comes just before the gate opens (a kill between the two ends the start at its
            // gate, by design): kill apply once redis runs its own program
            await(Duration.ofSeconds(40), "redis past its gate", () -> {
                try {
                    return Files.readString(Path.of("/proc/" + redis + "/comm")).trim().startsWith("redis-server");
                } catch (java.io.IOException e) {
                    return false;
                }
            });
            new ProcessBuilder("kill", "-KILL", Long.toString(first.pid())).start().waitFor();
            assertTrue(first.process().waitFor(10, TimeUnit.SECONDS));
            assertTrue(Host.alive(redis), "redis survives its supervisor's death");
            assertEquals(List.of(), h.processesOf("client"), "the client never started before redis was healthy");

            Host.Apply second = h.apply();
            countingPast(h, port, 3);
            assertEquals(redis, h.pidOf("redis"), "the same redis, adopted and then found healthy");
            assertTrue(second.log().contains("adopted redis@"), second.log());
            clientStartedAfterRedisWasHealthy(second.log());
            assertFalse(second.log().contains("started redis@"), second.log());
            noDuplicates(h, port);

            // an operator stops redis: the client is not stopped with it (SPEC §3), but when it exits
            // (redis went away) it waits for redis instead of starting again
            Procrust.Result stop = h.run("stop", "redis");
            assertEquals(0, stop.exit(), stop::toString);
            assertEquals(List.of(), redisServers(port));
            await(Duration.ofSeconds(40), "the client waiting for redis", () -> {
                JsonNode s = status(h);
                return "HELD".equals(HoldIT.stateIn(s, "redis")) && h.processesOf("client").isEmpty()
                        && "WAITING".equals(HoldIT.stateIn(s, "client"));
            });
            Procrust.Result start = h.run("start", "redis");
            assertEquals(0, start.exit(), start::toString);
            countingPast(h, port, 0);
            clientStartedAfterRedisWasHealthy(second.log());
            noDuplicates(h, port);
        });
    }
}
