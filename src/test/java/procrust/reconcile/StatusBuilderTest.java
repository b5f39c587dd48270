package procrust.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static procrust.reconcile.Fixture.T0;
import static procrust.reconcile.Fixture.UID;
import static procrust.reconcile.Fixture.V1;
import static procrust.reconcile.Fixture.config;
import static procrust.reconcile.Fixture.spec;
import static procrust.reconcile.Fixture.with;

import java.util.List;
import org.junit.jupiter.api.Test;
import procrust.config.Config;
import procrust.plan.InstanceState;
import procrust.plan.Planner;
import procrust.state.InstanceRecord;
import procrust.state.StateFile;

class StatusBuilderTest {

    private static InstanceRecord running(String id, String command) {
        return new InstanceRecord(id, V1, "normal", InstanceState.RUNNING, 500L, 5000L, "b", T0.minusSeconds(90),
                T0.minusSeconds(90), 1, 0, null, null, T0.minusSeconds(90), spec(0, id, command, V1).fingerprint(),
                null, null, null);
    }

    @Test
    void rowsForRecordsAndForWhatThePlanWouldStartWithNotes() {
        Config c = config(spec(0, "web", "serve --new", V1),
                with(spec(1, "api", "api", V1), null, List.of("web"), null, null, null),
                spec(2, "later", "x", "2030-01-01T00:00:00"));
        StateFile s = StateFile.empty(UID).put(running("web", "serve"));
        StatusReport r = StatusBuilder.build(c, s, 4242L, null, Planner::plan, T0);
        assertEquals(List.of("web", "api", "later"), r.rows().stream().map(StatusReport.Row::id).toList());
        StatusReport.Row web = r.rows().get(0);
        assertEquals(InstanceState.RUNNING, web.state());
        assertEquals(Long.valueOf(500), web.pid());
        assertEquals(1, web.restarts());
        assertTrue(web.note().contains("command changed since start: not restarted"), web.note());
        assertEquals(InstanceState.READY_TO_START, r.rows().get(1).state());
        StatusReport.Row later = r.rows().get(2);
        assertEquals(InstanceState.WAITING, later.state());
        assertNull(later.pid());
        assertFalse(r.ok(), "api is due to start");
        assertEquals(Long.valueOf(4242), r.applyPid());
    }

    @Test
    void everythingInItsWantedStateIsOkAndWithoutApplyLiveOnesAreUnsupervised() {
        Config c = config(spec(0, "web", "serve", V1));
        StatusReport r = StatusBuilder.build(c, StateFile.empty(UID).put(running("web", "serve")), null, null,
                Planner::plan, T0);
        assertTrue(r.ok());
        assertTrue(r.rows().get(0).note().contains("no apply running"), r.rows().get(0).note());
        StatusReport corrupt = StatusBuilder.build(c, StateFile.empty(UID).put(running("web", "serve")), null,
                "state file is unusable", Planner::plan, T0);
        assertFalse(corrupt.ok());
    }
}
