package procrust.reconcile;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import procrust.config.Config;
import procrust.config.ProcessSpec;
import procrust.plan.Action;
import procrust.plan.ActionKind;
import procrust.plan.InstanceState;
import procrust.plan.Plan;
import procrust.state.InstanceRecord;
import procrust.state.StateFile;

/**
 * The plan after an event that touched a few ids (an exit, the end of a stop, an unhealthy instance),
 * made by planning only the ids whose plan could have changed (issue 18: a plan of 1,000 services at
 * each crash). Valid when the plan before it changed nothing: then what a plan of every id would say
 * now differs from it only for the ids whose records changed, the ids that depend on them, at any
 * depth, and (as context) everything those depend on: the planner decides each id from its own
 * records, the file, the time and what it depends on, and orders starts along {@code depends_on} with
 * ties in file order, so the subset is planned and ordered as within the whole. The one thing every id
 * shares, a start still waiting for its check (one start at a time), must be absent before and after;
 * holds, the file, the adoptions still to make and the time (the plan's {@code nextChange}, at most a
 * minute) must be those of the plan before. Otherwise, null: the whole plan is made.
 */
final class PartialPlan {

    /** The ids each id depends on and the ids that depend on it, in any version of the file; its rank in the file. */
    private final Map<String, Set<String>> deps = new HashMap<>();
    private final Map<String, Set<String>> dependents = new HashMap<>();
    private final Map<String, Integer> rank = new HashMap<>();
    final Config config;

    PartialPlan(Config config) {
        this.config = config;
        for (ProcessSpec p : config.processes()) {
            rank.putIfAbsent(p.id(), rank.size());
            for (String d : p.dependsOn()) {
                deps.computeIfAbsent(p.id(), x -> new HashSet<>()).add(d);
                dependents.computeIfAbsent(d, x -> new HashSet<>()).add(p.id());
            }
        }
    }

    /**
     * The plan at {@code now}, from {@code base} (made from {@code from} with this file, with no change
     * and no adoption in it) and a plan of the ids touched since; null when a whole plan is needed.
     */
    Plan plan(PlanFunction planner, Plan base, StateFile from, StateFile state, Set<Key> unadopted, Instant now) {
        if (base.hasChanges() || !from.holds().equals(state.holds()) || pending(from) || pending(state)) {
            return null;
        }
        for (Action a : base.actions()) {
            if (a.kind() == ActionKind.ADOPT) {
                return null;
            }
        }
        Set<String> touched = touched(from.instances(), state.instances());
        if (touched == null) {
            return null;
        }
        if (touched.isEmpty()) {
            return new Plan(now, base.actions(), base.nextChange());
        }
        Set<String> ids = closure(closure(touched, dependents), deps);
        if (ids.size() * 4 > rank.size() + from.instances().size()) {
            return null; // most of the file: as cheap to plan it whole
        }
        List<InstanceRecord> mine = new ArrayList<>();
        for (InstanceRecord r : state.instances()) {
            if (ids.contains(r.id())) {
                mine.add(r);
            }
        }
        List<ProcessSpec> specs = new ArrayList<>();
        for (ProcessSpec p : config.processes()) {
            if (ids.contains(p.id())) {
                specs.add(p);
            }
        }
        Config part = new Config(config.file(), config.uid(), config.fileFormat(), config.zone(), config.zoneExplicit(),
                specs, config.logs(), config.hooks());
        Plan p = planner.plan(part, ObservedReader.toObserved(state.withInstances(mine), unadopted), now);
        return new Plan(now, merge(base.actions(), p.actions(), ids), earliest(base.nextChange(), p.nextChange()));
    }

    /**
     * The ids whose records differ between two record lists where each record stands (a put replaces in
     * place, a new record is appended); null when a record was removed or moved (then a whole plan).
     */
    static Set<String> touched(List<InstanceRecord> before, List<InstanceRecord> after) {
        Set<String> out = new HashSet<>();
        return StateFile.inPlace(before, after, (was, r) -> out.add(r.id())) ? out : null;
    }

    private static boolean pending(StateFile s) {
        for (InstanceRecord r : s.instances()) {
            if (r.state() == InstanceState.PENDING_HEALTH_CHECK) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> closure(Set<String> start, Map<String, Set<String>> edges) {
        Set<String> out = new HashSet<>(start);
        ArrayDeque<String> todo = new ArrayDeque<>(start);
        while (!todo.isEmpty()) {
            for (String next : edges.getOrDefault(todo.pop(), Set.of())) {
                if (out.add(next)) {
                    todo.push(next);
                }
            }
        }
        return out;
    }

    /**
     * The whole plan's actions: the part's changes (the only ones: the plan before had none), then every
     * action left alone in file order, the part's for its ids and the plan before's for the others.
     */
    private List<Action> merge(List<Action> base, List<Action> part, Set<String> ids) {
        List<Action> out = new ArrayList<>(base.size() + part.size());
        List<Action> partOthers = new ArrayList<>();
        for (Action a : part) {
            if (a.isChange()) {
                out.add(a);
            } else {
                partOthers.add(a);
            }
        }
        int i = 0;
        for (Action a : base) {
            if (ids.contains(a.id())) {
                continue;
            }
            int r = rankOf(a.id());
            while (i < partOthers.size() && rankOf(partOthers.get(i).id()) < r) {
                out.add(partOthers.get(i++));
            }
            out.add(a);
        }
        out.addAll(partOthers.subList(i, partOthers.size()));
        return out;
    }

    private int rankOf(String id) {
        Integer r = rank.get(id);
        return r == null ? Integer.MAX_VALUE : r;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null || (b != null && b.isBefore(a)) ? b : a;
    }
}
