package procrust.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jgrapht.Graph;
import org.jgrapht.alg.cycle.CycleDetector;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.traverse.TopologicalOrderIterator;

/**
 * Orders of process ids along {@code depends_on}, ties in file order (JGraphT's topological order with
 * a comparator on the file index). A cycle (impossible in a valid file for the versions active at one
 * instant) never throws: the ids on it fall back to file order after the others.
 */
final class Order {

    private Order() {
    }

    /**
     * Ids ordered so that each comes after the ids it depends on (start order).
     *
     * @param ids       the ids to order
     * @param index     file index of each id (tie breaker)
     * @param dependsOn the ids each id depends on (unknown ids are ignored)
     */
    static List<String> dependenciesFirst(List<String> ids, Map<String, Integer> index,
                                          Function<String, List<String>> dependsOn) {
        Graph<String, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
        for (String id : ids) {
            g.addVertex(id);
        }
        for (String id : ids) {
            for (String dep : dependsOn.apply(id)) {
                if (g.containsVertex(dep) && !dep.equals(id)) {
                    g.addEdge(dep, id);
                }
            }
        }
        return order(g, Comparator.comparingInt((String id) -> index.getOrDefault(id, Integer.MAX_VALUE))
                .thenComparing(Comparator.naturalOrder()));
    }

    /** Ids ordered so that each comes before the ids it depends on (stop order). */
    static List<String> dependentsFirst(List<String> ids, Map<String, Integer> index,
                                        Function<String, List<String>> dependsOn) {
        Graph<String, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
        for (String id : ids) {
            g.addVertex(id);
        }
        for (String id : ids) {
            for (String dep : dependsOn.apply(id)) {
                if (g.containsVertex(dep) && !dep.equals(id)) {
                    g.addEdge(id, dep);
                }
            }
        }
        return order(g, Comparator.comparingInt((String id) -> index.getOrDefault(id, Integer.MAX_VALUE))
                .thenComparing(Comparator.naturalOrder()));
    }

    private static List<String> order(Graph<String, DefaultEdge> g, Comparator<String> byFile) {
        List<String> out = new ArrayList<>(g.vertexSet().size());
        CycleDetector<String, DefaultEdge> cycles = new CycleDetector<>(g);
        if (cycles.detectCycles()) {
            List<String> onCycle = new ArrayList<>(cycles.findCycles());
            onCycle.sort(byFile);
            g.removeAllVertices(onCycle);
            new TopologicalOrderIterator<>(g, byFile).forEachRemaining(out::add);
            out.addAll(onCycle);
            return out;
        }
        new TopologicalOrderIterator<>(g, byFile).forEachRemaining(out::add);
        return out;
    }
}
