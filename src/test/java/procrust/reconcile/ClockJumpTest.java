package procrust.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static procrust.reconcile.Fixture.T0;
import static procrust.reconcile.Fixture.V1;
import static procrust.reconcile.Fixture.config;
import static procrust.reconcile.Fixture.spec;
import static procrust.reconcile.Fixture.with;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import procrust.config.HealthCheck;
import procrust.config.ProcessSpec;
import procrust.config.ProcessType;
import procrust.config.RestartPolicy;
import procrust.config.Schedule;
import procrust.plan.InstanceState;

/**
 * What apply does when the wall clock jumps (an NTP step, a manual change), through the injected clock:
 * the shared machine's real clock is not ours to change. Documented in docs/reliability.md.
 * Windows and versions follow the wall clock; durations (back-off, health-check and stop deadlines,
 * uptimes) are measured on the monotonic clock ({@code MutableClock.jump} steps only the wall one).
 * T0 is Monday 2025-03-03 10:00 UTC.
 */
class ClockJumpTest extends WithFixture {

    static ProcessSpec window(ProcessSpec s, String from, String to) {
        return new ProcessSpec(s.index(), s.id(), s.command(), s.applyOn(), s.type(), s.dependsOn(), s.workingDir(),
                s.env(), s.stopTimeout(), new Schedule(LocalTime.parse(from), LocalTime.parse(to),
                EnumSet.allOf(DayOfWeek.class)), s.healthCheck(), s.restart(), s.label(), s.logs(), s.pos(), s.fieldPos());
    }

    private InstanceState state(String id, String version) {
        return f.rec.state().find(id, version).orElseThrow().state();
    }

    @Test
    void aForwardJumpIsActedOnWithinTheLongestSleepOfSixtySeconds() {
        f.start(config(window(spec(0, "w", "run-w", V1), "09:00", "11:00")));
        Instant next = f.stepUntilAsleep();
        assertEquals(List.of("spawn run-w"), rt.effects);
        assertTrue(!next.isAfter(T0.plus(Reconciler.MAX_SLEEP)), "apply wakes at least every 60 s: " + next);
        long pid = rt.last("run-w").pid;
        f.clock.jumpTo(T0.plus(Duration.ofHours(2))); // 12:00: the window closed while the clock jumped over it
        f.stepUntilAsleep();
        assertEquals(List.of("spawn run-w", "TERM " + pid), rt.effects);
    }

    @Test
    void aForwardJumpPastANewVersionReplacesTheOldOne() {
        String v2 = "2025-03-04T10:00:00";
        f.start(config(spec(0, "svc", "run-v1", V1), spec(1, "svc", "run-v2", v2)));
        f.stepUntilAsleep();
        long old = rt.last("run-v1").pid;
        f.clock.jumpTo(T0.plus(Duration.ofDays(2)));
        f.stepUntilAsleep();
        f.stepUntilAsleep();
        assertEquals(List.of("spawn run-v1", "TERM " + old, "spawn run-v2"), rt.effects);
    }

    /**
     * Stopped because its window closed, then the clock steps back into that window: it stays stopped
     * until its next window (its stop is later than the window's opening). A step back of a few
     * seconds right after a window closes does not start a service for those seconds.
     */
    @Test
    void aBackwardJumpIntoAWindowThatAlreadyClosedDoesNotStartTheServiceAgain() {
        f.start(config(window(spec(0, "w", "run-w", V1), "09:00", "11:00")));
        f.stepUntilAsleep();
        f.clock.set(T0.plus(Duration.ofMinutes(90))); // 11:30: closed
        f.stepUntilAsleep();
        f.clock.jumpTo(T0.plus(Duration.ofMinutes(30))); // back to 10:30: inside the window again
        f.stepUntilAsleep();
        assertEquals(List.of("spawn run-w", "TERM " + rt.last("run-w").pid), rt.effects);
        assertEquals(InstanceState.STOPPED, state("w", V1));
        assertTrue(f.rec.lastPlan().actions().get(0).reason().contains("next window opens at 2025-03-04T09:00:00Z"),
                () -> f.rec.lastPlan().toString());
        f.clock.set(Instant.parse("2025-03-04T09:00:00Z")); // the next window
        f.stepUntilAsleep();
        assertEquals(2, rt.effects.stream().filter(e -> e.equals("spawn run-w")).count(), rt.effects::toString);
    }

    @Test
    void aBackwardJumpIntoTheWindowOfACompletedOneshotDoesNotRunItAgain() {
        ProcessSpec job = window(with(spec(0, "job", "run-job", V1), ProcessType.ONESHOT, null, null, null, null),
                "09:00", "11:00");
        f.start(config(job));
        f.stepUntilAsleep();
        rt.exit(rt.last("run-job").pid, 0);
        f.stepUntilAsleep();
        assertEquals(InstanceState.COMPLETED, state("job", V1));
        f.clock.set(T0.plus(Duration.ofMinutes(90)));
        f.stepUntilAsleep();
        f.clock.jumpTo(T0.plus(Duration.ofMinutes(30)));
        f.stepUntilAsleep();
        assertEquals(List.of("spawn run-job"), rt.effects, "completion is keyed on the window's opening (09:00)");
    }

    private static final RestartPolicy TEN_SECONDS = new RestartPolicy(RestartPolicy.Policy.ALWAYS, 5,
            Duration.ofSeconds(10), Duration.ofSeconds(60));

    private long spawns(String command) {
        return rt.effects.stream().filter(e -> e.equals("spawn " + command)).count();
    }

