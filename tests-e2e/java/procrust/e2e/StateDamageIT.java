package procrust.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static procrust.e2e.Host.await;
import static procrust.e2e.Host.io;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * A damaged state file, or one naming pids that are not (or no longer) this uid's services: each is
 * reported clearly, nothing unrelated is signalled, and this uid's services are recovered or left alone.
 */
class StateDamageIT {

    private static final String SVC = """
            [[process]]
            id = "svc"
            command = "exec sleep 300"
            apply_on = "2024-10-01T12:00:00"
            """;

    /** Starts svc under an apply, kills the apply with SIGKILL; returns svc's pid (left running). */
    private static long runningThenApplyKilled(Host h) throws Exception {
        h.write(SVC);
        Host.Apply ap = h.apply();
        await(Duration.ofSeconds(30), "svc running", io(() -> "RUNNING".equals(h.stateOf("svc"))));
        long pid = h.pidOf("svc");
        // RUNNING is recorded just before the gate opens (a kill between the two ends the start at its
        // gate, by design): the service runs its own command once it is sleep, not the gate's shell
        await(Duration.ofSeconds(30), "svc past its gate", () -> {
            try {
                return "sleep".equals(Files.readString(Path.of("/proc/" + pid + "/comm")).trim());
            } catch (java.io.IOException e) {
                return false;
            }
        });
        ap.process().destroyForcibly();
        assertTrue(ap.process().waitFor(10, TimeUnit.SECONDS));
        return pid;
    }

