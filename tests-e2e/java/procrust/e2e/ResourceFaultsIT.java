package procrust.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static procrust.e2e.Host.await;
import static procrust.e2e.Host.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Resource faults with real processes: a service with hundreds of children, a health check that hangs
 * for ever (also across a kill -9 of apply), a stop that ignores SIGTERM, and the log folder on a full or
 * read-only filesystem (a tmpfs mounted by the test; skipped with the reason where mounting is not
 * allowed). apply survives each, says what happened, and leaves nothing of the service behind when it
 * stops it.
 */
class ResourceFaultsIT {

    private static final String STEADY = """
            [[process]]
            id = "steady"
            command = "exec sleep 1000"
            apply_on = "2024-10-01T12:00:00"
            restart = { delay = "300ms" }
            """;

    @Test
    void aServiceWithHundredsOfChildrenIsStoppedWithAllOfThem() throws Exception {
        try (Host h = new Host()) {
            h.write(STEADY + """
                    [[process]]
                    id = "forky"
                    command = "for i in $(seq 300); do sleep 1000 & done; wait"
                    apply_on = "2024-10-01T12:00:00"
                    stop_timeout = "5s"
                    """);
            Host.Apply ap = h.apply();
            await(Duration.ofSeconds(60), "forky and its 300 children", () -> h.processesOf("forky").size() >= 301);
            h.write(STEADY);
            await(Duration.ofSeconds(60), "every process of forky gone", () -> h.processesOf("forky").isEmpty());
            await(Duration.ofSeconds(10), "stopped logged", () -> ap.log().contains("stopped forky@"));
            assertTrue(ap.process().isAlive(), ap.log());
            assertEquals(1, h.processesOf("steady").size());
        }
    }

    @Test
    void aHealthCheckThatHangsIsKilledAtItsTimeoutAndTheStartFails() throws Exception {
        try (Host h = new Host()) {
            h.write("""
                    [[process]]
                    id = "svc"
                    command = "exec sleep 1000"
                    apply_on = "2024-10-01T12:00:00"
                    start_health_check = { command = "exec sleep 100000", timeout = "2s", interval = "1s" }
                    restart = { delay = "1h", max_delay = "1h" }
                    """);
            Host.Apply ap = h.apply();
            await(Duration.ofSeconds(30), "the failed start", () -> ap.log().contains("did not pass within 2s"));
            await(Duration.ofSeconds(20), "service and probe gone", () -> h.processesOf("svc").isEmpty());
            await(Duration.ofSeconds(10), "BACKOFF", io(() -> "BACKOFF".equals(h.stateOf("svc"))));
            assertTrue(ap.process().isAlive());
        }
    }

    @Test
    void aHangingProbeDoesNotOutliveAnApplyKilledWhileItRuns() throws Exception {
        try (Host h = new Host()) {
            h.write("""
                    [[process]]
                    id = "svc"
                    command = "exec sleep 1000"
                    apply_on = "2024-10-01T12:00:00"
                    start_health_check = { command = "exec sleep 100001", timeout = "1h", interval = "1s" }
                    """);
            Host.Apply first = h.apply();
            await(Duration.ofSeconds(30), "the probe runs", () -> probes(h) == 1);
            first.process().destroyForcibly();
            assertTrue(first.process().waitFor(10, TimeUnit.SECONDS));
            Host.Apply second = h.apply();
            await(Duration.ofSeconds(30), "adopted", () -> second.log().contains("adopted svc@"));
            // the next apply runs a probe of its own: the one of the dead apply must end
            await(Duration.ofSeconds(30), "one probe at most", () -> probes(h) <= 1);
            Thread.sleep(2000);
            assertTrue(probes(h) <= 1, () -> "the dead apply's probe is still running:\n" + Census.of(h.uid));
        }
    }

    private static long probes(Host h) {
        return Census.of(h.uid).procs().stream().filter(p -> p.cmdline().contains("sleep 100001")).count();
    }

