package procrust.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import procrust.config.Fingerprint;
import procrust.plan.InstanceState;
import procrust.state.InstanceRecord;
import procrust.state.Requests;
import procrust.state.StateFile;

/** The restart request (what it does to the state) and how the command tells it is over. */
class RestartRequestTest {

    private static final Instant T1 = Fixture.T0.plusSeconds(60);

    private static InstanceRecord running(String id, long pid) {
        return InstanceRecord.fresh(id, Fixture.V1, "normal", Fixture.T0).toBuilder()
                .process("normal", pid, 1, "boot", Fixture.T0, Fingerprint.NONE).state(InstanceState.RUNNING, Fixture.T0).build();
    }

    @Test
    void aLiveProcessIsStoppedAndForgottenADoneOneForgottenAtOnceTheHoldLifted() {
        InstanceRecord done = InstanceRecord.fresh("migrate", Fixture.V1, "oneshot", Fixture.T0).toBuilder()
                .state(InstanceState.COMPLETED, Fixture.T0).build();
        StateFile s = StateFile.empty(Fixture.UID).put(running("web", 4242)).put(running("db", 7)).put(done)
                .withHolds(List.of("web", "db"));
        StateFile after = Requests.applyTo(s, new Requests.Request("restart", List.of("web", "migrate")), T1);
        InstanceRecord web = after.find("web", Fixture.V1).orElseThrow();
        assertEquals(InstanceState.STOPPING, web.state());
        assertEquals(T1, web.since());
        assertNull(web.afterStop(), "forgotten once stopped: the plan starts it again");
        assertEquals(Requests.RESTART_NOTE, web.note());
        assertEquals(4242L, web.pid());
        assertTrue(after.find("migrate", Fixture.V1).isEmpty(), "a COMPLETED oneshot runs again");
        assertEquals(InstanceState.RUNNING, after.find("db", Fixture.V1).orElseThrow().state(), "other ids untouched");
        assertEquals(List.of("db"), after.holds());
    }

    @Test
    void withoutWaitARestartIsOverOnceTheOldProcessesAreGone() {
        StateFile before = StateFile.empty(Fixture.UID).put(running("web", 4242));
        Map<String, Set<Long>> old = Map.of("web", Set.of(4242L));
        StateFile stopping = Requests.applyTo(before, new Requests.Request("restart", List.of("web")), T1);
        assertFalse(Comeback.judge(Holds.Op.RESTART, List.of("web"), stopping, old, T1, false, 9).done());
        StateFile gone = StateFile.empty(Fixture.UID);
        Comeback.Verdict v = Comeback.judge(Holds.Op.RESTART, List.of("web"), gone, old, T1, false, 9);
        assertTrue(v.done() && v.ok(), v::toString);
        assertTrue(v.lines().get(0).startsWith("web: stopped"), v::toString);
    }

    @Test
    void withWaitItIsOverWhenUpAgainOrFailed() {
        Map<String, Set<Long>> old = Map.of("web", Set.of(4242L));
        StateFile oldStill = StateFile.empty(Fixture.UID).put(running("web", 4242));
        assertFalse(Comeback.judge(Holds.Op.RESTART, List.of("web"), oldStill, old, T1, true, 9).done());
        InstanceRecord fresh = InstanceRecord.fresh("web", Fixture.V1, "normal", T1).toBuilder()
                .process("normal", 5000, 1, "boot", T1.plusSeconds(1), Fingerprint.NONE)
                .state(InstanceState.PENDING_HEALTH_CHECK, T1.plusSeconds(1)).build();
        assertFalse(Comeback.judge(Holds.Op.RESTART, List.of("web"), StateFile.empty(Fixture.UID).put(fresh), old, T1,
                true, 9).done(), "health check pending");
        InstanceRecord up = fresh.toBuilder().state(InstanceState.RUNNING, T1.plusSeconds(2)).build();
        Comeback.Verdict v = Comeback.judge(Holds.Op.RESTART, List.of("web"), StateFile.empty(Fixture.UID).put(up), old,
                T1, true, 9);
        assertTrue(v.done() && v.ok(), v::toString);
        assertEquals("web: RUNNING (pid 5000), restarted by apply (pid 9)", v.lines().get(0));
        InstanceRecord failed = fresh.toBuilder().gone(3).state(InstanceState.FAILED, T1.plusSeconds(2)).note("boom")
                .build();
        Comeback.Verdict f = Comeback.judge(Holds.Op.START, List.of("web"), StateFile.empty(Fixture.UID).put(failed),
                Map.of(), T1, true, 9);
        assertTrue(f.done() && !f.ok(), f::toString);
        assertTrue(f.lines().get(0).contains("FAILED (boom)"), f::toString);
    }
}
