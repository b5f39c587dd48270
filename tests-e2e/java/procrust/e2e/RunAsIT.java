package procrust.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static procrust.e2e.Host.await;
import static procrust.e2e.Host.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SPEC §6 "who and how a process runs", through bin/procrust with real processes (CI runs as root):
 * user/group/umask/limits read back from /proc, the command health check as the same user, a root-only
 * file the service cannot write, the stop signal a trap receives, adoption of a service running as
 * nobody after a kill -9 of apply. Env files: {@link EnvFileIT}; a non-root apply: {@link NotRootIT}.
 */
class RunAsIT {

    static final Duration LONG = Duration.ofSeconds(60);

    static String statusField(long pid, String key) throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (l.startsWith(key + ":")) {
                return l.substring(key.length() + 1).trim();
            }
        }
        throw new AssertionError("no " + key + " in /proc/" + pid + "/status");
    }

    static void assumeRoot() throws IOException {
        assumeTrue(statusField(ProcessHandle.current().pid(), "Uid").startsWith("0\t"),
                "running services as another user needs root (CI runs as root)");
    }

    /** A folder everyone may enter, holding a file only root may write. */
    static Path rootOnlyFile(Host h) throws IOException {
        Path pub = Files.createDirectory(h.dir.resolve("pub"));
        Files.setPosixFilePermissions(pub, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(h.dir, PosixFilePermissions.fromString("rwx--x--x"));
        Path f = Files.writeString(pub.resolve("root-only"), "root's\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        return f;
    }

    @Test
    void nobodyWithUmaskAndLimitsAndItsHealthCheckAsNobody() throws Exception {
        assumeRoot();
        try (Host h = new Host()) {
            Path rootOnly = rootOnlyFile(h);
            h.write("""
                    [[process]]
                    id = "web"
                    command = 'echo "umask=$(umask) uid=$(id -u)"; echo hacked >> %s && echo wrote || echo denied; exec sleep 300'
                    apply_on = "2024-10-01T12:00:00"
                    user = "nobody"
                    umask = "0027"
                    limits = { nofile = 1234, core = 0 }
                    [process.start_health_check]
                    command = 'echo "check uid=$(id -u) groups=$(id -G)"'
                    timeout = "20s"
                    interval = "200ms"
                    """.formatted(rootOnly));
            Procrust.Result r = h.run("apply", "--once");
            assertEquals(0, r.exit(), r::toString);
            long pid = h.pidOf("web");
            assertTrue(Host.alive(pid), r::toString);
            assertEquals("65534\t65534\t65534\t65534", statusField(pid, "Uid"));
            assertEquals("65534\t65534\t65534\t65534", statusField(pid, "Gid"));
            assertEquals("65534", statusField(pid, "Groups"), "nobody's groups, none of root's");
            assertEquals("0027", statusField(pid, "Umask"));
            String limits = Files.readString(Path.of("/proc/" + pid + "/limits"));
            assertTrue(limits.matches("(?s).*Max open files\\s+1234\\s+1234\\s.*"), limits);
            assertTrue(limits.matches("(?s).*Max core file size\\s+0\\s+0\\s.*"), limits);
            String log = Files.readString(h.log("web"));
            assertTrue(log.contains("umask=0027 uid=65534"), log);
            assertTrue(log.contains("denied") && !log.contains("wrote"), log);
            assertEquals("root's\n", Files.readString(rootOnly), "the root-only file is untouched");
            String checks = Files.readString(h.uidDir().resolve("logs").resolve("health").resolve("web.log"));
            assertTrue(checks.contains("check uid=65534 groups=65534"), "the health check runs as nobody too:\n" + checks);
            JsonNode st = h.status();
            assertEquals("RUNNING", st.path("processes").get(0).path("state").asText(), st::toString);
            assertEquals(pid, st.path("processes").get(0).path("pid").asLong(), "the pid recorded is the service's");
            assertEquals(List.of(pid), h.processesOf("web"), "one process, the group leader, as nobody");

            // an edit of these fields waits for the next start (SPEC §3), and plan says so
            h.write(Files.readString(h.config).substring(Files.readString(h.config).indexOf("[[process]]"))
                    .replace("umask = \"0027\"", "umask = \"0077\"").replace("user = \"nobody\"", "user = \"65534\""));
            Procrust.Result plan = h.run("plan");
            assertTrue(plan.out().contains("changed since it started: user, umask (takes effect at its next start)"),
                    plan::toString);
            assertEquals(0, h.run("apply", "--once").exit());
            assertEquals(pid, h.pidOf("web"), "not restarted");
            assertEquals("0027", statusField(pid, "Umask"));
        }
    }

    @Test
    void stopSignalIntIsWhatTheTrapReceives() throws Exception {
        try (Host h = new Host()) {
            h.write("""
                    [[process]]
                    id = "trap"
                    command = "trap 'echo got INT; exit 0' INT; trap 'echo got TERM; exit 0' TERM; echo ready; while true; do sleep 0.2; done"
                    apply_on = "2024-10-01T12:00:00"
                    stop_signal = "INT"
                    stop_timeout = "20s"
                    """);
            assertEquals(0, h.run("apply", "--once").exit());
            long pid = h.pidOf("trap");
            await(LONG, "the trap is set", io(() -> Files.readString(h.log("trap")).contains("ready")));
            Procrust.Result stop = h.run("stop", "trap");
            assertEquals(0, stop.exit(), stop::toString);
            assertFalse(Host.alive(pid));
            String log = Files.readString(h.log("trap"));
            assertTrue(log.contains("got INT") && !log.contains("got TERM"), log);
            assertFalse(stop.err().contains("SIGKILL"), "it heeded INT, no SIGKILL was needed:\n" + stop);
        }
    }

    @Test
    void aServiceRunningAsNobodyIsAdoptedAfterAKill9OfApplyAndStoppedCorrectly() throws Exception {
        assumeRoot();
        try (Host h = new Host()) {
            h.write("""
                    [[process]]
                    id = "svc"
                    command = "sleep 300 & exec sleep 301"
                    apply_on = "2024-10-01T12:00:00"
                    user = "nobody"
                    stop_signal = "TERM"
                    """);
            Host.Apply first = h.apply();
            await(LONG, "svc RUNNING", io(() -> "RUNNING".equals(h.stateOf("svc"))));
            long pid = h.pidOf("svc");
            // RUNNING is recorded before the gate opens (no health check): the switch follows at once
            await(LONG, "svc runs as nobody", io(() -> statusField(pid, "Uid").startsWith("65534\t")));
            first.process().destroyForcibly().waitFor();
            Host.Apply second = h.apply();
            await(LONG, "the second apply adopts svc", () -> second.log().contains("adopt"));
            Thread.sleep(1500); // a few polls of the adopted process
            assertEquals(pid, h.pidOf("svc"), "the same process, adopted, not a new one:\n" + second.log());
            assertTrue(Host.alive(pid));
            assertEquals(2, h.processesOf("svc").size(), "the leader and its child, no duplicate");
            Procrust.Result stop = h.run("stop", "svc");
            assertEquals(0, stop.exit(), stop + "\n" + second.log());
            await(LONG, "every process of svc's group gone", () -> h.processesOf("svc").isEmpty());
            assertEquals("HELD", h.status().path("processes").get(0).path("state").asText());
        }
    }

    @Test
    void checkReportsABadValueInEveryFieldAtItsLineAndColumn() throws Exception {
        try (Host h = new Host()) {
            h.write("""
                    user = "bad user"
                    group = "-g"
                    umask = "999"
                    env_file = ""
                    limits = { nofile = "lots" }

                    [[process]]
                    id = "p"
                    command = "true"
                    apply_on = "2024-10-01T12:00:00"
                    user = -1
                    group = 1.5
                    umask = 22
                    env_file = ["ok.env", 7]
                    stop_signal = "STOP"
                    limits = { nproc = -2, nofiles = 10 }
                    """);
            Procrust.Result r = h.run("check");
            assertEquals(1, r.exit(), r::toString);
            String f = h.config.toString();
            for (String at : List.of("5:1: error[invalid-value]: `user`", "6:1: error[invalid-value]: `group`",
                    "7:1: error[invalid-value]: `umask`", "8:1: error[invalid-value]: `env_file`",
                    "9:12: error[invalid-value]: `limits.nofile`", "15:1: error[invalid-value]: `user`",
                    "16:1: error[invalid-value]: `group`", "17:1: error[invalid-value]: `umask`",
                    "18:23: error[invalid-value]: `env_file`", "19:1: error[invalid-value]: `stop_signal`",
                    "20:12: error[invalid-value]: `limits.nproc`", "20:24: error[unknown-key]: unknown key `nofiles`")) {
                assertTrue(r.out().contains(f + ":" + at), "no " + at + " in:\n" + r);
            }
            assertTrue(r.out().contains("did you mean `nofile`?"), r::toString);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