    @Test
    void aStopThatIgnoresSigtermEndsWithSigkillAfterStopTimeout() throws Exception {
        try (Host h = new Host()) {
            h.write(STEADY + """
                    [[process]]
                    id = "stubborn"
                    command = "trap '' TERM; sleep 1000 & sleep 1001 & wait"
                    apply_on = "2024-10-01T12:00:00"
                    stop_timeout = "1s"
                    """);
            Host.Apply ap = h.apply();
            await(Duration.ofSeconds(30), "stubborn and its children", () -> h.processesOf("stubborn").size() == 3);
            h.write(STEADY);
            await(Duration.ofSeconds(30), "stubborn gone", () -> h.processesOf("stubborn").isEmpty());
            await(Duration.ofSeconds(10), "the kill is logged", () -> ap.log().contains("stopped stubborn@"));
            assertTrue(ap.log().contains("SIGKILL") || ap.log().contains(" kill "), ap.log());
        }
    }

    @Test
    void aFullLogFilesystemNeitherStopsApplyNorRestarts() throws Exception {
        try (Host h = new Host()) {
            Path logs = h.dir.resolve("logs-tmpfs");
            String why = Mounts.tryMount(logs, "256k");
            assumeTrue(why == null, why);
            try {
                h.write(STEADY + """
                        [[process]]
                        id = "chatty"
                        command = "head -c 1000000 /dev/zero | tr '\\\\0' x; exec sleep 1000"
                        apply_on = "2024-10-01T12:00:00"
                        """);
                Host.Apply ap = h.apply("--log-dir", logs.toString());
                await(Duration.ofSeconds(30), "the log folder full", () -> free(logs) < 8192);
                long old = h.pidOf("steady");
                new ProcessBuilder("kill", "-KILL", Long.toString(old)).start().waitFor();
                await(Duration.ofSeconds(30), "steady restarted on a full log folder",
                        io(() -> h.pidOf("steady") != old && Host.alive(h.pidOf("steady"))));
                assertTrue(ap.process().isAlive(), ap.log());
                assertEquals("RUNNING", h.stateOf("steady"));
            } finally {
                Mounts.unmount(logs);
            }
        }
    }

    @Test
    void aReadOnlyLogFilesystemFailsStartsWithTheReasonAndApplyCarriesOn() throws Exception {
        try (Host h = new Host()) {
            Path logs = h.dir.resolve("logs-tmpfs");
            String why = Mounts.tryMount(logs, "1m");
            assumeTrue(why == null, why);
            try {
                h.write(STEADY);
                Host.Apply ap = h.apply("--log-dir", logs.toString());
                await(Duration.ofSeconds(30), "steady running", io(() -> "RUNNING".equals(h.stateOf("steady"))));
                long old = h.pidOf("steady");
                Mounts.readOnly(logs, true);
                new ProcessBuilder("kill", "-KILL", Long.toString(old)).start().waitFor();
                await(Duration.ofSeconds(30), "a failed start naming the cause",
                        () -> ap.log().contains("Read-only file system"));
                assertTrue(ap.process().isAlive(), ap.log());
                assertTrue(h.processesOf("steady").isEmpty());
                Mounts.readOnly(logs, false);
                await(Duration.ofSeconds(60), "started again once writable",
                        io(() -> "RUNNING".equals(h.stateOf("steady")) && Host.alive(h.pidOf("steady"))));
                assertNotEquals(old, h.pidOf("steady"));
            } finally {
                Mounts.unmount(logs);
            }
        }
    }

    @Test
    void aReadOnlyLogFolderAtStartIsRefusedNamingTheFolderAndTheCause() throws Exception {
        try (Host h = new Host()) {
            Path logs = h.dir.resolve("logs-tmpfs");
            String why = Mounts.tryMount(logs, "1m");
            assumeTrue(why == null, why);
            try {
                h.write(STEADY);
                Mounts.readOnly(logs, true);
                Procrust.Result r = h.run("apply", "--once", "--log-dir", logs.toString());
                assertEquals(1, r.exit(), r::toString);
                assertTrue(r.err().contains(logs.toString()) && r.err().contains("Read-only file system"), r::toString);
                assertTrue(r.err().lines().noneMatch(l -> l.startsWith("\tat ")), r::toString);
            } finally {
                Mounts.unmount(logs);
            }
        }
    }

    private static long free(Path p) {
        try {
            return Files.getFileStore(p).getUsableSpace();
        } catch (java.io.IOException e) {
            return Long.MAX_VALUE;
        }
    }
}
