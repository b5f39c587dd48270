package procrust.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static procrust.reconcile.Fixture.T0;
import static procrust.reconcile.Fixture.V1;
import static procrust.reconcile.Fixture.config;
import static procrust.reconcile.Fixture.spec;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import procrust.config.Liveness;
import procrust.config.Probe;
import procrust.config.ProcessSpec;
import procrust.config.RestartPolicy;
import procrust.plan.InstanceState;
import procrust.state.HealthRecord;
import procrust.state.InstanceRecord;

/** Liveness in the reconciler, with recording fakes and a hand-moved clock: exact effects, no sleeps. */
class LivenessTest extends WithFixture {

    static ProcessSpec checked(String command, int failures, int maxAttempts) {
        ProcessSpec s = spec(0, "web", "run-web", V1);
        return new ProcessSpec(s.index(), s.id(), s.command(), s.applyOn(), s.type(), s.dependsOn(), s.workingDir(),
                s.env(), s.stopTimeout(), s.schedule(), null,
                new RestartPolicy(RestartPolicy.Policy.ALWAYS, maxAttempts, Duration.ofSeconds(1), Duration.ofSeconds(60)),
                null, null, null, null,
                new Liveness(Probe.command(command), Duration.ofSeconds(10), Duration.ofSeconds(5), failures));
    }

    InstanceRecord web() {
        return f.rec.state().find("web", V1).orElseThrow();
    }

    /** Moves the clock on and lets the check run; {@code code}: its exit, or null to leave it hanging. */
    void attempt(Integer code) {
        f.clock.advance(Duration.ofSeconds(10));
        f.stepUntilAsleep();
        if (code != null) {
            rt.exit(rt.last("probe").pid, code);
            f.stepUntilAsleep();
        }
    }

    @Test
    void failuresInARowStopTheGroupAndRestartThroughTheBackOff() throws Exception {
        f.start(config(checked("probe", 3, 5)));
        f.stepUntilAsleep();
        long first = rt.last("run-web").pid;
        assertEquals(List.of("spawn run-web"), rt.effects, "the first attempt comes one interval after RUNNING");
        attempt(1);
        assertEquals(new HealthRecord(1, "exit 1", null), f.store.load(false).state().find("web", V1).orElseThrow().health(),
                "a new count is written at once");
        attempt(0);
        assertEquals(0, f.store.load(false).state().find("web", V1).orElseThrow().health().failures());
        attempt(1);
        attempt(1);
        assertEquals(InstanceState.RUNNING, web().state());
        attempt(1);
        assertTrue(rt.effects.contains("TERM " + first), rt.effects::toString);
        assertTrue(f.events.stream().anyMatch(e -> e.startsWith("unhealthy web@" + V1 + ": health check failed 3 times "
                + "in a row (command probe): exit 1: stopping process group " + first)), f.events::toString);
        f.clock.advance(Duration.ofSeconds(2));
        f.stepUntilAsleep();
        assertEquals(InstanceState.RUNNING, web().state(), f.events::toString);
        assertTrue(rt.last("run-web").pid != first, "started again after its back-off");
        assertEquals(1, web().restarts());
        assertEquals(null, web().health(), "its new process counts afresh");
    }

    @Test
    void aHungCheckIsKilledAtItsTimeoutAndTheNextWaitsForIt() throws Exception {
        f.start(config(checked("probe", 3, 5)));
        f.stepUntilAsleep();
        attempt(null);
        long probe = rt.last("probe").pid;
        f.clock.advance(Duration.ofSeconds(5));
        f.stepUntilAsleep();
        assertTrue(rt.effects.contains("KILL " + probe), rt.effects::toString);
        assertEquals(1, f.store.load(false).state().find("web", V1).orElseThrow().health().failures());
        assertTrue(f.store.load(false).state().find("web", V1).orElseThrow().health().lastError()
                .startsWith("still running at its timeout"));
    }

    @Test
    void aStormOfFailuresThatNeverPassedEndsInFailed() {
        f.start(config(checked("probe", 1, 2)));
        f.stepUntilAsleep();
        attempt(1);
        assertEquals(InstanceState.BACKOFF, web().state(), f.events::toString);
        f.clock.advance(Duration.ofSeconds(2));
        f.stepUntilAsleep();
        attempt(1);
        assertEquals(InstanceState.FAILED, web().state(), f.events::toString);
        assertTrue(web().note().contains("health check failed 1 time in a row"), web().note());
    }
}
