package procrust.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code procrust graph} and {@code procrust timeline} as a user runs them: the DOT output rendered by
 * Graphviz, states from a real apply, and the timeline's every edge checked against {@code plan --at}
 * across a DST change in two zones.
 */
class PicturesIT {

    @TempDir
    Path dir;

    @Test
    void graphShowsRecordedStatesAndGraphvizRendersTheDot() throws Exception {
        try (Host h = new Host()) {
            h.write("""
                    [[process]]
                    id = "db main"
                    command = "exec sleep 300"
                    apply_on = "2024-10-01T12:00:00"

                    [[process]]
                    id = "migrate"
                    type = "oneshot"
                    command = "true"
                    apply_on = "2024-10-01T12:00:00"
                    depends_on = ["db main"]

                    [[process]]
                    id = "web"
                    command = "exec sleep 300"
                    apply_on = "2024-10-01T12:00:00"
                    depends_on = ["db main", "migrate", "cache"]
                    schedule = { start_time = "00:00", stop_time = "00:01", week_days = "sat" }

                    [[process]]
                    id = "cache"
                    command = "exec sleep 300"
                    apply_on = "2099-01-01T00:00:00"
                    """);
            Procrust.Result once = h.run("apply", "--once");
            assertEquals(0, once.exit(), once::toString);

            Procrust.Result json = h.run("graph", "--output", "json");
            assertEquals(0, json.exit(), json::toString);
            JsonNode g = Host.JSON.readTree(json.out());
            assertEquals("RUNNING", node(g, "db main").get("state").asText(), json.out());
            assertEquals("COMPLETED", node(g, "migrate").get("state").asText(), json.out());
            assertTrue(node(g, "cache").get("version").isNull(), json.out());
            assertEquals(4, g.get("edges").size(), json.out());

            Procrust.Result dot = h.run("graph", "--format", "dot");
            assertEquals(0, dot.exit(), dot::toString);
            String svg = graphviz(dot.out());
            assertTrue(svg.contains("<svg"), svg);
            assertTrue(svg.contains(">db main</text>") && svg.contains(">RUNNING</text>"), svg);
            assertTrue(svg.contains(">no active version</text>"), svg);

            Procrust.Result mermaid = h.run("graph");
            assertTrue(mermaid.out().startsWith("flowchart LR\n"), mermaid::toString);
            assertTrue(mermaid.out().contains("[\"migrate<br/>2024-10-01T12:00:00<br/>oneshot, always<br/>COMPLETED\"]"),
                    mermaid::toString);
        }
    }

    /** Runs Graphviz's {@code dot -Tsvg} on the text; fails on any complaint of it. */
    private String graphviz(String dotText) throws Exception {
        Path in = dir.resolve("graph.dot");
        Path out = dir.resolve("graph.svg");
        Path err = dir.resolve("dot.err");
        Files.writeString(in, dotText, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("dot", "-Tsvg", "-o", out.toString(), in.toString())
                .redirectError(err.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "dot finished");
        String complaints = Files.readString(err);
        assertEquals(0, p.exitValue(), complaints + "\n" + dotText);
        assertEquals("", complaints, dotText);
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static JsonNode node(JsonNode graph, String id) {
        for (JsonNode n : graph.get("nodes")) {
            if (n.get("id").asText().equals(id)) {
                return n;
            }
        }
        throw new AssertionError("no node " + id + " in " + graph);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Europe/Madrid, 2026-10-24T12:00:00, 2026-10-25T03:00:00, 2026-10-25T04:00:00",
            "America/New_York, 2026-03-07T12:00:00, 2026-03-08T03:30:00, 2026-03-08T04:00:00"})
    void everyTimelineEdgeIsWhatPlanSaysThenAndOneSecondBefore(String zone, String from, String fake, String next)
            throws Exception {
        Files.writeString(dir.resolve("t.toml"), "uid = \"" + java.util.UUID.randomUUID() + "\"\n"
                + "file_format = \"0\"\ntimezone = \"" + zone + "\"\n" + """

                [[process]]
                id = "night"
                command = "sleep 100"
                apply_on = "2024-01-01T00:00:00"
                schedule = { start_time = "01:30", stop_time = "02:45" }

                [[process]]
                id = "rollout"
                command = "sleep 100"
                apply_on = "2024-01-01T00:00:00"
                schedule = { start_time = "20:00", stop_time = "06:00" }

                [[process]]
                id = "rollout"
                command = "sleep 100"
                apply_on = "FAKE"
                type = "fake"

                [[process]]
                id = "rollout"
                command = "sleep 100"
                apply_on = "NEXT"
                """.replace("FAKE", fake).replace("NEXT", next));
        Procrust.Result t = cli("timeline", "--from", from, "--days", "2", "--format", "json");
        assertEquals(0, t.exit(), t::toString);
        JsonNode j = Host.JSON.readTree(t.out());
        assertEquals(zone, j.get("zone").asText());
        OffsetDateTime start = OffsetDateTime.parse(j.get("from").asText());
        OffsetDateTime end = OffsetDateTime.parse(j.get("to").asText());
        TreeSet<OffsetDateTime> edges = new TreeSet<>();
        for (JsonNode p : j.get("processes")) {
            for (JsonNode i : p.get("intervals")) {
                for (String k : List.of("start", "end")) {
                    OffsetDateTime e = OffsetDateTime.parse(i.get(k).asText());
                    if (e.isAfter(start) && e.isBefore(end)) {
                        edges.add(e);
                    }
                }
            }
        }
        assertTrue(edges.size() >= 6, "edges: " + edges);
        for (OffsetDateTime e : edges) {
            for (OffsetDateTime at : List.of(e, e.minusSeconds(1))) {
                assertEquals(wantedInTimeline(j, at), startedByPlan(at), "at " + at + "\n" + t.out());
            }
        }
    }

    private TreeSet<String> startedByPlan(OffsetDateTime at) throws Exception {
        Procrust.Result r = cli("plan", "--at", at.toString(), "--output", "json");
        assertEquals(0, r.exit(), r::toString);
        TreeSet<String> out = new TreeSet<>();
        for (JsonNode a : Host.JSON.readTree(r.out()).get("actions")) {
            if (a.get("action").asText().equals("start")) {
                out.add(a.get("id").asText() + " " + a.get("version").asText());
            }
        }
        return out;
    }

    private static TreeSet<String> wantedInTimeline(JsonNode j, OffsetDateTime at) {
        TreeSet<String> out = new TreeSet<>();
        for (JsonNode p : j.get("processes")) {
            for (JsonNode i : p.get("intervals")) {
                if (!at.isBefore(OffsetDateTime.parse(i.get("start").asText()))
                        && at.isBefore(OffsetDateTime.parse(i.get("end").asText()))) {
                    out.add(p.get("id").asText() + " " + i.get("version").asText());
                }
            }
        }
        return out;
    }

    private Procrust.Result cli(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-c", "t.toml", "--state-dir", dir.resolve("state").toString()));
        return Procrust.run(dir, Map.of("NO_COLOR", "1"), Duration.ofSeconds(60), all.toArray(new String[0]));
    }
}
