package procrust.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static procrust.reconcile.Fixture.T0;
import static procrust.reconcile.Fixture.V1;
import static procrust.reconcile.Fixture.config;
import static procrust.reconcile.Fixture.spec;
import static procrust.reconcile.Fixture.with;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import procrust.config.Config;
import procrust.config.HealthCheck;
import procrust.config.ProcessSpec;
import procrust.config.ProcessType;
import procrust.config.RestartPolicy;
import procrust.plan.InstanceState;
import procrust.state.InstanceRecord;

/** The reconciler against recording fakes and a hand-moved clock: exact sequences of effects, no sleeps. */
class ReconcilerTest extends WithFixture {

    private InstanceRecord record(String id, String version) {
        return f.rec.state().find(id, version).orElseThrow(() -> new AssertionError("no record " + id + "@" + version
                + " in " + f.rec.state() + "\nevents " + f.events));
    }

    @Test
    void startsOneAtATimeAndADependentOnlyOnceItsDependencyIsHealthy() throws Exception {
        HealthCheck hc = new HealthCheck("check-a", Duration.ofSeconds(30), Duration.ofSeconds(1));
        f.start(config(with(spec(0, "a", "run-a", V1), null, null, hc, null, null),
                with(spec(1, "b", "run-b", V1), null, List.of("a"), null, null, null),
                spec(2, "c", "run-c", V1)));
        Instant next = f.stepUntilAsleep();
        assertEquals(List.of("spawn run-a", "spawn check-a"), rt.effects, "c waits: one start at a time");
        assertEquals(T0.plusSeconds(30), next, "sleeps until the health deadline or the probe's exit");
        assertEquals(InstanceState.PENDING_HEALTH_CHECK, record("a", V1).state());

        rt.exit(rt.last("check-a").pid, 1);
        assertEquals(T0.plusSeconds(1), f.stepUntilAsleep(), "next attempt one interval after the failed one");
        assertEquals(2, rt.effects.size());
        f.clock.advance(Duration.ofSeconds(1));
        f.stepUntilAsleep();
        rt.exit(rt.last("check-a").pid, 0);
        f.stepUntilAsleep();
        assertEquals(List.of("spawn run-a", "spawn check-a", "spawn check-a", "spawn run-b", "spawn run-c"), rt.effects);
        assertEquals(InstanceState.RUNNING, record("a", V1).state());
        assertEquals(InstanceState.RUNNING, record("b", V1).state());
        assertTrue(f.events.stream().anyMatch(e -> e.startsWith("healthy a@" + V1)), f.events::toString);
        // persisted after every change
        assertEquals(f.rec.state(), f.store.load(false).state());
    }

    @Test
    void newVersionStartsOnlyAfterTheOldGroupIsGone() {
        String v2 = "2025-03-03T10:00:05";
        rt.ignoreTerm.add("run-v1");
        f.start(config(spec(0, "svc", "run-v1", V1), spec(1, "svc", "run-v2", v2)));
        f.stepUntilAsleep();
        assertEquals(List.of("spawn run-v1"), rt.effects);
        long old = rt.last("run-v1").pid;

        f.clock.advance(Duration.ofSeconds(6));
        f.stepUntilAsleep();
        assertEquals(List.of("spawn run-v1", "TERM " + old), rt.effects);
        assertEquals(InstanceState.STOPPING, record("svc", V1).state());
        for (int i = 0; i < 99; i++) { // up to stop_timeout: polls, no new start
            f.clock.advance(Duration.ofMillis(100));
            f.stepUntilAsleep();
        }
        assertEquals(List.of("spawn run-v1", "TERM " + old), rt.effects);
        f.clock.advance(Duration.ofMillis(100));
        f.stepUntilAsleep();
        f.clock.advance(Duration.ofMillis(100));
        f.stepUntilAsleep();
        assertEquals(List.of("spawn run-v1", "TERM " + old, "KILL " + old, "spawn run-v2"), rt.effects);
        assertFalse(f.rec.state().find("svc", V1).isPresent(), "the old version is forgotten once gone");
        assertEquals(InstanceState.RUNNING, record("svc", v2).state());
    }

    @Test
    void aStopLooksAgainSoonAfterTheSignalThenEveryTenthOfASecond() {
        String v2 = "2025-03-03T10:00:05";
        rt.ignoreTerm.add("run-v1");
        f.start(config(spec(0, "svc", "run-v1", V1), spec(1, "svc", "run-v2", v2)));
        f.stepUntilAsleep();
        f.clock.advance(Duration.ofSeconds(6));
        Instant next = f.stepUntilAsleep();
        assertEquals(List.of("spawn run-v1", "TERM " + rt.last("run-v1").pid), rt.effects);
        for (long ms : new long[] {2, 4, 8, 16, 32, 64, 100, 100}) {
            assertEquals(f.clock.instant().plusMillis(ms), next, "next look at the group");
            f.clock.set(next);
            next = f.stepUntilAsleep();
        }
    }

