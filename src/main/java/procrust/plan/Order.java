package procrust.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.jgrapht.Graph;
import org.jgrapht.alg.cycle.CycleDetector;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.traverse.TopologicalOrderIterator;

/**
 * Orders of processes along {@code depends_on}, ties in file order (JGraphT's topological order with a
 * comparator on the file index). A cycle (impossible in a valid file for the versions active at one
 * instant) never throws: the processes on it come after the others, in file order.
 */
final class Order {

    private static final Comparator<Proc> BY_FILE = Comparator.comparingInt(p -> p.index);

    private Order() {
    }

    /** Each process after those it depends on (start order). */
    static List<Proc> dependenciesFirst(List<Proc> procs, Function<Proc, List<Proc>> dependsOn) {
        return order(procs, dependsOn, false);
    }

    /** Each process before those it depends on (stop order). */
    static List<Proc> dependentsFirst(List<Proc> procs, Function<Proc, List<Proc>> dependsOn) {
        return order(procs, dependsOn, true);
    }

    private static List<Proc> order(List<Proc> procs, Function<Proc, List<Proc>> dependsOn, boolean dependentsFirst) {
        Graph<Proc, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
        for (Proc p : procs) {
            g.addVertex(p);
        }
        for (Proc p : procs) {
            for (Proc dep : dependsOn.apply(p)) {
                if (dep != p && g.containsVertex(dep)) {
                    if (dependentsFirst) {
                        g.addEdge(p, dep);
                    } else {
                        g.addEdge(dep, p);
                    }
                }
            }
        }
        List<Proc> out = new ArrayList<>(procs.size());
        try {
            new TopologicalOrderIterator<>(g, BY_FILE).forEachRemaining(out::add);
            return out;
        } catch (IllegalArgumentException cycle) {
            // JGraphT reports a cycle only once it meets it: take the processes on cycles out and retry
            List<Proc> onCycle = new ArrayList<>(new CycleDetector<>(g).findCycles());
            onCycle.sort(BY_FILE);
            g.removeAllVertices(onCycle);
            out.clear();
            new TopologicalOrderIterator<>(g, BY_FILE).forEachRemaining(out::add);
            out.addAll(onCycle);
            return out;
        }
    }
}
