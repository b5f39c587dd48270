package procrust.pictures;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import procrust.plan.ActiveGraph;
import procrust.plan.InstanceState;
import procrust.plan.Times;

/**
 * The dependency graph as a Mermaid {@code flowchart} and as JSON. Arrows go from a dependency to
 * what depends on it (the order in which they start). Node names are {@code n0, n1...}; ids appear
 * only in labels, so any valid id is safe in the text.
 */
public final class GraphViews {

    private GraphViews() {
    }

    /** Mermaid flowchart, left to right; one class per kind of state for colours. */
    public static String mermaid(ActiveGraph graph, ZoneId zone) {
        StringBuilder sb = new StringBuilder();
        sb.append("flowchart LR\n");
        sb.append("    %% procrust graph at ").append(Times.format(graph.at(), zone)).append('\n');
        Map<String, String> names = names(graph.nodes());
        for (ActiveGraph.Node n : graph.nodes()) {
            sb.append("    ").append(names.get(n.id())).append("[\"").append(String.join("<br/>", lines(n)))
                    .append("\"]\n");
        }
        for (ActiveGraph.Edge e : graph.edges()) {
            sb.append("    ").append(names.get(e.dependsOn())).append(" --> ").append(names.get(e.id())).append('\n');
        }
        sb.append("    classDef up fill:#d4edda,stroke:#2e7d32\n");
        sb.append("    classDef down fill:#f8d7da,stroke:#c62828\n");
        sb.append("    classDef idle fill:#eeeeee,stroke:#757575\n");
        sb.append("    classDef inactive fill:#ffffff,stroke:#9e9e9e,stroke-dasharray:4 3\n");
        for (ActiveGraph.Node n : graph.nodes()) {
            sb.append("    class ").append(names.get(n.id())).append(' ').append(tone(n)).append('\n');
        }
        return sb.toString();
    }

    /**
     * {@code {"at", "zone", "nodes": [{"id", "version", "type", "schedule", "in_window", "state"}],
     * "edges": [{"id", "depends_on"}]}}; version, type, schedule and state are null when unknown.
     */
    public static String json(ActiveGraph graph, ZoneId zone) {
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(sw)) {
            g.writeStartObject();
            g.writeStringField("at", Times.format(graph.at(), zone));
            g.writeStringField("zone", zone.getId());
            g.writeArrayFieldStart("nodes");
            for (ActiveGraph.Node n : graph.nodes()) {
                g.writeStartObject();
                g.writeStringField("id", n.id());
                g.writeStringField("version", n.version());
                g.writeStringField("type", n.type() == null ? null : n.type().wire());
                g.writeStringField("schedule", n.schedule());
                g.writeBooleanField("in_window", n.inWindow());
                g.writeStringField("state", n.state() == null ? null : n.state().name());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("edges");
            for (ActiveGraph.Edge e : graph.edges()) {
                g.writeStartObject();
                g.writeStringField("id", e.id());
                g.writeStringField("depends_on", e.dependsOn());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.append('\n').toString();
    }

    /** {@code n0, n1...} by id, in node order. */
    static Map<String, String> names(List<ActiveGraph.Node> nodes) {
        Map<String, String> names = new HashMap<>();
        for (ActiveGraph.Node n : nodes) {
            names.put(n.id(), "n" + names.size());
        }
        return names;
    }

    /** The label's lines: id, version (or why there is none), schedule, state. */
    static List<String> lines(ActiveGraph.Node n) {
        if (n.version() == null) {
            return List.of(n.id(), "no active version");
        }
        String where = n.schedule().equals("always") ? "always" : n.schedule() + (n.inWindow() ? "" : " (outside)");
        String type = n.type().wire().equals("normal") ? "" : n.type().wire() + ", ";
        String state = n.state() == null ? "no state" : n.state().name();
        return List.of(n.id(), n.version(), type + where, state);
    }

    /** up (running, completed), down (failed, backoff), inactive (no version), idle (the rest). */
    static String tone(ActiveGraph.Node n) {
        if (n.version() == null) {
            return "inactive";
        }
        InstanceState s = n.state();
        if (s == InstanceState.RUNNING || s == InstanceState.COMPLETED) {
            return "up";
        }
        if (s == InstanceState.FAILED || s == InstanceState.BACKOFF) {
            return "down";
        }
        return "idle";
    }

    /** The tone's fill colour for DOT, matching the Mermaid classes. */
    static String fill(ActiveGraph.Node n) {
        switch (tone(n)) {
            case "up":
                return "#d4edda";
            case "down":
                return "#f8d7da";
            case "idle":
                return "#eeeeee";
            default:
                return "#ffffff";
        }
    }
}