    @Test
    void aProcessRemovedFromTheFileIsStoppedWithTheStopTimeoutItWasStartedWith() {
        // a database given 30 s to flush must not be SIGKILLed after the default 10 s because its entry
        // was deleted: the stop_timeout recorded at its start still holds
        rt.ignoreTerm.add("run-db");
        f.start(config(with(spec(0, "db", "run-db", V1), null, null, null, null, Duration.ofSeconds(30)),
                spec(1, "other", "run-other", V1)));
        f.stepUntilAsleep();
        long db = rt.last("run-db").pid;
        f.rec.replaceConfig(config(spec(1, "other", "run-other", V1)));
        f.stepUntilAsleep();
        assertEquals(List.of("spawn run-db", "spawn run-other", "TERM " + db), rt.effects);
        f.clock.advance(Duration.ofSeconds(29));
        f.stepUntilAsleep();
        assertEquals(List.of("spawn run-db", "spawn run-other", "TERM " + db), rt.effects, "no SIGKILL before 30 s");
        f.clock.advance(Duration.ofSeconds(1));
        f.stepUntilAsleep();
        assertEquals(List.of("spawn run-db", "spawn run-other", "TERM " + db, "KILL " + db), rt.effects);
    }

    @Test
    void crashesBackOffDoublingThenFailAndAnEditRetries() {
        RestartPolicy rp = new RestartPolicy(RestartPolicy.Policy.ALWAYS, 3, Duration.ofSeconds(1), Duration.ofSeconds(60));
        f.start(config(with(spec(0, "svc", "crash", V1), null, null, null, rp, null)));
        f.stepUntilAsleep();
        f.clock.advance(Duration.ofSeconds(2));
        rt.exit(rt.last("crash").pid, 1);
        Instant next = f.stepUntilAsleep();
        InstanceRecord r = record("svc", V1);
        assertEquals(InstanceState.BACKOFF, r.state());
        assertEquals(T0.plusSeconds(3), r.backoffUntil());
        assertEquals(T0.plusSeconds(3), next);

        f.clock.set(next);
        f.stepUntilAsleep();
        assertEquals(2, rt.effects.size());
        assertEquals(1, record("svc", V1).restarts());
        f.clock.advance(Duration.ofSeconds(2));
        rt.exit(rt.last("crash").pid, 1);
        next = f.stepUntilAsleep();
        assertEquals(f.clock.instant().plusSeconds(2), next, "second delay doubles");
        f.clock.advance(Duration.ofSeconds(1));
        f.stepUntilAsleep();
        assertEquals(2, rt.effects.size(), "no start before the back-off ends");
        f.clock.set(next);
        f.stepUntilAsleep();
        assertEquals(3, rt.effects.size());
        f.clock.advance(Duration.ofSeconds(2));
        rt.exit(rt.last("crash").pid, 2);
        f.stepUntilAsleep();
        r = record("svc", V1);
        assertEquals(InstanceState.FAILED, r.state());
        assertTrue(r.note().contains("gave up after 3"), r.note());
        f.clock.advance(Duration.ofMinutes(10));
        f.stepUntilAsleep();
        assertEquals(3, rt.effects.size(), "FAILED is not started again while the entry is unchanged");

        f.rec.replaceConfig(config(with(spec(0, "svc", "crash --fixed", V1), null, null, null, rp, null)));
        f.stepUntilAsleep();
        assertEquals("spawn crash --fixed", rt.effects.get(3));
        assertEquals(0, record("svc", V1).consecutiveFailures());
    }

    @Test
    void dependentsStopBeforeWhatTheyDependOn() {
        ProcessSpec a = spec(0, "a", "run-a", V1);
        ProcessSpec b = with(spec(1, "b", "run-b", V1), null, List.of("a"), null, null, null);
        f.start(config(a, b));
        f.stepUntilAsleep();
        long pa = rt.last("run-a").pid;
        long pb = rt.last("run-b").pid;
        f.rec.setHolds(List.of("a", "b"));
        f.stepUntilAsleep();
        f.clock.advance(Duration.ofMillis(100));
        f.stepUntilAsleep();
        assertEquals(List.of("spawn run-a", "spawn run-b", "TERM " + pb, "TERM " + pa), rt.effects);
        assertEquals(InstanceState.STOPPED, record("a", V1).state());
        assertEquals(InstanceState.STOPPED, record("b", V1).state());
    }

