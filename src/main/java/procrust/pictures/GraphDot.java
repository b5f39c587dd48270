package procrust.pictures;

import java.io.StringWriter;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.dot.DOTExporter;
import procrust.plan.ActiveGraph;
import procrust.plan.Times;

/**
 * The dependency graph in Graphviz DOT, written by JGraphT's {@link DOTExporter} (it quotes and
 * escapes attribute values). Same shape as the Mermaid view: arrows from a dependency to its
 * dependents, rounded boxes, filled by state, dashed for an id with no active version.
 */
public final class GraphDot {

    private GraphDot() {
    }

    public static String render(ActiveGraph graph, ZoneId zone) {
        Graph<ActiveGraph.Node, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
        Map<String, ActiveGraph.Node> byId = new LinkedHashMap<>();
        for (ActiveGraph.Node n : graph.nodes()) {
            g.addVertex(n);
            byId.put(n.id(), n);
        }
        for (ActiveGraph.Edge e : graph.edges()) {
            ActiveGraph.Node from = byId.get(e.dependsOn());
            ActiveGraph.Node to = byId.get(e.id());
            if (from != to) {
                g.addEdge(from, to);
            }
        }
        Map<String, String> names = GraphViews.names(graph.nodes());
        DOTExporter<ActiveGraph.Node, DefaultEdge> exporter = new DOTExporter<>(n -> names.get(n.id()));
        exporter.setGraphIdProvider(() -> "procrust");
        exporter.setGraphAttributeProvider(() -> {
            Map<String, Attribute> a = new LinkedHashMap<>();
            a.put("rankdir", DefaultAttribute.createAttribute("LR"));
            // the exporter writes graph attributes as they are (unlike vertex attributes): quote the label
            // here; an ISO date-time holds no quote to escape
            a.put("label", DefaultAttribute.createAttribute("\"procrust graph at " + Times.format(graph.at(), zone)
                    + "\""));
            a.put("fontname", DefaultAttribute.createAttribute("Helvetica"));
            return a;
        });
        exporter.setVertexAttributeProvider(n -> {
            Map<String, Attribute> a = new LinkedHashMap<>();
            a.put("label", DefaultAttribute.createAttribute(String.join("\\n", GraphViews.lines(n))));
            a.put("shape", DefaultAttribute.createAttribute("box"));
            a.put("style", DefaultAttribute.createAttribute(n.version() == null ? "rounded,dashed" : "rounded,filled"));
            a.put("fillcolor", DefaultAttribute.createAttribute(GraphViews.fill(n)));
            a.put("fontname", DefaultAttribute.createAttribute("Helvetica"));
            return a;
        });
        StringWriter sw = new StringWriter();
        exporter.exportGraph(g, sw);
        return sw.toString();
    }
}
