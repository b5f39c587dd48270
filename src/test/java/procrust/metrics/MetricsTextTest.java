package procrust.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import procrust.plan.InstanceState;
import procrust.reconcile.Key;
import procrust.reconcile.StatusReport;

/** The exposition text: names and labels of SPEC §6, values read back, and promtool's approval. */
class MetricsTextTest {

    static final String UID = "550e8400-e29b-41d4-a716-446655440000";

    @TempDir
    Path dir;

    static StatusReport report() {
        Instant started = Instant.parse("2026-12-07T08:00:00.500Z");
        return new StatusReport(UID, 99L, List.of(
                new StatusReport.Row("web", "2024-10-01T12:00:00", "normal", InstanceState.RUNNING, 4242L, started, 3,
                        null),
                new StatusReport.Row("example \"2\"", "2024-10-01T12:00:00+02:00", "normal", InstanceState.BACKOFF,
                        null, null, 1, "exited with status 1"),
                new StatusReport.Row("gone", "-", "-", InstanceState.WAITING, null, null, 0, "every version is fake")),
                null, false, Instant.parse("2026-12-07T09:00:00Z"));
    }

    static String render() {
        return MetricsText.render(report(), Map.of(new Key("web", "2024-10-01T12:00:00"), 2L),
                Instant.parse("2026-12-07T09:00:01.250Z"));
    }

    /** "name{labels}" to value, every sample of the text. */
    static Map<String, Double> samples(String text) {
        Map<String, Double> out = new HashMap<>();
        for (String l : text.lines().toList()) {
            if (l.startsWith("#") || l.isBlank()) {
                continue;
            }
            int sp = l.lastIndexOf(' ');
            out.put(l.substring(0, sp), Double.parseDouble(l.substring(sp + 1)));
        }
        return out;
    }

    @Test
    void everySeriesOfTheContractWithItsValue() {
        Map<String, Double> s = samples(render());
        // the writer sorts the labels by name
        String web = "id=\"web\",uid=\"" + UID + "\",version=\"2024-10-01T12:00:00\"";
        String webIn = "id=\"web\",state=\"%s\",uid=\"" + UID + "\",version=\"2024-10-01T12:00:00\"";
        assertEquals(1.0, s.get("procrust_process_up{" + web + "}"));
        assertEquals(1.0, s.get("procrust_process_state{" + String.format(webIn, "RUNNING") + "}"));
        assertEquals(0.0, s.get("procrust_process_state{" + String.format(webIn, "BACKOFF") + "}"));
        assertEquals(3.0, s.get("procrust_process_restarts_total{" + web + "}"));
        assertEquals(1796630400.5, s.get("procrust_process_start_time_seconds{" + web + "}"));
        assertEquals(2.0, s.get("procrust_health_check_failures_total{" + web + "}"));
        assertEquals(1796634001.25, s.get("procrust_apply_last_reconcile_timestamp_seconds{uid=\"" + UID + "\"}"));
        // a label value with quotes is escaped by the writer
        String ex = "id=\"example \\\"2\\\"\",uid=\"" + UID + "\",version=\"2024-10-01T12:00:00+02:00\"";
        String exIn = "id=\"example \\\"2\\\"\",state=\"BACKOFF\",uid=\"" + UID + "\",version=\"2024-10-01T12:00:00+02:00\"";
        assertEquals(0.0, s.get("procrust_process_up{" + ex + "}"), s::toString);
        assertEquals(1.0, s.get("procrust_process_state{" + exIn + "}"));
        assertEquals(0.0, s.get("procrust_health_check_failures_total{" + ex + "}"));
        assertFalse(s.containsKey("procrust_process_start_time_seconds{" + ex + "}"), "no live process, no start time");
        assertFalse(s.keySet().stream().anyMatch(k -> k.contains("id=\"gone\"")), "no instance, no series");
        assertEquals(2 * (4 + InstanceState.values().length) - 1 + 1, s.size(), s::toString);
    }

    @Test
    void promtoolAcceptsTheFile() throws Exception {
        Path f = dir.resolve("procrust.prom");
        MetricsFile.write(f, render());
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertEquals(List.of("procrust.prom"), Files.list(dir).map(p -> p.getFileName().toString()).toList(),
                "no temporary file is left beside it");
        Process p = new ProcessBuilder("promtool", "check", "metrics").redirectInput(f.toFile())
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), said + "\n" + Files.readString(f));
        assertEquals("", said.trim(), "no lint complaint");
    }
}