    @Test
    void oneshotCompletesOncePerVersionThenItsDependentStarts() {
        ProcessSpec init = with(spec(0, "init", "migrate", V1), ProcessType.ONESHOT, null, null, null, null);
        ProcessSpec app = with(spec(1, "app", "serve", V1), null, List.of("init"), null, null, null);
        Config c = config(init, app);
        f.start(c);
        f.stepUntilAsleep();
        assertEquals(List.of("spawn migrate"), rt.effects, "app waits for init to complete");
        f.clock.advance(Duration.ofMillis(300));
        rt.exit(rt.last("migrate").pid, 0);
        f.stepUntilAsleep();
        assertEquals(List.of("spawn migrate", "spawn serve"), rt.effects);
        InstanceRecord done = record("init", V1);
        assertEquals(InstanceState.COMPLETED, done.state());
        assertEquals(init.applyInstant(c.zone()), done.completedWindow());

        // a new apply with the same state: the oneshot is not run again
        Fixture g = new Fixture(tmp.resolve("again"));
        g.rt.existing(rt.last("serve").pid, rt.last("serve").ticks, "serve");
        g.start(c, f.rec.state());
        g.stepUntilAsleep();
        assertEquals(List.of(), g.rt.effects);
        assertTrue(g.events.stream().anyMatch(e -> e.startsWith("adopted app@")), g.events::toString);
    }

    @Test
    void healthCheckTimeoutKillsTheProbeStopsTheServiceAndBacksOff() {
        HealthCheck hc = new HealthCheck("hangs", Duration.ofSeconds(3), Duration.ofSeconds(1));
        RestartPolicy rp = new RestartPolicy(RestartPolicy.Policy.ALWAYS, 5, Duration.ofSeconds(2), Duration.ofSeconds(60));
        f.start(config(with(spec(0, "svc", "run", V1), null, null, hc, rp, null)));
        f.stepUntilAsleep();
        long svc = rt.last("run").pid;
        long probe = rt.last("hangs").pid;
        f.clock.advance(Duration.ofSeconds(3));
        f.stepUntilAsleep();
        f.clock.advance(Duration.ofMillis(100));
        f.stepUntilAsleep();
        assertEquals(List.of("spawn run", "spawn hangs", "KILL " + probe, "TERM " + svc), rt.effects);
        InstanceRecord r = record("svc", V1);
        assertEquals(InstanceState.BACKOFF, r.state());
        assertTrue(r.note().startsWith("health check did not pass within 3s"), r.note());
        assertEquals(f.clock.instant().minusMillis(100).plusSeconds(2), r.backoffUntil());
    }

    @Test
    void aCommandThatCannotStartIsAFailedStartNotACrash() {
        rt.spawnFailures.put("run", "working_dir /nope does not exist or is not a directory");
        f.start(config(spec(0, "svc", "run", V1)));
        Instant next = f.stepUntilAsleep();
        InstanceRecord r = record("svc", V1);
        assertEquals(InstanceState.BACKOFF, r.state());
        assertTrue(r.note().contains("cannot start: working_dir /nope"), r.note());
        assertEquals(T0.plusSeconds(1), next);
        assertEquals(1, f.rec.failures());
    }

    @Test
    void aCommandThatNeverStartsEndsFailedAndStaysFailed() {
        // FAILED holds until the entry changes; a start that never spawned must still record which
        // entry it tried, or the FAILED record looks "changed" and is retried for ever
        RestartPolicy rp = new RestartPolicy(RestartPolicy.Policy.ALWAYS, 2, Duration.ofMillis(100), Duration.ofSeconds(60));
        rt.spawnFailures.put("run", "working_dir /nope does not exist or is not a directory");
        f.start(config(with(spec(0, "svc", "run", V1), null, null, null, rp, null)));
        f.stepUntilAsleep();
        f.clock.advance(Duration.ofMillis(100));
        f.stepUntilAsleep();
        assertEquals(InstanceState.FAILED, record("svc", V1).state());
        assertEquals(List.of("spawn-failed run", "spawn-failed run"), rt.effects);
        f.clock.advance(Duration.ofMinutes(10));
        f.stepUntilAsleep();
        assertEquals(List.of("spawn-failed run", "spawn-failed run"), rt.effects, "no attempt after FAILED");
        assertEquals(InstanceState.FAILED, record("svc", V1).state());

        // an edit of the entry is a fresh series
        f.rec.replaceConfig(config(with(spec(0, "svc", "run --fixed", V1), null, null, null, rp, null)));
        f.stepUntilAsleep();
        assertEquals(List.of("spawn-failed run", "spawn-failed run", "spawn run --fixed"), rt.effects);
    }

    @Test
    void leftoverGrandchildrenAreStoppedBeforeARestart() {
        f.start(config(spec(0, "svc", "run", V1)));
        f.stepUntilAsleep();
        FakeRuntime.Proc p = rt.last("run");
        p.extra.add(4242L);
        f.clock.advance(Duration.ofSeconds(30));
        rt.exit(p.pid, 1);
        f.stepUntilAsleep();
        assertEquals(List.of("spawn run", "TERM " + p.pid), rt.effects);
        f.clock.advance(Duration.ofMillis(100));
        f.stepUntilAsleep();
        assertEquals(InstanceState.BACKOFF, record("svc", V1).state());
        f.clock.advance(Duration.ofSeconds(1));
        f.stepUntilAsleep();
        assertEquals(List.of("spawn run", "TERM " + p.pid, "spawn run"), rt.effects);
    }
}
