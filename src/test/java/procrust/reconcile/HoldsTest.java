package procrust.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import procrust.config.Fingerprint;
import procrust.config.Config;
import procrust.config.HealthCheck;
import procrust.config.ProcessSpec;
import procrust.plan.Action;
import procrust.plan.ActionKind;
import procrust.plan.InstanceState;
import procrust.plan.Plan;
import procrust.state.InstanceRecord;
import procrust.state.StateFile;

class HoldsTest {

    static ProcessSpec grouped(int index, String id, String group) {
        ProcessSpec s = Fixture.spec(index, id, "sleep 100", Fixture.V1);
        return new ProcessSpec(s.index(), s.id(), s.command(), s.applyOn(), s.type(), s.dependsOn(), s.workingDir(),
                s.env(), s.stopTimeout(), s.schedule(), s.healthCheck(), s.restart(), group, null, null, null);
    }

    final Config config = Fixture.config(grouped(0, "db", "back"), grouped(1, "web", "front"),
            grouped(2, "api", "front"), grouped(3, "cron", null));

    @Test
    void namedIdsAllAndGroupsInFileOrder() {
        assertEquals(List.of("web"), HoldTargets.select(Holds.Op.STOP, config, List.of("web"), false, null, Set.of()).ids());
        assertEquals(List.of("db", "web", "api", "cron"),
                HoldTargets.select(Holds.Op.STOP, config, List.of(), true, null, Set.of()).ids());
        assertEquals(List.of("web", "api", "db"),
                HoldTargets.select(Holds.Op.STOP, config, List.of("db"), false, "front", Set.of()).ids());
    }

    @Test
    void unknownIdsAndGroupsAreRefusedWithTheKnownOnes() {
        HoldTargets.Selection s = HoldTargets.select(Holds.Op.STOP, config, List.of("web", "nope", "gone"), false, null,
                Set.of("gone"));
        assertFalse(s.ok());
        assertEquals(List.of(), s.ids());
        assertTrue(s.error().contains("unknown process ids \"nope\", \"gone\""), s.error());
        assertTrue(s.error().contains("ids: db, web, api, cron"), s.error());

        HoldTargets.Selection g = HoldTargets.select(Holds.Op.START, config, List.of(), false, "nosuch", Set.of());
        assertTrue(g.error().contains("labels: back, front"), g.error());
        assertFalse(HoldTargets.select(Holds.Op.START, config, List.of(), false, null, Set.of()).ok());
    }

    @Test
    void startAlsoKnowsIdsStillHeldAfterTheyLeftTheFile() {
        HoldTargets.Selection s = HoldTargets.select(Holds.Op.START, config, List.of("gone"), false, null, Set.of("gone"));
        assertEquals(List.of("gone"), s.ids());
        assertEquals(List.of("db", "web", "api", "cron", "gone"),
                HoldTargets.select(Holds.Op.START, config, List.of(), true, null, Set.of("gone")).ids());
    }

    @Test
    void theWaitCoversEveryStopTimeoutOrHealthCheck() {
        ProcessSpec slow = Fixture.with(Fixture.spec(0, "slow", "x", Fixture.V1), null, null,
                new HealthCheck("true", Duration.ofSeconds(40), Duration.ofSeconds(1)), null, Duration.ofSeconds(20));
        Config c = Fixture.config(slow);
        assertEquals(Duration.ofSeconds(30 + 20 + 5), HoldTargets.limit(Holds.Op.STOP, c, List.of("slow")));
        assertEquals(Duration.ofSeconds(30 + 40 + 1), HoldTargets.limit(Holds.Op.START, c, List.of("slow")));
    }

    @Test
    void aLocalHoldPerformsOnlyTheChangesAskedForAndKeepsEveryReason() {
        Plan p = new Plan(Fixture.T0, List.of(
                new Action(ActionKind.STOP, "web", Fixture.V1, null, "held", null, null),
                new Action(ActionKind.STOP, "old", Fixture.V1, null, "removed from the file", null, null),
                new Action(ActionKind.START, "db", Fixture.V1, null, "not running", null, null),
                new Action(ActionKind.WAIT, "api", Fixture.V1, null, "waiting for db", null, null)), null);
        Plan stop = LocalHold.narrow(p, Holds.Op.STOP, List.of("web"));
        assertEquals(List.of("web STOP", "api WAIT"), stop.actions().stream().map(a -> a.id() + " " + a.kind()).toList());
        Plan start = LocalHold.narrow(p, Holds.Op.START, List.of("db", "api"));
        assertEquals(List.of("db START", "api WAIT"), start.actions().stream().map(a -> a.id() + " " + a.kind()).toList());
    }

    @Test
    void aStopIsDoneWhenHeldAndNoProcessOfItRemains() {
        InstanceRecord running = InstanceRecord.fresh("web", Fixture.V1, "normal", Fixture.T0).toBuilder()
                .process("normal", 4242, 1, "boot", Fixture.T0, Fingerprint.NONE).state(InstanceState.RUNNING, Fixture.T0).build();
        StateFile s = StateFile.empty(Fixture.UID).put(running);
        assertFalse(Holds.done(Holds.Op.STOP, List.of("web"), s), "not held yet");
        assertFalse(Holds.done(Holds.Op.STOP, List.of("web"), s.withHolds(List.of("web"))), "still running");
        InstanceRecord stopping = running.toBuilder().state(InstanceState.STOPPING, Fixture.T0).build();
        assertFalse(Holds.done(Holds.Op.STOP, List.of("web"), s.put(stopping).withHolds(List.of("web"))));
        InstanceRecord stopped = running.toBuilder().gone(null).state(InstanceState.STOPPED, Fixture.T0).build();
        assertTrue(Holds.done(Holds.Op.STOP, List.of("web"), s.put(stopped).withHolds(List.of("web"))));
        assertTrue(Holds.done(Holds.Op.START, List.of("web"), s));
        assertFalse(Holds.done(Holds.Op.START, List.of("web"), s.withHolds(List.of("web"))));
    }

    @Test
    void anIdThatIsNotHeldHasNothingToReleaseUnlessItFailedOrStopped() {
        java.time.Instant t = java.time.Instant.parse("2025-03-03T10:00:00Z");
        procrust.state.InstanceRecord running = procrust.state.InstanceRecord.fresh("web", "v", "normal", t).toBuilder()
                .process("normal", 42, 420, "b", t, procrust.config.Fingerprint.NONE).state(procrust.plan.InstanceState.RUNNING, t).build();
        procrust.state.InstanceRecord failed = procrust.state.InstanceRecord.fresh("db", "v", "normal", t).toBuilder()
                .state(procrust.plan.InstanceState.FAILED, t).build();
        procrust.state.StateFile s = procrust.state.StateFile.empty("u").put(running).put(failed);
        assertEquals("web: not held, nothing to release (procrust stop holds a process); it is RUNNING (pid 42)",
                Holds.notHeld(s, "web", false));
        assertEquals(null, Holds.notHeld(s, "db", false), "start retries a FAILED process");
        assertEquals(null, Holds.notHeld(s.withHolds(List.of("web")), "web", false));
        assertTrue(Holds.notHeld(s, "new", false).startsWith("new: not held"));
    }
}
