package procrust.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import procrust.config.Config;
import procrust.config.ProcessSpec;
import procrust.config.ProcessType;

/**
 * The dependency graph of the versions active at an instant ({@link Activation}): one node per id
 * with an active version, in file order, and one edge per {@code depends_on} entry. A dependency that
 * has no active version then (all its versions in the future or fake) is a node too, with no version,
 * so the edge that waits on it shows. Pure.
 *
 * @param nodes active versions first (file order), then dependencies with no active version
 * @param edges one per {@code depends_on} entry of an active version, in file order
 */
public record ActiveGraph(Instant at, List<Node> nodes, List<Edge> edges) {

    /**
     * One id at the instant.
     *
     * @param version  the active version ({@code apply_on} as written), or null when none is active
     * @param type     the active version's type, or null
     * @param schedule the active version's schedule in words ({@link Windows#describe}), or null
     * @param inWindow true when the instant lies in one of the active version's windows
     * @param state    the recorded state of the active version's instance, or null when none is
     *                 recorded; {@link InstanceState#HELD} when an operator hold is on the id
     */
    public record Node(String id, String version, ProcessType type, String schedule, boolean inWindow,
                       InstanceState state) {
    }

    /** {@code id} (active at the instant) depends on {@code dependsOn}. */
    public record Edge(String id, String dependsOn) {
    }

    public ActiveGraph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /** The graph at {@code at}, with the states of {@code observed} (use {@link Observed#EMPTY} for none). */
    public static ActiveGraph of(Config config, Observed observed, Instant at) {
        Facts facts = new Facts(config, observed, at);
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        Set<String> missing = new LinkedHashSet<>();
        Set<String> present = new LinkedHashSet<>();
        for (Proc p : facts.procs()) {
            ProcessSpec spec = p.active;
            if (spec == null) {
                continue;
            }
            present.add(p.id);
            ObservedInstance rec = p.observed(spec.version());
            InstanceState state = p.held ? InstanceState.HELD : rec == null ? null : rec.state();
            boolean inWindow = Windows.containing(spec, config.zone(), at).isPresent();
            nodes.add(new Node(p.id, spec.version(), spec.type(), Windows.describe(spec.schedule()), inWindow, state));
            for (String dep : new LinkedHashSet<>(spec.dependsOn())) {
                edges.add(new Edge(p.id, dep));
                missing.add(dep);
            }
        }
        missing.removeAll(present);
        for (String id : missing) {
            nodes.add(new Node(id, null, null, null, false, null));
        }
        return new ActiveGraph(at, nodes, edges);
    }
}