    /** Crashes the service after it ran stably for 20 s: it backs off for 10 s. */
    private void crashIntoTenSecondBackOff() {
        f.start(config(with(spec(0, "svc", "run", V1), null, null, null, TEN_SECONDS, null)));
        f.stepUntilAsleep();
        f.clock.advance(Duration.ofSeconds(20));
        rt.exit(rt.last("run").pid, 1);
        f.stepUntilAsleep();
        assertEquals(InstanceState.BACKOFF, state("svc", V1));
    }

    @Test
    void aBackwardStepDoesNotLengthenABackOff() {
        crashIntoTenSecondBackOff();
        f.clock.jump(Duration.ofHours(-1)); // NTP steps back an hour during the 10 s back-off
        f.clock.advance(Duration.ofSeconds(5));
        f.stepUntilAsleep();
        assertEquals(1, spawns("run"), "5 s of the 10 s back-off have passed");
        assertTrue(f.events.stream().anyMatch(e -> e.startsWith("clock-step") && e.contains("back 1h 0m 0s")), f.events::toString);
        f.clock.advance(Duration.ofSeconds(6));
        f.stepUntilAsleep();
        assertEquals(2, spawns("run"), "10 s of real time later it starts again, not an hour later: " + rt.effects);
    }

    @Test
    void aForwardStepDoesNotCutABackOffShort() {
        crashIntoTenSecondBackOff();
        f.clock.jump(Duration.ofHours(1));
        f.stepUntilAsleep();
        assertEquals(1, spawns("run"), "no time passed: still backing off");
        f.clock.advance(Duration.ofSeconds(11));
        f.stepUntilAsleep();
        assertEquals(2, spawns("run"), rt.effects::toString);
    }

    @Test
    void aBackwardStepDoesNotLengthenAHealthCheckTimeoutNorAForwardOneEndIt() {
        HealthCheck hc = new HealthCheck("check", Duration.ofSeconds(30), Duration.ofSeconds(1));
        f.start(config(with(spec(0, "svc", "run", V1), null, null, hc, null, null)));
        f.stepUntilAsleep();
        rt.exit(rt.last("check").pid, 1);
        f.clock.jump(Duration.ofMinutes(5)); // a forward step: the 30 s have not passed
        f.stepUntilAsleep();
        assertEquals(InstanceState.PENDING_HEALTH_CHECK, state("svc", V1));
        f.clock.jump(Duration.ofMinutes(-10));
        f.clock.advance(Duration.ofSeconds(35)); // 35 s of real time after the spawn: the deadline has passed
        f.stepUntilAsleep();
        assertFalse(state("svc", V1) == InstanceState.PENDING_HEALTH_CHECK, rt.effects::toString);
        assertTrue(rt.effects.contains("TERM " + rt.last("run").pid), rt.effects::toString);
    }

    @Test
    void aBackwardStepDoesNotDelayTheKillOfAStopThatIgnoresTerm() {
        rt.ignoreTerm.add("run-w");
        f.start(config(window(spec(0, "w", "run-w", V1), "09:00", "11:00")));
        f.stepUntilAsleep();
        long pid = rt.last("run-w").pid;
        f.clock.set(Instant.parse("2025-03-03T11:00:00Z")); // the window closes: SIGTERM, 10 s stop_timeout
        f.stepUntilAsleep();
        assertEquals(List.of("spawn run-w", "TERM " + pid), rt.effects);
        f.clock.jump(Duration.ofHours(-1));
        f.clock.advance(Duration.ofSeconds(11));
        f.stepUntilAsleep();
        assertTrue(rt.effects.contains("KILL " + pid), "10 s of real time after SIGTERM: " + rt.effects);
    }

    @Test
    void uptimesKeepTheirRealLengthAcrossAStep() {
        f.start(config(spec(0, "svc", "run", V1)));
        f.stepUntilAsleep();
        f.clock.advance(Duration.ofSeconds(10));
        f.stepUntilAsleep();
        f.clock.jump(Duration.ofHours(-2));
        f.stepUntilAsleep();
        var r = f.rec.state().find("svc", V1).orElseThrow();
        assertEquals(Duration.ofSeconds(10), Duration.between(r.startedAt(), f.clock.instant()),
                "RUNNING for 10 s, not for -2 h");
        assertEquals(Duration.ofSeconds(10), Duration.between(r.runningSince(), f.clock.instant()));
    }

    @Test
    void stepsUnderASecondAreNotSteps() {
        WallSteps steps = new WallSteps(f.clock);
        steps.step(f.clock.instant());
        f.clock.jump(Duration.ofMillis(900));
        assertEquals(Duration.ZERO, steps.step(f.clock.instant()));
        f.clock.advance(Duration.ofMinutes(10));
        assertEquals(Duration.ZERO, steps.step(f.clock.instant()), "time passing is not a step");
        f.clock.jump(Duration.ofSeconds(-3));
        assertEquals(Duration.ofSeconds(-3), steps.step(f.clock.instant()));
    }

    @Test
    void aBackwardJumpAcrossAnApplyOnGoesBackToTheEarlierVersion() {
        String v2 = "2025-03-03T10:00:00";
        f.clock.set(T0.plusSeconds(60));
        f.start(config(spec(0, "svc", "run-v1", V1), spec(1, "svc", "run-v2", v2)));
        f.stepUntilAsleep();
        assertEquals(List.of("spawn run-v2"), rt.effects);
        long v2pid = rt.last("run-v2").pid;
        f.clock.jumpTo(T0.minusSeconds(60)); // before v2's apply_on: v1 is the active version again
        f.stepUntilAsleep();
        f.stepUntilAsleep();
        assertEquals(List.of("spawn run-v2", "TERM " + v2pid, "spawn run-v1"), rt.effects);
    }
}
