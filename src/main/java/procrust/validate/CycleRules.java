package procrust.validate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.alg.shortestpath.BFSShortestPath;
import org.jgrapht.graph.AsSubgraph;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.MaskSubgraph;
import procrust.config.raw.RawProcess;
import procrust.config.raw.RawRef;
import procrust.config.read.Sink;
import procrust.diag.Code;
import procrust.validate.Versions.Version;

/**
 * No dependency cycle at any moment: for every distinct apply_on instant, the graph of the versions
 * active then (fake entries excluded) is acyclic. A cycle is reported once, as its path
 * {@code a -> b -> c -> a}, with the instant from which it exists.
 *
 * <p>Every graph of an instant is a subgraph of the union graph over ids (an edge a -> b when any
 * version of a depends on b), so only the non-trivial strongly connected components of that union
 * graph can hold a cycle; for a file without one (the usual case) this costs one linear pass. Inside
 * such a component the instants are walked in order; a cycle that appears at an instant goes through
 * a version that became active then, and is found by a breadth-first search from it. All algorithms
 * are JGraphT's iterative ones: a chain or cycle of tens of thousands of processes cannot overflow
 * the stack.
 */
final class CycleRules {

    private CycleRules() {
    }

    static void check(List<Version> all, Sink sink) {
        Map<String, List<Version>> byId = new LinkedHashMap<>();
        for (Version v : all) {
            if (!v.entry().isFake()) {
                byId.computeIfAbsent(v.id(), k -> new ArrayList<>()).add(v);
            }
        }
        Graph<String, DefaultEdge> union = new DefaultDirectedGraph<>(DefaultEdge.class);
        byId.keySet().forEach(union::addVertex);
        for (List<Version> versions : byId.values()) {
            for (Version v : versions) {
                for (String dep : deps(v.entry())) {
                    if (!dep.equals(v.id()) && byId.containsKey(dep)) {
                        union.addEdge(v.id(), dep);
                    }
                }
            }
        }
        for (Set<String> component : new KosarajuStrongConnectivityInspector<>(union).stronglyConnectedSets()) {
            if (component.size() > 1) {
                walk(union, component, byId, sink);
            }
        }
    }

    /** Walks the instants at which versions of the component's ids take effect. */
    private static void walk(Graph<String, DefaultEdge> union, Set<String> component, Map<String, List<Version>> byId,
                             Sink sink) {
        TreeMap<Instant, List<Version>> instants = new TreeMap<>();
        for (String id : component) {
            for (Version v : byId.get(id)) {
                instants.computeIfAbsent(v.at(), k -> new ArrayList<>()).add(v);
            }
        }
        Map<String, Version> active = new HashMap<>();
        Map<Version, Set<String>> depSets = new HashMap<>();
        Graph<String, DefaultEdge> within = new AsSubgraph<>(union, component);
        Graph<String, DefaultEdge> now = new MaskSubgraph<>(within, id -> !active.containsKey(id), e -> {
            Version from = active.get(within.getEdgeSource(e));
            return from == null || !active.containsKey(within.getEdgeTarget(e))
                    || !depSets.get(from).contains(within.getEdgeTarget(e));
        });
        Set<Set<Version>> reported = new HashSet<>();
        for (Map.Entry<Instant, List<Version>> step : instants.entrySet()) {
            List<Version> changed = step.getValue();
            changed.sort(Comparator.comparingInt(v -> v.entry().index()));
            for (Version v : changed) {
                active.put(v.id(), v); // same-instant duplicates are errors of their own; the last one wins here
                depSets.computeIfAbsent(v, k -> new HashSet<>(deps(k.entry())));
            }
            for (Set<String> scc : new KosarajuStrongConnectivityInspector<>(now).stronglyConnectedSets()) {
                if (scc.size() < 2) {
                    continue;
                }
                for (Version v : changed) {
                    if (scc.contains(v.id()) && active.get(v.id()) == v) {
                        List<String> path = shortestCycle(now, v.id());
                        report(path, active, v, reported, sink);
                        break;
                    }
                }
            }
        }
    }

    /** The shortest cycle through {@code start}, as ids from start back to start. */
    private static List<String> shortestCycle(Graph<String, DefaultEdge> g, String start) {
        var paths = new BFSShortestPath<>(g).getPaths(start);
        GraphPath<String, DefaultEdge> best = null;
        for (DefaultEdge in : g.incomingEdgesOf(start)) {
            GraphPath<String, DefaultEdge> p = paths.getPath(g.getEdgeSource(in));
            if (p != null && (best == null || p.getLength() < best.getLength())) {
                best = p;
            }
        }
        List<String> cycle = new ArrayList<>(best.getVertexList());
        cycle.add(start);
        return cycle;
    }

    private static void report(List<String> cycle, Map<String, Version> active, Version trigger,
                               Set<Set<Version>> reported, Sink sink) {
        List<Version> members = new ArrayList<>();
        for (int i = 0; i < cycle.size() - 1; i++) {
            members.add(active.get(cycle.get(i)));
        }
        if (!reported.add(new HashSet<>(members))) {
            return;
        }
        // start the path at the entry that comes first in the file, where the message is shown
        int first = 0;
        for (int i = 1; i < members.size(); i++) {
            if (members.get(i).entry().index() < members.get(first).entry().index()) {
                first = i;
            }
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i <= members.size(); i++) {
            ids.add(members.get((first + i) % members.size()).id());
        }
        RawProcess at = members.get(first).entry();
        String next = ids.get(1);
        RawRef ref = at.dependsOn().stream().filter(r -> r.id().equals(next)).findFirst().orElse(null);
        sink.error(Code.DEPENDENCY_CYCLE, "dependency cycle from " + trigger.text() + ": " + String.join(" -> ", ids)
                + " (none of them could ever start): remove one of these depends_on", ref != null ? ref.pos()
                : at.posOf("depends_on"), at.id(), "depends_on");
    }

    private static List<String> deps(RawProcess p) {
        if (p.dependsOn() == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>(p.dependsOn().size());
        for (RawRef r : p.dependsOn()) {
            out.add(r.id());
        }
        return out;
    }
}