    /** Two kinds end to end (a torn write, something that is not a file); StateDamageTest has them all. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"truncated", "folder"})
    void damagedStateIsReportedAndTheRunningServiceIsAdoptedNotDuplicated(String damage) throws Exception {
        try (Host h = new Host()) {
            long old = runningThenApplyKilled(h);
            Path f = h.uidDir().resolve("state.json");
            String text = Files.readString(f);
            switch (damage) {
                case "truncated" -> Files.writeString(f, text.substring(0, text.length() / 2));
                case "empty" -> Files.write(f, new byte[0]);
                case "garbage" -> Files.write(f, new byte[] {0x7f, 'E', 'L', 'F', 0, 1, 2, (byte) 0xff});
                case "wrong-format" -> Files.writeString(f, text.replaceFirst("\"format\"\\s*:\\s*1", "\"format\": 7"));
                case "folder" -> {
                    Files.delete(f);
                    Files.createDirectory(f);
                }
                default -> throw new AssertionError(damage);
            }
            Procrust.Result st = h.run("status");
            assertEquals(3, st.exit(), st::toString);
            assertTrue(st.out().contains(f.toString()) && st.out().contains("unusable"), st::toString);

            Procrust.Result r = h.run("apply", "--once");
            assertEquals(0, r.exit(), r::toString);
            assertTrue(r.err().contains("state file " + f + " is unusable") && r.err().contains("moved to state.json.corrupt-")
                    && r.err().contains("found by their environment"), r::toString);
            assertTrue(r.err().lines().noneMatch(l -> l.startsWith("\tat ")), "no stack trace: " + r);
            assertTrue(Host.alive(old), "the service of the damaged state was not signalled");
            assertEquals("RUNNING", h.stateOf("svc"));
            assertEquals(old, h.pidOf("svc"), "found by its environment and adopted, not started a second time");
            assertEquals(List.of(old), h.processesOf("svc"));
        }
    }

    @Test
    void aRecordedPidThatIsDeadIsRestartedAndNothingElseSignalled() throws Exception {
        try (Host h = new Host()) {
            long old = runningThenApplyKilled(h);
            new ProcessBuilder("kill", "-KILL", Long.toString(old)).start().waitFor();
            await(Duration.ofSeconds(10), "svc dead", () -> !Host.alive(old));
            Procrust.Result r = h.run("apply", "--once");
            assertEquals(0, r.exit(), r::toString);
            // killed and not reaped by an init that does not reap orphans, it may linger as a zombie
            assertTrue(r.err().contains("gone") && (r.err().contains("no longer running") || r.err().contains("zombie")),
                    r::toString);
            long now = h.pidOf("svc");
            assertNotEquals(old, now);
            assertEquals(List.of(now), h.processesOf("svc"));
        }
    }

    @Test
    void aRecordedZombieIsGoneAndItsParentIsNotSignalled() throws Exception {
        try (Host h = new Host()) {
            h.write(SVC);
            // parent: a session of its own running sleep 300 that never reaps its child (sleep 0.1): a zombie
            Process parent = unrelated("sleep 0.1 & exec sleep 300");
            h.own(parent.pid());
            long zombie = find(() -> childOf(parent.pid()));
            await(Duration.ofSeconds(10), "the child is a zombie", () -> statField(zombie, 0).equals("Z"));
            writeRecord(h, zombie, Long.parseLong(statField(zombie, 19)), bootId());
            Procrust.Result r = h.run("apply", "--once");
            assertEquals(0, r.exit(), r::toString);
            assertTrue(r.err().contains("zombie"), r::toString);
            assertTrue(parent.isAlive(), "the zombie's parent was not signalled");
            assertNotEquals(zombie, h.pidOf("svc"));
        }
    }

    @Test
    void aPidOfThisExactProcessButAnotherBootIsNeitherAdoptedNorSignalled() throws Exception {
        try (Host h = new Host()) {
            h.write(SVC);
            Process other = unrelated("exec sleep 300");
            h.own(other.pid());
            writeRecord(h, other.pid(), Long.parseLong(statField(other.pid(), 19)), UUID.randomUUID().toString());
            Procrust.Result r = h.run("apply", "--once");
            assertEquals(0, r.exit(), r::toString);
            assertTrue(r.err().contains("rebooted"), r::toString);
            assertTrue(other.isAlive());
            assertNotEquals(other.pid(), h.pidOf("svc"));
        }
    }

    /**
     * The recorded leader is gone and a process group of that number lives: it is this service's remnant
     * only if the service's group never emptied; when the pid was reused meanwhile by another session
     * whose leader exited in turn, the group is someone else's. Its members do not carry this uid in their
     * environment: it must be left alone.
     */
    @Test
    void anUnrelatedOrphanedGroupUnderARecordedPidIsNotSignalled() throws Exception {
        try (Host h = new Host()) {
            h.write(SVC);
            Process leader = unrelated("sleep 300 & sleep 301 & exit 0");
            long pgid = leader.pid();
            h.own(pgid);
            assertTrue(leader.waitFor(10, TimeUnit.SECONDS), "the unrelated leader exits, its group stays");
            long member = find(() -> memberOf(pgid));
            for (String state : List.of("RUNNING", "STOPPING")) {
                writeRecord(h, pgid, 12345, bootId(), state);
                Procrust.Result r = h.run("apply", "--once");
                assertEquals(0, r.exit(), r::toString);
                assertTrue(Host.alive(member), state + ": a member of an unrelated group was signalled: " + r);
                assertNotEquals(pgid, h.pidOf("svc"));
            }
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    /** A process of the test's own, in a session of its own, without any PROCRUST_ variable. */
    static Process unrelated(String script) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("setsid", "/bin/sh", "-c", script)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().keySet().removeIf(k -> k.startsWith("PROCRUST_"));
        Process p = pb.start();
        await(Duration.ofSeconds(10), "own session", () -> statField(p.pid(), 3).equals(Long.toString(p.pid()))
                || !p.isAlive());
        return p;
    }

    static void writeRecord(Host h, long pid, long ticks, String boot) throws Exception {
        writeRecord(h, pid, ticks, boot, "RUNNING");
    }

    static void writeRecord(Host h, long pid, long ticks, String boot, String state) throws Exception {
        Files.createDirectories(h.uidDir());
        Files.writeString(h.uidDir().resolve("state.json"), """
                {"format": 1, "uid": "%s", "holds": [], "instances": [{
                  "id": "svc", "version": "2024-10-01T12:00:00", "type": "normal", "state": "%s",
                  "pid": %d, "startTicks": %d, "bootId": "%s", "startedAt": "2025-01-01T00:00:00Z",
                  "since": "2025-01-01T00:00:00Z", "restarts": 0, "consecutiveFailures": 0,
                  "runningSince": "2025-01-01T00:00:00Z", "fingerprint": {}}]}
                """.formatted(h.uid, state, pid, ticks, boot));
    }

    static String bootId() throws Exception {
        return Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).strip();
    }

    /** Field {@code n} after the command name in /proc/PID/stat (0 = state, 2 = pgid, 3 = sid, 19 = start ticks). */
    static String statField(long pid, int n) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ")[n];
        } catch (Exception e) {
            return "";
        }
    }

    static Long childOf(long ppid) {
        return ProcessHandle.of(ppid).flatMap(p -> p.children().findFirst()).map(ProcessHandle::pid).orElse(null);
    }

    static Long memberOf(long pgid) {
        return ProcessHandle.allProcesses().filter(p -> statField(p.pid(), 2).equals(Long.toString(pgid))
                && !statField(p.pid(), 0).equals("Z")).map(ProcessHandle::pid).findFirst().orElse(null);
    }

    interface Found {
        Long get() throws Exception;
    }

    static long find(Found f) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            Long v = f.get();
            if (v != null) {
                return v;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(20);
        }
    }
}
