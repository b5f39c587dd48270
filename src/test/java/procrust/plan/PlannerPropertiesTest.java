package procrust.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import procrust.config.Config;
import procrust.config.ProcessSpec;
import procrust.config.ProcessType;

/**
 * Properties of every plan, over random files, observed states and instants. The active version is
 * recomputed here from SPEC §3's words (the non-fake entry with the greatest apply_on not after the
 * instant) rather than taken from the planner.
 */
class PlannerPropertiesTest {

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Arbitraries.randomValue(Scenario::generate);
    }

    private static ProcessSpec active(Config c, String id, Instant at) {
        ProcessSpec best = null;
        for (ProcessSpec p : c.processes()) {
            if (!p.id().equals(id) || p.isFake() || p.applyInstant(c.zone()).isAfter(at)) {
                continue;
            }
            if (best == null || !p.applyInstant(c.zone()).isBefore(best.applyInstant(c.zone()))) {
                best = p;
            }
        }
        return best;
    }

    private static boolean starts(Action a) {
        return a.kind() == ActionKind.START || a.kind() == ActionKind.REPLACE;
    }

    @Property(tries = 1000)
    void neverStartsAProcessBeforeOneItDependsOn(@ForAll("scenarios") Scenario s) {
        List<Action> actions = Planner.plan(s.config(), s.observed(), s.at()).actions();
        Set<String> startedSoFar = new HashSet<>();
        for (Action a : actions) {
            if (!starts(a)) {
                continue;
            }
            ProcessSpec spec = active(s.config(), a.id(), s.at());
            assertEquals(spec.version(), a.version(), "starts the active version");
            for (String dep : spec.dependsOn()) {
                assertTrue(startedSoFar.contains(dep) || up(s, dep),
                        () -> a.id() + " starts before its dependency " + dep + ": " + actions);
            }
            startedSoFar.add(a.id());
        }
    }

    private static boolean up(Scenario s, String dep) {
        ProcessSpec d = active(s.config(), dep, s.at());
        if (d == null) {
            return false;
        }
        boolean held = s.observed().holds().contains(dep);
        for (ObservedInstance o : s.observed().instances()) {
            if (o.id().equals(dep) && o.version().equals(d.version())) {
                // a held process is stopped; a oneshot counts once it completed in its version (even held)
                return (o.alive() && o.state() == InstanceState.RUNNING && !held && d.type() != ProcessType.ONESHOT)
                        || (d.type() == ProcessType.ONESHOT && o.state() == InstanceState.COMPLETED);
            }
        }
        return false;
    }

    @Property(tries = 1000)
    void neverLeavesTwoVersionsOfAnIdRunning(@ForAll("scenarios") Scenario s) {
        List<Action> actions = Planner.plan(s.config(), s.observed(), s.at()).actions();
        Map<String, Set<String>> alive = new HashMap<>();
        for (ObservedInstance o : s.observed().instances()) {
            if (o.alive()) {
                alive.computeIfAbsent(o.id(), k -> new HashSet<>()).add(o.version());
            }
        }
        for (Action a : actions) {
            Set<String> live = alive.computeIfAbsent(a.id(), k -> new HashSet<>());
            switch (a.kind()) {
                case STOP:
                    assertTrue(live.remove(a.version()), () -> "stops what does not run: " + a);
                    break;
                case REPLACE:
                    assertTrue(live.remove(a.oldVersion()), () -> "replaces what does not run: " + a);
                    assertTrue(live.isEmpty(), () -> "replace leaves another version running: " + a + " " + actions);
                    live.add(a.version());
                    break;
                case START:
                    assertTrue(live.isEmpty(), () -> "starts beside a live version: " + a + " " + actions);
                    live.add(a.version());
                    break;
                default:
            }
        }
        alive.forEach((id, versions) -> assertTrue(versions.size() <= 1, () -> id + " runs " + versions + ": " + actions));
    }

    @Property(tries = 1000)
    void neverStopsAWantedProcessRunningItsActiveVersion(@ForAll("scenarios") Scenario s) {
        ZoneId zone = s.config().zone();
        for (Action a : Planner.plan(s.config(), s.observed(), s.at()).actions()) {
            if (a.kind() != ActionKind.STOP && a.kind() != ActionKind.REPLACE) {
                continue;
            }
            String stopped = a.kind() == ActionKind.STOP ? a.version() : a.oldVersion();
            ProcessSpec spec = active(s.config(), a.id(), s.at());
            boolean wanted = spec != null && !s.observed().holds().contains(a.id()) && Windows.inside(spec, zone, s.at());
            assertFalse(wanted && spec.version().equals(stopped), () -> "stops wanted " + a);
        }
    }

    @Property(tries = 1000)
    void oneStartAtATime(@ForAll("scenarios") Scenario s) {
        List<Action> actions = Planner.plan(s.config(), s.observed(), s.at()).actions();
        for (ObservedInstance o : s.observed().instances()) {
            if (o.alive() && o.state() == InstanceState.PENDING_HEALTH_CHECK
                    && actions.stream().noneMatch(a -> a.kind() == ActionKind.STOP && a.id().equals(o.id())
                            && a.version().equals(o.version()))) {
                assertTrue(actions.stream().noneMatch(PlannerPropertiesTest::starts),
                        () -> o.id() + " is starting and the plan starts another: " + actions);
            }
        }
    }

    @Property(tries = 1000)
    void isDeterministicAndExplainsEveryProcessOfTheFile(@ForAll("scenarios") Scenario s) {
        Plan a = Planner.plan(s.config(), s.observed(), s.at());
        Plan b = Planner.plan(s.config(), s.observed(), s.at());
        assertEquals(a, b);
        for (String id : s.config().ids()) {
            assertTrue(a.actions().stream().anyMatch(x -> x.id().equals(id)), () -> id + " has no action: " + a);
        }
        for (Action x : a.actions()) {
            assertFalse(x.reason() == null || x.reason().isBlank(), () -> "no reason: " + x);
        }
        assertTrue(a.nextChange() == null || a.nextChange().isAfter(s.at()));
        // changes first, in execution order: stops, then starts/replaces, then what is left alone
        int phase = 0;
        for (Action x : a.actions()) {
            int p = x.kind() == ActionKind.STOP ? 0 : starts(x) ? 1 : 2;
            assertTrue(p >= phase, () -> "out of order: " + a.actions());
            phase = p;
        }
    }

    @Property(tries = 1000)
    void stopsDependentsBeforeWhatTheyDependOn(@ForAll("scenarios") Scenario s) {
        List<Action> actions = Planner.plan(s.config(), s.observed(), s.at()).actions();
        for (int i = 0; i < actions.size(); i++) {
            Action a = actions.get(i);
            if (a.kind() != ActionKind.STOP) {
                continue;
            }
            for (int j = i + 1; j < actions.size(); j++) {
                Action later = actions.get(j);
                if (later.kind() != ActionKind.STOP) {
                    continue;
                }
                for (ProcessSpec p : s.config().processes()) {
                    if (p.id().equals(later.id()) && p.version().equals(later.version())) {
                        assertFalse(p.dependsOn().contains(a.id()),
                                () -> later.id() + " depends on " + a.id() + " but stops after it: " + actions);
                    }
                }
            }
        }
    }
}
