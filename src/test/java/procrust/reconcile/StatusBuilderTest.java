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

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import procrust.config.Config;
import procrust.config.Liveness;
import procrust.config.Probe;
import procrust.config.ProcessSpec;
import procrust.plan.InstanceState;
import procrust.plan.Planner;
import procrust.state.HealthRecord;
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
    void aLivenessCheckShowsItsCountAndLastFailure() {
        ProcessSpec plain = spec(0, "web", "serve", V1);
        ProcessSpec checked = new ProcessSpec(plain.index(), plain.id(), plain.command(), plain.applyOn(), plain.type(),
                plain.dependsOn(), plain.workingDir(), plain.env(), plain.stopTimeout(), plain.schedule(),
                plain.healthCheck(), plain.restart(), plain.group(), plain.logs(), plain.pos(), plain.fieldPos(),
                new Liveness(new Probe(Probe.Kind.HTTP, "http://127.0.0.1:1/"), Duration.ofSeconds(10),
                        Duration.ofSeconds(5), 3));
        HealthRecord h = new HealthRecord(2, "HTTP 503", T0.minusSeconds(30));
        StateFile s = StateFile.empty(UID).put(running("web", "serve").toBuilder().health(h).build());
        StatusReport.Row row = StatusBuilder.build(config(checked), s, 4242L, null, Planner::plan, T0).rows().get(0);
        assertEquals(h, row.health());
        assertEquals("health check failing: 2 of 3 (HTTP 503)", row.note());
        StatusReport.Row fresh = StatusBuilder.build(config(checked), StateFile.empty(UID).put(running("web", "serve")),
                4242L, null, Planner::plan, T0).rows().get(0);
        assertEquals(HealthRecord.NONE, fresh.health(), "a check, nothing found yet");
        assertNull(fresh.note());
        assertNull(StatusBuilder.build(config(plain), s, 4242L, null, Planner::plan, T0).rows().get(0).health(),
                "no check: no health");
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

    private static InstanceRecord backedOff(String id, java.time.Instant until) {
        return new InstanceRecord(id, V1, "normal", InstanceState.BACKOFF, null, null, null, T0.minusSeconds(60),
                T0.minusSeconds(30), 1, 1, until, null, null, spec(1, id, "client", V1).fingerprint(), 1,
                "exited with status 1; failure 1 of 5, next start after 0.5s", null);
    }

    private static InstanceRecord stopped(String id) {
        return new InstanceRecord(id, V1, "normal", InstanceState.STOPPED, null, null, null, T0.minusSeconds(60),
                T0.minusSeconds(30), 0, 0, null, null, null, spec(0, id, "db", V1).fingerprint(), 0, null, null);
    }

    @Test
    void aBackOffThatIsOverShowsWhatTheProcessWaitsForNow() {
        // the client crashed when the operator held its dependency: its back-off ended long ago, and
        // now it waits for db; BACKOFF with "next start after 0.5s" would be stale, and exit 3 wrong
        Config c = config(spec(0, "db", "db", V1), with(spec(1, "client", "client", V1), null, List.of("db"),
                null, null, null));
        StateFile s = StateFile.empty(UID).put(stopped("db")).put(backedOff("client", T0.minusSeconds(29)))
                .withHolds(List.of("db"));
        StatusReport r = StatusBuilder.build(c, s, 4242L, null, Planner::plan, T0);
        StatusReport.Row client = r.rows().get(1);
        assertEquals("client", client.id());
        assertEquals(InstanceState.WAITING, client.state(), client::toString);
        assertTrue(client.note().startsWith("waiting for db"), client.note());
        assertTrue(client.note().contains("exited with status 1"), "the last failure is still told: " + client.note());
        assertEquals(InstanceState.HELD, r.rows().get(0).state());
        assertTrue(r.ok(), "waiting for a held dependency is a wanted state");

        // with nothing in its way it is due to start: not BACKOFF either
        Config alone = config(spec(1, "client", "client", V1));
        StatusReport free = StatusBuilder.build(alone, StateFile.empty(UID).put(backedOff("client",
                T0.minusSeconds(29))), null, null, Planner::plan, T0);
        assertEquals(InstanceState.READY_TO_START, free.rows().get(0).state(), free.rows()::toString);
        assertFalse(free.ok());

        // while the back-off lasts it is BACKOFF
        StatusReport during = StatusBuilder.build(alone, StateFile.empty(UID).put(backedOff("client",
                T0.plusSeconds(5))), 4242L, null, Planner::plan, T0);
        assertEquals(InstanceState.BACKOFF, during.rows().get(0).state(), during.rows()::toString);
        assertFalse(during.ok());

        // held while backing off: HELD
        StatusReport held = StatusBuilder.build(alone, StateFile.empty(UID).put(backedOff("client",
                T0.plusSeconds(5))).withHolds(List.of("client")), 4242L, null, Planner::plan, T0);
        assertEquals(InstanceState.HELD, held.rows().get(0).state(), held.rows()::toString);
    }

    @Test
    void aFailedProcessAnOperatorHoldsIsHeldNotFailed() {
        // SPEC §3: a held process is not wanted; the operator stopped it on purpose, so status shows
        // HELD (the last failure kept in the note) and does not count it as out of its wanted state
        Config c = config(spec(0, "svc", "svc", V1));
        InstanceRecord failed = backedOff("svc", null).toBuilder().state(InstanceState.FAILED, T0.minusSeconds(30))
                .note("exited with status 4; gave up after 5 consecutive failures: FAILED").build();
        StatusReport r = StatusBuilder.build(c, StateFile.empty(UID).put(failed).withHolds(List.of("svc")), null, null,
                Planner::plan, T0);
        StatusReport.Row row = r.rows().get(0);
        assertEquals(InstanceState.HELD, row.state(), row::toString);
        assertTrue(row.note().contains("gave up after 5"), row.note());
        assertTrue(r.ok(), "a held process is in its wanted state");
        StatusReport unheld = StatusBuilder.build(c, StateFile.empty(UID).put(failed), null, null, Planner::plan, T0);
        assertEquals(InstanceState.FAILED, unheld.rows().get(0).state());
        assertFalse(unheld.ok());
    }
}
