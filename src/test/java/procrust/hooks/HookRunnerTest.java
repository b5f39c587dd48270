package procrust.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import procrust.config.Hook;
import procrust.runtime.KillSignaller;
import procrust.runtime.LinuxProcessTable;
import procrust.runtime.Signal;

/** Hooks as real process groups: environment, timeout, concurrency, overflow, a hook that forks a lot. */
class HookRunnerTest {

    @TempDir
    Path dir;

    private final String uid = UUID.randomUUID().toString();
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private final LinuxProcessTable table = new LinuxProcessTable();
    private HookRunner runner;

    private HookRunner runner(Hook... hooks) {
        runner = new HookRunner(dir.resolve("hooks.log"), uid, () -> List.of(hooks), new KillSignaller(),
                Clock.systemDefaultZone(), warnings::add);
        return runner;
    }

    @AfterEach
    void end() throws Exception {
        if (runner != null) {
            runner.close();
        }
        for (long g : hookGroups()) { // a failed test must not leave its hooks running
            new KillSignaller().signalGroup(g, Signal.KILL);
        }
    }

    private List<Long> hookGroups() {
        return table.groupsCarrying(List.of("PROCRUST_UID=" + uid, HookRunner.MARK + "=1"));
    }

    /**
     * The hook groups once none is left, or those still there after 10 s: a SIGKILL to a group of
     * hundreds is not their end at the same instant (each member exits on its own, which takes
     * milliseconds to seconds on a loaded machine; seen once as one member left at the first look).
     */
    private List<Long> hookGroupsOnceGone() throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        List<Long> left = hookGroups();
        while (!left.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(20);
            left = hookGroups();
        }
        return left;
    }

    private static Hook hook(String command, Duration timeout, String... events) {
        return new Hook(List.of(events), command, timeout, null);
    }

    private static HookEvent event(String name) {
        return new HookEvent(name, "web", "2024-10-01T12:00:00", 4242L, 3, Path.of("/var/log/web.log"));
    }

    @Test
    void theEventIsInTheEnvironmentAndTheOutputInHooksLog() throws Exception {
        Path out = dir.resolve("env.txt");
        HookRunner r = runner(hook("env | grep ^PROCRUST_ | sort > " + out + "; echo said something", null, "failed"));
        r.fire(event("started")); // not listened to
        r.fire(event("failed"));
        assertTrue(r.awaitIdle(Duration.ofSeconds(30)));
        assertEquals(List.of("PROCRUST_EVENT=failed", "PROCRUST_EXIT_STATUS=3", "PROCRUST_HOOK=1",
                "PROCRUST_ID=web", "PROCRUST_LOG=/var/log/web.log", "PROCRUST_PID=4242", "PROCRUST_UID=" + uid,
                "PROCRUST_VERSION=2024-10-01T12:00:00"), Files.readAllLines(out));
        String log = Files.readString(dir.resolve("hooks.log"));
        assertTrue(log.contains("procrust: hook failed web@2024-10-01T12:00:00: env"), log);
        assertTrue(log.contains("\nsaid something\n"), log);
        assertTrue(log.contains(") done after "), log);
        assertEquals(2, log.lines().filter(l -> l.contains("procrust: hook failed web")).count(), log); // one run
    }

    @Test
    void aHangingHookThatForksAGreatDealIsKilledWholeAtItsTimeout() throws Exception {
        Path started = dir.resolve("started");
        // 300 children that would sleep a minute, then a shell that waits for them: bounded, so the test is
        // safe on a shared machine, and still far more than a hook should leave. The timeout leaves the
        // forking time to finish even on a loaded machine, so the group is seen whole before it is ended
        HookRunner r = runner(hook("i=0; while [ $i -lt 300 ]; do sleep 60 & i=$((i+1)); done; touch " + started
                + "; wait", Duration.ofSeconds(20)));
        r.fire(event("exited"));
        long t0 = System.nanoTime();
        while (!Files.exists(started) && System.nanoTime() - t0 < 60_000_000_000L) {
            Thread.sleep(50);
        }
        assertTrue(Files.exists(started), "the hook forked its children");
        assertEquals(1, hookGroups().size(), "one process group holds all of the hook");
        assertTrue(r.awaitIdle(Duration.ofSeconds(60)));
        assertEquals(List.of(), hookGroupsOnceGone(), "nothing of the hook outlives its timeout");
        String log = Files.readString(dir.resolve("hooks.log"));
        assertTrue(log.contains("timed out after 20.0s: SIGKILL to its process group"), log);
        assertTrue(warnings.stream().anyMatch(w -> w.contains("timed out")), warnings::toString);
    }

    @Test
    void childrenLeftBehindByAHookThatEndedAreEndedToo() throws Exception {
        HookRunner r = runner(hook("sleep 120 & exit 7", null));
        r.fire(event("stopped"));
        assertTrue(r.awaitIdle(Duration.ofSeconds(30)));
        assertEquals(List.of(), hookGroupsOnceGone());
        assertTrue(Files.readString(dir.resolve("hooks.log")).contains("exited with status 7"));
    }

    @Test
    void atMostFourRunAtOnceAndAFullQueueDropsTheRest() throws Exception {
        Path spans = dir.resolve("spans");
        HookRunner r = runner(hook("echo \"$(date +%s%N) 1\" >> " + spans + "; sleep 1; echo \"$(date +%s%N) -1\" >> "
                + spans, null, "backoff"));
        int fired = HookRunner.RUNNING + HookRunner.QUEUE + 10;
        for (int i = 0; i < fired; i++) {
            r.fire(event("backoff")); // never waits for a free slot: what does not fit is dropped
        }
        assertEquals(10, r.dropped(), warnings::toString);
        assertTrue(warnings.get(0).contains("dropped: 4 running and 64 waiting"), warnings::toString);
        assertTrue(r.awaitIdle(Duration.ofMinutes(3)));
        List<String> lines = new ArrayList<>(Files.readAllLines(spans));
        lines.sort(null);
        int now = 0;
        int most = 0;
        for (String l : lines) {
            now += Integer.parseInt(l.split(" ")[1]);
            most = Math.max(most, now);
        }
        assertEquals(2 * (fired - 10), lines.size());
        assertTrue(most <= HookRunner.RUNNING && most >= 2, "at most 4 at once, and some at once: " + most);
    }
}
