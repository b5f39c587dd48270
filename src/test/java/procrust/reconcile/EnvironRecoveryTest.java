package procrust.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static procrust.reconcile.Fixture.T0;
import static procrust.reconcile.Fixture.UID;
import static procrust.reconcile.Fixture.V1;
import static procrust.reconcile.Fixture.config;
import static procrust.reconcile.Fixture.spec;
import static procrust.reconcile.Fixture.with;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import procrust.config.Config;
import procrust.config.HealthCheck;
import procrust.plan.InstanceState;
import procrust.plan.Windows;
import procrust.runtime.Ticker;
import procrust.state.InstanceRecord;
import procrust.state.StateFile;

/** After a lost state: what carries this uid is adopted when wanted, stopped otherwise, never started twice. */
class EnvironRecoveryTest extends WithFixture {

    /** What apply does at its start: verify, sort what the environment shows, stop strays, reconcile. */
    private void applyStarts(Config c, StateFile recorded) throws InterruptedException {
        StateFile v = ObservedReader.verify(recorded, c, rt, f.clock.instant()).state();
        EnvironRecovery.Found found = EnvironRecovery.sort(v, c, rt.groupsOfUid(UID), rt, Windows::openingOf,
                f.clock.instant());
        EnvironRecovery.stop(found.strays(), c, rt, rt, Ticker.SYSTEM, (l, e, k, m) -> f.events.add(e + " " + k + ": " + m));
        f.rec = new Reconciler(f.effects(), c, found.state(), () -> { });
        f.stepUntilAsleep();
    }

    @Test
    void aLostStateAdoptsTheRunningServicesInsteadOfStartingThemAgain() throws Exception {
        Config c = config(spec(0, "a", "run-a", V1), spec(1, "b", "run-b", V1));
        rt.service(501, UID, "a", V1, "old-a");
        rt.service(502, UID, "b", V1, "old-b");
        rt.service(503, "another-uid", "a", V1, "theirs");
        applyStarts(c, StateFile.empty(UID));
        assertEquals(List.of(), rt.effects, "nothing spawned, nothing signalled");
        InstanceRecord a = f.rec.state().find("a", V1).orElseThrow();
        assertEquals(InstanceState.RUNNING, a.state());
        assertEquals(501L, a.pid());
        assertEquals(5010L, a.startTicks());
        assertEquals(FakeRuntime.BOOT, a.bootId());
        assertTrue(f.events.stream().anyMatch(e -> e.startsWith("adopted a@")), f.events::toString);
    }

    @Test
    void anOldVersionIsReplacedAndARemovedIdStopped() throws Exception {
        String v2 = "2025-01-01T00:00:00";
        Config c = config(spec(0, "a", "run-a1", V1), spec(1, "a", "run-a2", v2));
        rt.service(501, UID, "a", V1, "old-a1");
        rt.service(502, UID, "gone", V1, "old-gone");
        applyStarts(c, StateFile.empty(UID));
        f.stepUntilAsleep();
        f.stepUntilAsleep();
        assertTrue(rt.effects.contains("TERM 501"), rt.effects::toString);
        assertTrue(rt.effects.contains("TERM 502"), rt.effects::toString);
        assertEquals(1, rt.effects.stream().filter(e -> e.equals("spawn run-a2")).count(), rt.effects::toString);
        assertTrue(rt.effects.indexOf("TERM 501") < rt.effects.indexOf("spawn run-a2"), "stop first, then start");
    }

    @Test
    void aHeldIdIsStopped() throws Exception {
        Config c = config(spec(0, "a", "run-a", V1));
        rt.service(501, UID, "a", V1, "old-a");
        applyStarts(c, StateFile.empty(UID).withHolds(List.of("a")));
        assertEquals(List.of("TERM 501"), rt.effects);
    }

    @Test
    void aSecondCopyBesideTheRecordedOneIsStoppedBeforeAnythingIsPlanned() throws Exception {
        Config c = config(spec(0, "a", "run-a", V1));
        rt.service(501, UID, "a", V1, "recorded-a");
        rt.service(502, UID, "a", V1, "second-a");
        InstanceRecord r = InstanceRecord.fresh("a", V1, "normal", T0).toBuilder()
                .process("normal", 501, 5010, FakeRuntime.BOOT, T0, c.processes().get(0).fingerprint())
                .state(InstanceState.RUNNING, T0).runningSince(T0).build();
        applyStarts(c, StateFile.empty(UID).put(r));
        assertEquals(List.of("TERM 502"), rt.effects);
        assertEquals(501L, f.rec.state().find("a", V1).orElseThrow().pid());
        assertTrue(f.events.stream().anyMatch(e -> e.startsWith("stray a@") && e.contains("second copy")), f.events::toString);
    }

    @Test
    void aFoundServiceWithAHealthCheckIsCheckedAgainThenAdopted() throws Exception {
        HealthCheck hc = new HealthCheck("check", Duration.ofSeconds(30), Duration.ofSeconds(1));
        Config c = config(with(spec(0, "a", "run-a", V1), null, null, hc, null, null));
        rt.service(501, UID, "a", V1, "old-a");
        applyStarts(c, StateFile.empty(UID));
        assertEquals(List.of("spawn check"), rt.effects, "no second copy, only its check");
        rt.exit(rt.last("check").pid, 0);
        f.stepUntilAsleep();
        assertEquals(InstanceState.RUNNING, f.rec.state().find("a", V1).orElseThrow().state());
    }

    @Test
    void anAdoptedPendingCheckGetsAWholeTimeoutAgainAfterALongAbsence() throws Exception {
        HealthCheck hc = new HealthCheck("check", Duration.ofSeconds(30), Duration.ofSeconds(1));
        Config c = config(with(spec(0, "a", "run-a", V1), null, null, hc, null, null));
        rt.service(501, UID, "a", V1, "old-a");
        InstanceRecord r = InstanceRecord.fresh("a", V1, "normal", T0).toBuilder()
                .process("normal", 501, 5010, FakeRuntime.BOOT, T0, c.processes().get(0).fingerprint())
                .state(InstanceState.PENDING_HEALTH_CHECK, T0).build();
        f.clock.advance(Duration.ofMinutes(10)); // apply was down for ten minutes, its check's timeout is 30 s
        applyStarts(c, StateFile.empty(UID).put(r));
        assertEquals(List.of("spawn check"), rt.effects, "the check runs again, the start is not failed at once");
        f.clock.advance(Duration.ofSeconds(5));
        rt.exit(rt.last("check").pid, 0);
        f.stepUntilAsleep();
        assertEquals(InstanceState.RUNNING, f.rec.state().find("a", V1).orElseThrow().state());
    }
}
