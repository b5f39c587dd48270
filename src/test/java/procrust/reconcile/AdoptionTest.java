package procrust.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static procrust.reconcile.Fixture.T0;
import static procrust.reconcile.Fixture.UID;
import static procrust.reconcile.Fixture.V1;
import static procrust.reconcile.Fixture.config;
import static procrust.reconcile.Fixture.spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import procrust.config.Config;
import procrust.plan.InstanceState;
import procrust.state.InstanceRecord;
import procrust.state.StateFile;

/** Which recorded pids are adopted, and that nothing unproven is ever signalled. */
class AdoptionTest {

    @TempDir
    Path tmp;

    private static InstanceRecord running(String id, long pid, long ticks, String boot) {
        return new InstanceRecord(id, V1, "normal", InstanceState.RUNNING, pid, ticks, boot, T0.minusSeconds(60),
                T0.minusSeconds(60), 0, 0, null, null, T0.minusSeconds(60),
                spec(0, id, "run-" + id, V1).fingerprint(), null, null, null);
    }

    /**
     * Starts {@code f} on one running, recorded and live process per id, adopted at the start: the
     * i-th id has pid 500 + 10 i, start ticks 5000 + 100 i and command "run-ID".
     */
    private static void adopting(Fixture f, String... ids) {
        List<InstanceRecord> recs = new java.util.ArrayList<>();
        List<procrust.config.ProcessSpec> specs = new java.util.ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            f.rt.existing(500 + 10 * i, 5000 + 100 * i, "run-" + ids[i]);
            recs.add(running(ids[i], 500 + 10 * i, 5000 + 100 * i, FakeRuntime.BOOT));
            specs.add(spec(i, ids[i], "run-" + ids[i], V1));
        }
        f.start(config(specs.toArray(new procrust.config.ProcessSpec[0])), new StateFile(StateFile.FORMAT, UID, recs, List.of()));
    }

    @Test
    void onlyALiveNonZombieWithMatchingStartTimeAndBootIdIsAdopted() {
        Fixture f = new Fixture(tmp);
        FakeRuntime rt = f.rt;
        rt.existing(500, 5000, "run-alive");
        rt.existing(502, 5020, "run-zombie").state = 'Z';
        rt.existing(503, 9999, "unrelated");
        rt.existing(504, 5040, "run-rebooted");
        StateFile recorded = new StateFile(StateFile.FORMAT, UID, List.of(
                running("alive", 500, 5000, FakeRuntime.BOOT),
                running("dead", 501, 5010, FakeRuntime.BOOT),
                running("zombie", 502, 5020, FakeRuntime.BOOT),
                running("reused", 503, 5030, FakeRuntime.BOOT),
                running("rebooted", 504, 5040, "another-boot")), List.of());
        Config c = config(spec(0, "alive", "run-alive", V1), spec(1, "dead", "run-dead", V1),
                spec(2, "zombie", "run-zombie", V1), spec(3, "reused", "run-reused", V1),
                spec(4, "rebooted", "run-rebooted", V1));

        ObservedReader.Verified v = ObservedReader.verify(recorded, c, rt, T0);
        Map<String, InstanceRecord> by = new java.util.HashMap<>();
        v.state().instances().forEach(r -> by.put(r.id(), r));
        assertEquals(Long.valueOf(500), by.get("alive").pid());
        assertEquals(InstanceState.RUNNING, by.get("alive").state());
        for (String gone : List.of("dead", "zombie", "reused", "rebooted")) {
            assertNull(by.get(gone).pid(), gone);
            assertEquals(InstanceState.BACKOFF, by.get(gone).state(), gone);
        }
        assertTrue(by.get("reused").note().contains("pid now belongs to another process"), by.get("reused").note());
        assertTrue(by.get("rebooted").note().contains("rebooted"), by.get("rebooted").note());
        assertTrue(by.get("zombie").note().contains("zombie"), by.get("zombie").note());
        assertEquals(4, v.gone().size());

        f.start(c, recorded);
        f.stepUntilAsleep();
        f.clock.advance(java.time.Duration.ofSeconds(5));
        f.stepUntilAsleep();
        assertTrue(rt.effects.stream().noneMatch(e -> e.startsWith("TERM") || e.startsWith("KILL")),
                "nothing signalled: " + rt.effects);
        assertEquals(List.of("spawn run-dead", "spawn run-zombie", "spawn run-reused", "spawn run-rebooted"), rt.effects,
                "the four gone ones start anew, the live one is not duplicated");
        assertTrue(f.events.stream().anyMatch(e -> e.startsWith("adopted alive@")), f.events::toString);
    }

    @Test
    void anAdoptedProcessThatEndsIsNoticedByPolling() {
        Fixture f = new Fixture(tmp);
        f.rt.existing(500, 5000, "run-alive");
        StateFile recorded = new StateFile(StateFile.FORMAT, UID,
                List.of(running("alive", 500, 5000, FakeRuntime.BOOT)), List.of());
        f.start(config(spec(0, "alive", "run-alive", V1)), recorded);
        java.time.Instant next = f.stepUntilAsleep();
        assertEquals(T0.plus(Reconciler.ADOPTED_POLL), next);
        f.rt.procs.get(500L).state = 'Z';
        f.clock.set(next);
        f.stepUntilAsleep();
        InstanceRecord r = f.rec.state().find("alive", V1).orElseThrow();
        assertEquals(InstanceState.BACKOFF, r.state());
        assertTrue(r.note().contains("exit code unknown"), r.note());
    }

    @Test
    void pollingAdoptedProcessesThatLiveOnDoesNotPlanAgainButADeathOrAMinuteDoes() {
        Fixture f = new Fixture(tmp);
        adopting(f, "alive", "other");
        java.time.Instant next = f.stepUntilAsleep();
        int plans = f.plans;
        for (int i = 0; i < 10; i++) { // 20 s of polls every 2 s: both alive, nothing to plan
            f.clock.set(next);
            next = f.stepUntilAsleep();
        }
        assertEquals(plans, f.plans, "a poll that finds every adopted process alive plans nothing");
        f.clock.set(T0.plus(Reconciler.MAX_SLEEP));
        f.stepUntilAsleep();
        assertEquals(plans + 1, f.plans, "the plan is made again at least every MAX_SLEEP (clock jumps)");
        f.rt.procs.remove(500L);
        f.clock.advance(Reconciler.ADOPTED_POLL);
        f.stepUntilAsleep();
        assertTrue(f.plans > plans + 1, "a death is planned for");
        assertEquals(InstanceState.BACKOFF, f.rec.state().find("alive", V1).orElseThrow().state());
        f.clock.advance(java.time.Duration.ofSeconds(2)); // past the default restart delay
        f.stepUntilAsleep();
        assertEquals(List.of("spawn run-alive"), f.rt.effects, "and restarted; the live one is left alone");
    }

    @Test
    void betweenFullLooksAnEndedProcessIsSeenAtTheNextPollAndAReusedPidWithinAFullLook() {
        Fixture f = new Fixture(tmp);
        adopting(f, "gone", "zombie", "reused");
        java.time.Instant next = f.stepUntilAsleep();
        f.clock.set(next);
        next = f.stepUntilAsleep(); // the first poll: a full look, all fine
        f.rt.procs.remove(500L);
        f.rt.procs.get(510L).state = 'Z';
        f.rt.procs.remove(520L);
        f.rt.existing(520, 9999, "someone-else"); // the pid was reused by another process at once
        f.clock.set(next);
        next = f.stepUntilAsleep();
        assertEquals(InstanceState.BACKOFF, f.rec.state().find("gone", V1).orElseThrow().state(), "a gone pid: next poll");
        assertEquals(InstanceState.BACKOFF, f.rec.state().find("zombie", V1).orElseThrow().state(), "a zombie: next poll");
        assertEquals(InstanceState.RUNNING, f.rec.state().find("reused", V1).orElseThrow().state(),
                "a reused pid looks alive to the cheap look");
        for (int i = 2; i <= Reconciler.FULL_LOOK_EVERY; i++) {
            f.clock.set(next);
            next = f.stepUntilAsleep();
        }
        InstanceRecord reused = f.rec.state().find("reused", V1).orElseThrow();
        assertTrue(reused.state() == InstanceState.BACKOFF || reused.pid() != 520L,
                "the next full look sees the pid is someone else's: " + reused);
        assertTrue(f.rt.effects.stream().noneMatch(e -> e.startsWith("TERM") || e.startsWith("KILL")),
                "someone else's process is never signalled: " + f.rt.effects);
    }

    @Test
    void aStopOfAnAdoptedProcessWhosePidWasReusedBetweenFullLooksSignalsNothing() {
        Fixture f = new Fixture(tmp);
        adopting(f, "svc", "other");
        java.time.Instant next = f.stepUntilAsleep();
        f.clock.set(next);
        f.stepUntilAsleep(); // the first poll: a full look
        f.rt.procs.remove(500L);
        f.rt.existing(500, 9999, "someone-else"); // svc ended and its pid went to another process at once
        f.rec.replaceConfig(config(spec(1, "other", "run-other", V1))); // svc leaves the file: a stop is due
        f.clock.advance(java.time.Duration.ofMillis(100)); // before the next poll, let alone a full look
        f.stepUntilAsleep();
        f.clock.advance(java.time.Duration.ofSeconds(30));
        f.stepUntilAsleep();
        assertTrue(f.rt.effects.stream().noneMatch(e -> e.startsWith("TERM") || e.startsWith("KILL")),
                "someone else's process is never signalled: " + f.rt.effects);
        assertTrue(f.rec.state().find("svc", V1).map(r -> r.pid() == null).orElse(true),
                "svc is no longer taken for alive: " + f.rec.state().find("svc", V1));
    }

    @Test
    void aStopOfALiveAdoptedProcessStillSignalsIt() {
        Fixture f = new Fixture(tmp);
        adopting(f, "svc", "other");
        f.stepUntilAsleep();
        f.rec.replaceConfig(config(spec(1, "other", "run-other", V1)));
        f.clock.advance(java.time.Duration.ofMillis(100));
        f.stepUntilAsleep();
        assertEquals(List.of("TERM 500"), f.rt.effects);
    }

    @Test
    void aDeadLeaderWhoseGroupLivesOnHasItsGroupStoppedBeforeARestart() {
        Fixture f = new Fixture(tmp);
        FakeRuntime.Proc p = f.rt.existing(600, 6000, "run-svc");
        p.state = 'X';
        p.extra.add(601L);
        StateFile recorded = new StateFile(StateFile.FORMAT, UID,
                List.of(running("svc", 600, 6000, FakeRuntime.BOOT)), List.of());
        Config c = config(spec(0, "svc", "run-svc", V1));
        ObservedReader.Verified v = ObservedReader.verify(recorded, c, f.rt, T0);
        InstanceRecord r = v.state().find("svc", V1).orElseThrow();
        assertEquals(InstanceState.STOPPING, r.state());
        assertEquals(InstanceState.BACKOFF, r.afterStop());
        f.start(c, recorded);
        f.stepUntilAsleep();
        f.clock.advance(java.time.Duration.ofMillis(100));
        f.stepUntilAsleep();
        assertEquals(List.of("TERM 600", "spawn run-svc"), f.rt.effects);
    }
}
