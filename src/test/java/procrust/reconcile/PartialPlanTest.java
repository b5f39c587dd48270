package procrust.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static procrust.reconcile.Fixture.T0;
import static procrust.reconcile.Fixture.UID;
import static procrust.reconcile.Fixture.V1;
import static procrust.reconcile.Fixture.config;
import static procrust.reconcile.Fixture.spec;
import static procrust.reconcile.Fixture.with;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import procrust.config.Config;
import procrust.config.ProcessSpec;
import procrust.config.ProcessType;
import procrust.plan.Action;
import procrust.plan.InstanceState;
import procrust.plan.Plan;
import procrust.plan.Planner;
import procrust.state.InstanceRecord;
import procrust.state.StateFile;

/**
 * {@link PartialPlan} says what a plan of every id would say (issue 18): random files with
 * dependencies and oneshots, a quiet host, then a few ids touched as exits, failures, stops and new
 * processes touch them; the partial plan's actions are the whole plan's, in the same order.
 */
class PartialPlanTest {

    private static final String OLD = "2023-01-01T00:00:00";

    private static InstanceRecord running(ProcessSpec s, long pid) {
        return InstanceRecord.fresh(s.id(), s.version(), s.type().wire(), T0).toBuilder()
                .process(s.type().wire(), pid, 7, "boot", T0.minusSeconds(100), s.fingerprint())
                .state(InstanceState.RUNNING, T0.minusSeconds(100)).runningSince(T0.minusSeconds(100)).build();
    }

    private static InstanceRecord completed(ProcessSpec s) {
        return running(s, 1).toBuilder().gone(0).state(InstanceState.COMPLETED, T0.minusSeconds(90)).build();
    }

    private static Plan whole(Config c, StateFile s, Instant at) {
        return Planner.plan(c, ObservedReader.toObserved(s, Set.of()), at);
    }

    @Test
    void aFewTouchedIdsArePlannedAsInTheWholePlan() {
        Random rnd = new Random(1818);
        int compared = 0;
        for (int round = 0; round < 300; round++) {
            int n = 5 + rnd.nextInt(40);
            List<ProcessSpec> specs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                List<String> deps = new ArrayList<>();
                for (int d = 0; d < rnd.nextInt(3) && i > 0; d++) {
                    String dep = "p" + rnd.nextInt(i);
                    if (!deps.contains(dep)) {
                        deps.add(dep);
                    }
                }
                ProcessType type = rnd.nextInt(6) == 0 ? ProcessType.ONESHOT : null;
                if (rnd.nextInt(8) == 0) {
                    specs.add(spec(specs.size(), "p" + i, "old-" + i, OLD)); // an older version of the id
                }
                specs.add(with(spec(specs.size(), "p" + i, "run-" + i, V1), type, deps, null, null, null));
            }
            Config c = config(specs.toArray(ProcessSpec[]::new));
            StateFile from = StateFile.empty(UID);
            List<ProcessSpec> active = new ArrayList<>();
            for (ProcessSpec s : specs) {
                if (s.version().equals(V1)) {
                    active.add(s);
                    from = from.put(s.type() == ProcessType.ONESHOT ? completed(s) : running(s, 100 + active.size()));
                }
            }
            Plan base = whole(c, from, T0);
            assertTrue(!base.hasChanges(), "a quiet host: " + base.actions());
            StateFile state = from;
            int touches = 1 + rnd.nextInt(3);
            for (int t = 0; t < touches; t++) {
                ProcessSpec s = active.get(rnd.nextInt(active.size()));
                InstanceRecord r = state.find(s.id(), s.version()).orElseThrow();
                Instant at = T0.plusMillis(rnd.nextInt(900));
                InstanceRecord changed = switch (rnd.nextInt(7)) {
                    case 0 -> r.toBuilder().gone(1).state(InstanceState.BACKOFF, at).failures(1).backoffUntil(at).build();
                    case 1 -> r.toBuilder().gone(1).state(InstanceState.BACKOFF, at).failures(2)
                            .backoffUntil(T0.plusSeconds(30)).build();
                    case 2 -> r.toBuilder().gone(1).state(InstanceState.FAILED, at).failures(5).build();
                    case 3 -> r.toBuilder().state(InstanceState.STOPPING, at).afterStop(InstanceState.BACKOFF).build();
                    case 4 -> r.toBuilder().gone(0).state(InstanceState.STOPPED, at).build();
                    case 5 -> running(s, 5000 + t);
                    default -> r.toBuilder().gone(0).state(InstanceState.COMPLETED, at).build();
                };
                state = state.put(changed);
            }
            Instant now = T0.plusSeconds(1);
            Plan part = new PartialPlan(c).plan(Planner::plan, base, from, state, Set.of(), now);
            Plan full = whole(c, state, now);
            if (part == null) {
                continue; // most ids touched: planned whole
            }
            compared++;
            assertEquals(full.actions(), part.actions(), "round " + round);
            Instant fullNext = full.nextChange();
            assertTrue(part.nextChange() == null ? fullNext == null : fullNext == null || !part.nextChange().isAfter(fullNext),
                    "never later than the whole plan's next change");
        }
        assertTrue(compared > 150, "compared " + compared + " of 300");
    }

    @Test
    void aPlanWithChangesARemovedRecordOrOtherHoldsArePlannedWhole() {
        ProcessSpec a = spec(0, "a", "run-a", V1);
        ProcessSpec b = with(spec(1, "b", "run-b", V1), null, List.of("a"), null, null, null);
        List<ProcessSpec> specs = new ArrayList<>(List.of(a, b));
        StateFile from = StateFile.empty(UID).put(running(a, 10)).put(running(b, 11));
        for (int i = 0; i < 8; i++) { // a file mostly of other ids: a and b are planned alone
            ProcessSpec other = spec(2 + i, "o" + i, "run-o" + i, V1);
            specs.add(other);
            from = from.put(running(other, 20 + i));
        }
        Config c = config(specs.toArray(ProcessSpec[]::new));
        Plan quiet = whole(c, from, T0);
        PartialPlan p = new PartialPlan(c);
        StateFile crashed = from.put(running(a, 10).toBuilder().gone(1).state(InstanceState.BACKOFF, T0).build());
        assertEquals(whole(c, crashed, T0).actions(), p.plan(Planner::plan, quiet, from, crashed, Set.of(), T0).actions());
        Plan busy = whole(c, crashed, T0);
        assertTrue(busy.hasChanges());
        assertNull(p.plan(Planner::plan, busy, crashed, crashed.put(running(a, 12)), Set.of(), T0), "the plan before changed something");
        assertNull(p.plan(Planner::plan, quiet, from, from.remove("b", V1), Set.of(), T0), "a record removed");
        assertNull(p.plan(Planner::plan, quiet, from, crashed.withHolds(List.of("b")), Set.of(), T0), "new holds");
        StateFile pending = from.put(running(a, 13).toBuilder().state(InstanceState.PENDING_HEALTH_CHECK, T0).build());
        assertNull(p.plan(Planner::plan, quiet, from, pending, Set.of(), T0), "a start waiting for its check");
    }
}
