package procrust.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static procrust.reconcile.Fixture.T0;
import static procrust.reconcile.Fixture.V1;
import static procrust.reconcile.Fixture.config;
import static procrust.reconcile.Fixture.spec;
import static procrust.reconcile.Fixture.with;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import procrust.config.Config;
import procrust.config.ProcessSpec;
import procrust.config.ProcessType;
import procrust.plan.Action;
import procrust.plan.ActionKind;
import procrust.plan.InstanceState;
import procrust.plan.Observed;
import procrust.plan.Planner;

/**
 * A run of starts is planned once (issue 18): while nothing but the plan's own starts happens, each
 * coming up RUNNING at once, the next start is the plan's next one, as a plan made afresh would say;
 * anything else (a failed start, an exit, a oneshot, a start check, a new file) makes the plan again.
 */
class PlanReuseTest extends WithFixture {

    /** The spawns a plan made afresh at every step would do: the starts of the plan of nothing, in order. */
    private static List<String> plannedOrder(Config c) {
        List<String> out = new ArrayList<>();
        for (Action a : Planner.plan(c, new Observed(List.of(), java.util.Set.of(), null), T0).actions()) {
            if (a.kind() == ActionKind.START) {
                out.add("spawn run-" + a.id());
            }
        }
        return out;
    }

    @Test
    void aBringUpIsPlannedOnceAndStartsInThePlansOrder() throws Exception {
        List<ProcessSpec> specs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // every fifth depends on the next one: dependencies first, ties in file order
            List<String> deps = i % 5 == 0 && i + 1 < 40 ? List.of("p" + (i + 1)) : List.of();
            specs.add(with(spec(i, "p" + i, "run-p" + i, V1), null, deps, null, null, null));
        }
        Config c = config(specs.toArray(ProcessSpec[]::new));
        f.start(c);
        f.stepUntilAsleep();
        assertEquals(plannedOrder(c), rt.effects);
        assertEquals(40, rt.effects.size());
        assertTrue(f.plans <= 2, "one plan for the 40 starts and one that finds nothing to do: " + f.plans);
        for (int i = 0; i < 40; i++) {
            assertEquals(InstanceState.RUNNING, f.rec.state().find("p" + i, V1).orElseThrow().state());
        }
        assertEquals(f.rec.state(), f.store.load(false).state(), "every start persisted");
    }

    @Test
    void aFailedStartMakesThePlanAgainAndItsDependentWaits() {
        rt.spawnFailures.put("run-a", "no such file");
        Config c = config(spec(0, "a", "run-a", V1), with(spec(1, "b", "run-b", V1), null, List.of("a"), null, null, null),
                spec(2, "c", "run-c", V1));
        f.start(c);
        f.stepUntilAsleep();
        assertEquals(List.of("spawn-failed run-a", "spawn run-c"), rt.effects, "b is never started while a is down");
        assertTrue(f.plans >= 2, "planned again after the failure: " + f.plans);
    }

    @Test
    void aOneshotIsNotUpForItsDependentsUntilItCompleted() {
        Config c = config(with(spec(0, "init", "run-init", V1), ProcessType.ONESHOT, null, null, null, null),
                with(spec(1, "web", "run-web", V1), null, List.of("init"), null, null, null),
                spec(2, "other", "run-other", V1));
        f.start(c);
        f.stepUntilAsleep();
        assertEquals(List.of("spawn run-init", "spawn run-other"), rt.effects, "web waits for init to complete");
        rt.exit(rt.last("run-init").pid, 0);
        f.stepUntilAsleep();
        assertEquals(List.of("spawn run-init", "spawn run-other", "spawn run-web"), rt.effects);
    }

    @Test
    void anExitBetweenTwoStartsIsPlannedFor() {
        Config c = config(spec(0, "a", "run-a", V1), spec(1, "b", "run-b", V1), spec(2, "c", "run-c", V1));
        f.start(c);
        f.rec.step(); // a started
        int plans = f.plans;
        rt.exit(rt.last("run-a").pid, 1);
        f.stepUntilAsleep();
        assertTrue(f.plans > plans, "the crash of a made the plan again");
        assertEquals("spawn run-a", rt.effects.get(0));
        assertTrue(rt.effects.containsAll(List.of("spawn run-b", "spawn run-c")), rt.effects::toString);
        assertTrue(f.events.stream().anyMatch(e -> e.startsWith("start-failed a@")), f.events::toString);
    }

    @Test
    void aNewFileBetweenTwoStartsIsPlannedFor() {
        Config c = config(spec(0, "a", "run-a", V1), spec(1, "b", "run-b", V1), spec(2, "c", "run-c", V1));
        f.start(c);
        f.rec.step(); // a started
        f.rec.replaceConfig(config(spec(0, "a", "run-a", V1), spec(2, "c", "run-c", V1)));
        f.stepUntilAsleep();
        assertEquals(List.of("spawn run-a", "spawn run-c"), rt.effects, "b left the file: never started");
    }
}
