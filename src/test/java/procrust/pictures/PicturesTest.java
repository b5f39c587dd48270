package procrust.pictures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import procrust.config.Config;
import procrust.plan.ActiveGraph;
import procrust.plan.InstanceState;
import procrust.plan.Observed;
import procrust.plan.ObservedInstance;
import procrust.plan.Timeline;
import procrust.config.CheckResult;
import procrust.validate.ConfigChecker;

/** The views of the graph and the timeline, checked structurally (Mermaid) and by value (JSON, text). */
class PicturesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILE = """
            uid = "550e8400-e29b-41d4-a716-446655440000"
            file_format = "0"
            timezone = "Europe/Madrid"

            [[process]]
            id = "db"
            command = "sleep 1000"
            apply_on = "2024-10-01T12:00:00"

            [[process]]
            id = "web server"
            command = "sleep 1000"
            apply_on = "2024-10-01T12:00:00"
            depends_on = ["db", "cache"]
            schedule = { start_time = "08:00", stop_time = "18:00", week_days = "mon-fri" }

            [[process]]
            id = "cache"
            command = "sleep 1000"
            apply_on = "2030-01-01T00:00:00"

            [[process]]
            id = "report"
            type = "oneshot"
            command = "true"
            apply_on = "2024-10-01T12:00:00"
            depends_on = ["db"]
            schedule = { start_time = "22:00", stop_time = "02:00" }
            """;

    @TempDir
    Path dir;

    Config config() throws Exception {
        Path f = dir.resolve("procrust.toml");
        Files.writeString(f, FILE);
        CheckResult r = ConfigChecker.check(f);
        assertTrue(r.valid(), r.diagnostics()::toString);
        return r.config();
    }

    ActiveGraph graph(Config c) {
        Instant at = LocalDateTime.parse("2025-01-06T09:00:00").atZone(c.zone()).toInstant();
        ObservedInstance db = new ObservedInstance("db", "2024-10-01T12:00:00", InstanceState.RUNNING, 42L, at, 0, 0,
                null, null, procrust.config.Fingerprint.NONE, false, null);
        return ActiveGraph.of(c, new Observed(List.of(db), Set.of("report")), at);
    }

    @Test
    void mermaidFlowchartDeclaresEachNodeOnceAndEveryEdgeBetweenThem() throws Exception {
        String m = GraphViews.mermaid(graph(config()), ZoneId.of("Europe/Madrid"));
        List<String> lines = m.lines().toList();
        assertEquals("flowchart LR", lines.get(0));
        Map<String, String> labels = new HashMap<>();
        Set<String> edges = new HashSet<>();
        Map<String, String> classes = new HashMap<>();
        Pattern node = Pattern.compile("^    (n\\d+)\\[\"([^\"]*)\"\\]$");
        Pattern edge = Pattern.compile("^    (n\\d+) --> (n\\d+)$");
        Pattern cls = Pattern.compile("^    class (n\\d+) (\\w+)$");
        for (String l : lines.subList(1, lines.size())) {
            Matcher n = node.matcher(l);
            Matcher e = edge.matcher(l);
            Matcher c = cls.matcher(l);
            if (n.matches()) {
                assertEquals(null, labels.put(n.group(1), n.group(2)), "declared once: " + l);
            } else if (e.matches()) {
                assertTrue(labels.containsKey(e.group(1)) && labels.containsKey(e.group(2)), "declared first: " + l);
                edges.add(labels.get(e.group(1)).split("<br/>")[0] + " -> " + labels.get(e.group(2)).split("<br/>")[0]);
            } else if (c.matches()) {
                classes.put(labels.get(c.group(1)).split("<br/>")[0], c.group(2));
            } else {
                assertTrue(l.startsWith("    %% ") || l.startsWith("    classDef "), "unexpected line: " + l);
            }
        }
        assertEquals(Set.of("db -> web server", "cache -> web server", "db -> report"), edges);
        assertEquals("db<br/>2024-10-01T12:00:00<br/>always<br/>RUNNING", labels.get("n0"));
        assertEquals(Map.of("db", "up", "web server", "idle", "report", "idle", "cache", "inactive"), classes);
        assertTrue(labels.containsValue("cache<br/>no active version"), labels::toString);
        assertTrue(labels.containsValue("report<br/>2024-10-01T12:00:00<br/>oneshot, every day 22:00-02:00 (outside)"
                + "<br/>HELD"), labels::toString);
    }

    @Test
    void graphJsonNamesNodesAndEdges() throws Exception {
        JsonNode j = JSON.readTree(GraphViews.json(graph(config()), ZoneId.of("Europe/Madrid")));
        assertEquals("2025-01-06T09:00:00+01:00", j.get("at").asText());
        assertEquals(4, j.get("nodes").size());
        JsonNode web = j.get("nodes").get(1);
        assertEquals("web server", web.get("id").asText());
        assertTrue(web.get("in_window").asBoolean());
        assertTrue(web.get("state").isNull());
        assertTrue(j.get("nodes").get(3).get("version").isNull());
        assertEquals("cache", j.get("edges").get(1).get("depends_on").asText());
        assertEquals("web server", j.get("edges").get(1).get("id").asText());
    }

    @Test
    void timelineJsonIsTheContractShape() throws Exception {
        Config c = config();
        Instant from = LocalDateTime.parse("2025-01-03T00:00:00").atZone(c.zone()).toInstant();
        Instant to = LocalDateTime.parse("2025-01-04T00:00:00").atZone(c.zone()).toInstant();
        String s = TimelineJson.render(Timeline.of(c, from, to));
        assertEquals("{\"from\":\"2025-01-03T00:00:00+01:00\",\"to\":\"2025-01-04T00:00:00+01:00\","
                + "\"zone\":\"Europe/Madrid\",\"processes\":["
                + "{\"id\":\"db\",\"intervals\":[{\"start\":\"2025-01-03T00:00:00+01:00\","
                + "\"end\":\"2025-01-04T00:00:00+01:00\",\"version\":\"2024-10-01T12:00:00\"}]},"
                + "{\"id\":\"web server\",\"intervals\":[{\"start\":\"2025-01-03T08:00:00+01:00\","
                + "\"end\":\"2025-01-03T18:00:00+01:00\",\"version\":\"2024-10-01T12:00:00\"}]},"
                + "{\"id\":\"cache\",\"intervals\":[]},"
                + "{\"id\":\"report\",\"intervals\":[{\"start\":\"2025-01-03T00:00:00+01:00\","
                + "\"end\":\"2025-01-03T02:00:00+01:00\",\"version\":\"2024-10-01T12:00:00\"},"
                + "{\"start\":\"2025-01-03T22:00:00+01:00\",\"end\":\"2025-01-04T00:00:00+01:00\","
                + "\"version\":\"2024-10-01T12:00:00\"}]}]}\n", s);
    }

    @Test
    void timelineTextFitsInAHundredColumnsForAnyNumberOfDays() throws Exception {
        Config c = config();
        Instant from = LocalDateTime.parse("2025-01-06T00:00:00").atZone(c.zone()).toInstant();
        for (int days : new int[] {1, 7, 30, 120, 366}) {
            Instant to = from.atZone(c.zone()).plusDays(days).toInstant();
            String text = TimelineText.render(Timeline.of(c, from, to));
            for (String l : text.lines().toList()) {
                assertTrue(l.codePointCount(0, l.length()) <= TimelineText.WIDTH, days + " days: " + l);
            }
        }
        String week = TimelineText.render(Timeline.of(c, from, from.atZone(c.zone()).plusDays(7).toInstant()));
        // a week: 3 h cells; web is wanted 08:00-18:00 on week days: 09-18 whole, 06-09 in part
        assertTrue(week.contains("\nweb server ··▒███·· ··▒███·· ··▒███·· ··▒███·· ··▒███·· ········ ········\n"), week);
        assertTrue(week.contains("\nreport     ▒······▒ ▒······▒"), week);
        assertTrue(week.contains("\ncache      ········"), week);
        assertTrue(week.contains("           Mon 06   Tue 07"), week);
    }

    @Test
    void ganttHasOneSectionPerIdAndOneTaskPerInterval() throws Exception {
        Config c = config();
        Instant from = LocalDateTime.parse("2025-01-06T00:00:00").atZone(c.zone()).toInstant();
        Timeline.Result t = Timeline.of(c, from, from.atZone(c.zone()).plusDays(7).toInstant());
        List<String> lines = TimelineGantt.render(t).lines().toList();
        assertEquals("gantt", lines.get(0));
        assertTrue(lines.contains("    dateFormat YYYY-MM-DD HH:mm:ss"), lines::toString);
        Pattern task = Pattern.compile("^    ([^:#;]+) :(t\\d+), (\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d), "
                + "(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d)$");
        Map<String, Integer> tasks = new HashMap<>();
        Set<String> taskIds = new HashSet<>();
        String section = null;
        for (String l : lines.subList(1, lines.size())) {
            if (l.startsWith("    section ")) {
                section = l.substring(12);
                tasks.put(section, 0);
                continue;
            }
            Matcher m = task.matcher(l);
            if (m.matches()) {
                assertTrue(section != null, "a task inside a section");
                assertTrue(taskIds.add(m.group(2)), "task ids are unique");
                assertTrue(m.group(3).compareTo(m.group(4)) < 0, l);
                tasks.merge(section, 1, Integer::sum);
            } else {
                assertTrue(l.startsWith("    title ") || l.startsWith("    dateFormat ") || l.startsWith("    axisFormat "), l);
            }
        }
        Map<String, Integer> expected = new HashMap<>();
        for (Timeline.Row r : t.rows()) {
            expected.put(r.id(), r.intervals().size());
        }
        assertEquals(expected, tasks);
        assertEquals(Map.of("db", 1, "web server", 5, "cache", 0, "report", 8), tasks);
    }
}
