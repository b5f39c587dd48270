package procrust.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import procrust.config.Liveness;
import procrust.config.Probe;
import procrust.runtime.ProbeResult;
import procrust.state.HealthRecord;

/** When liveness attempts run, what counts as unhealthy, and what is reported: a scripted starter, no sleeps. */
class LivenessChecksTest {

    static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");
    static final Liveness CHECK = new Liveness(new Probe(Probe.Kind.HTTP, "http://127.0.0.1:1/"),
            Duration.ofSeconds(10), Duration.ofSeconds(5), 3);

    /** Attempts whose results the test sets; each records when it started and whether it was cancelled. */
    static final class Script implements AttemptStarter {
        final Deque<Scripted> started = new ArrayDeque<>();
        final List<Instant> starts = new ArrayList<>();

        @Override
        public Attempt start(Probe probe, Instant now, Instant deadline, java.util.function.Supplier<procrust.runtime.SpawnRequest> c,
                             procrust.logs.LogLineWatch w, Runnable wake) {
            Scripted s = new Scripted(deadline, wake);
            started.add(s);
            starts.add(now);
            return s;
        }

        Scripted last() {
            return started.getLast();
        }
    }

    static final class Scripted implements Attempt {
        final Instant deadline;
        final Runnable wake;
        ProbeResult result;
        boolean cancelled;

        Scripted(Instant deadline, Runnable wake) {
            this.deadline = deadline;
            this.wake = wake;
        }

        /** The attempt ends (on another thread, in real life) and wakes its owner. */
        void finish(ProbeResult r) {
            result = r;
            wake.run();
        }

        @Override
        public ProbeResult poll(Instant now) {
            return result;
        }

        @Override
        public Instant deadline() {
            return deadline;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    final Script script = new Script();
    final LivenessChecks checks = new LivenessChecks(script, () -> { });
    final List<LivenessChecks.Target> web = List.of(new LivenessChecks.Target("web", "v1", CHECK, () -> null));

    List<LivenessChecks.Finding> at(long seconds) {
        return checks.step(web, T0.plusSeconds(seconds));
    }

    @Test
    void attemptsThatEndTogetherAreTakenInOneStepAndALateOneWakesTheLoop() {
        java.util.concurrent.atomic.AtomicInteger wakes = new java.util.concurrent.atomic.AtomicInteger();
        LivenessChecks batched = new LivenessChecks(script, wakes::incrementAndGet);
        List<LivenessChecks.Target> many = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            many.add(new LivenessChecks.Target("s" + i, "v1", CHECK, () -> null));
        }
        batched.step(many, T0);
        batched.step(many, T0.plusSeconds(10));
        assertEquals(10, script.started.size(), "they came due together");
        assertEquals(T0.plusSeconds(10).plus(LivenessChecks.BATCH), batched.nextWake(), "looked at together, soon");
        List<Scripted> attempts = new ArrayList<>(script.started);
        for (int i = 0; i < 9; i++) {
            attempts.get(i).finish(ProbeResult.ok("HTTP 200"));
        }
        assertEquals(0, wakes.get(), "an attempt that ends within its batch wakes nobody");
        List<LivenessChecks.Finding> f = batched.step(many, T0.plusSeconds(10).plus(LivenessChecks.BATCH));
        assertEquals(9, f.size(), "the nine that ended, in one step");
        assertEquals(T0.plusSeconds(15), batched.nextWake(), "the last one's deadline");
        attempts.get(9).finish(ProbeResult.failed("HTTP 503"));
        assertEquals(1, wakes.get(), "one that ends after its batch was looked at wakes the loop at once");
        assertEquals(new HealthRecord(1, "HTTP 503", null), batched.step(many, T0.plusSeconds(11)).get(0).health());
    }

    @Test
    void theFirstAttemptComesOneIntervalAfterRunning() {
        assertEquals(List.of(), at(0));
        assertEquals(T0.plusSeconds(10), checks.nextWake());
        at(9);
        assertTrue(script.starts.isEmpty());
        at(10);
        assertEquals(List.of(T0.plusSeconds(10)), script.starts);
    }

    @Test
    void aStepOfTheWallClockKeepsTheIntervalItsRealLength() {
        at(0); // next attempt at +10 s
        checks.shift(Duration.ofHours(-1)); // the wall clock went back an hour at +5 s
        assertEquals(T0.plusSeconds(10).minus(Duration.ofHours(1)), checks.nextWake());
        checks.step(web, T0.plusSeconds(10).minus(Duration.ofHours(1)));
        assertEquals(1, script.starts.size(), "due 5 s after the step, not an hour later");
    }

    @Test
    void threeFailuresInARowAreUnhealthyAndASuccessBetweenResetsTheCount() {
        at(0);
        at(10);
        script.last().finish(ProbeResult.failed("HTTP 503"));
        assertEquals(List.of(new LivenessChecks.Checked("web", "v1", new HealthRecord(1, "HTTP 503", null))), at(11));
        at(20);
        script.last().finish(ProbeResult.failed("HTTP 503"));
        assertEquals(new HealthRecord(2, "HTTP 503", null), at(21).get(0).health());
        at(30);
        script.last().finish(ProbeResult.ok("HTTP 200"));
        assertEquals(new HealthRecord(0, "HTTP 503", T0.plusSeconds(31)), at(31).get(0).health());
        for (long t = 40; t <= 60; t += 10) {
            at(t);
            script.last().finish(ProbeResult.failed("connection refused"));
        }
        List<LivenessChecks.Finding> f = at(61);
        assertEquals(1, f.size());
        LivenessChecks.Unhealthy u = assertInstanceOf(LivenessChecks.Unhealthy.class, f.get(0));
        assertEquals(3, u.health().failures());
        assertTrue(u.reason().startsWith("health check failed 3 times in a row (http http://127.0.0.1:1/): "
                + "connection refused"), u.reason());
        assertEquals(0, checks.failures("web", "v1"), "its next process counts afresh");
    }

    @Test
    void anAttemptNeverOverlapsItselfAndAHungOneWaitsForItsEnd() {
        at(0);
        at(10);
        at(20); // the first is still running: no second attempt
        assertEquals(1, script.started.size());
        assertEquals(T0.plusSeconds(15), checks.nextWake(), "its deadline");
        script.last().finish(ProbeResult.failed("still running at its timeout: process group 9 killed"));
        at(21); // over, and the next was due: it starts at once
        assertEquals(2, script.started.size());
        assertEquals(T0.plusSeconds(21), script.starts.get(1));
    }

    @Test
    void aSuccessIsReportedOnlyWhenTheShownOneIsAMinuteOld() {
        at(0);
        int reported = 0;
        for (long t = 10; t <= 130; t += 10) {
            at(t);
            script.last().finish(ProbeResult.ok("HTTP 200"));
            reported += at(t + 1).size();
        }
        assertEquals(3, reported, "at 11, 71 and 131 s: status's last_ok is at most a minute old");
    }

    @Test
    void anInstanceNoLongerRunningIsForgottenAndItsAttemptEnded() {
        at(0);
        at(10);
        Scripted inflight = script.last();
        assertEquals(List.of(), checks.step(List.of(), T0.plusSeconds(11)));
        assertTrue(inflight.cancelled);
        assertNull(checks.nextWake());
        checks.step(web, T0.plusSeconds(12));
        assertEquals(T0.plusSeconds(22), checks.nextWake(), "seen RUNNING again: a new count, one interval later");
    }

    @Test
    void shutdownEndsWhatIsInFlight() {
        at(0);
        at(10);
        checks.shutdown();
        assertTrue(script.last().cancelled);
    }
}
