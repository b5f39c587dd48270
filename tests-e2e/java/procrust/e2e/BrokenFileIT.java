package procrust.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static procrust.e2e.Host.await;
import static procrust.e2e.Host.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SPEC §6: a broken edit while apply runs must not blind the operator. status (text and JSON) still
 * lists every pid and exits 1 with the file's diagnostics; logs, stop and start still work through the
 * running apply; the apply log gives one diagnostic per line, as check prints them.
 */
class BrokenFileIT {

    static final String FILE = """
            [[process]]
            id = "a"
            command = "echo hello-from-a; exec sleep 300"
            apply_on = "2024-10-01T12:00:00"

            [[process]]
            id = "b"
            command = "sleep 300 & sleep 301"
            apply_on = "2024-10-01T12:00:00"

            [[process]]
            id = "c"
            command = "exec sleep 300"
            apply_on = "2024-10-01T12:00:00"
            """;

    /** Two errors: an unknown key and an invalid id. */
    static final String BROKEN = FILE.replace("command = \"exec sleep 300\"", "comand = \"exec sleep 300\"")
            .replace("id = \"b\"", "id = \"../b\"");

    private static Map<String, Long> pids(Host h) throws Exception {
        return Map.of("a", h.pidOf("a"), "b", h.pidOf("b"), "c", h.pidOf("c"));
    }

    @Test
    void aBrokenEditLeavesStatusLogsStopAndStartWorking() throws Exception {
        try (Host h = new Host()) {
            h.write(FILE);
            Host.Apply ap = h.apply();
            await(Duration.ofSeconds(60), "all running", io(() -> "RUNNING".equals(h.stateOf("a"))
                    && "RUNNING".equals(h.stateOf("b")) && "RUNNING".equals(h.stateOf("c"))));
            Map<String, Long> pids = pids(h);
            h.write(BROKEN);
            await(Duration.ofSeconds(30), "the rejection", () -> ap.log().contains("file-rejected"));

            // the apply log: one line per diagnostic, each as check prints it
            Procrust.Result check = h.run("check");
            assertEquals(1, check.exit(), check::toString);
            List<String> diagnostics = check.out().lines()
                    .filter(l -> l.contains(": error[") || l.contains(": warning[")).toList();
            assertTrue(diagnostics.size() >= 2, check::toString);
            await(Duration.ofSeconds(10), "both diagnostics logged", () -> diagnostics.stream()
                    .allMatch(d -> ap.log().lines().anyMatch(l -> l.endsWith("file-rejected: " + d))));

            Procrust.Result text = h.run("status");
            assertEquals(1, text.exit(), text::toString);
            for (Map.Entry<String, Long> e : pids.entrySet()) {
                assertTrue(text.out().lines().anyMatch(l -> l.startsWith(e.getKey() + " ") && l.contains(" RUNNING ")
                        && l.contains(" " + e.getValue() + " ")), () -> e + "\n" + text);
            }
            assertTrue(diagnostics.stream().allMatch(d -> text.out().contains(d)), text::toString);
            assertTrue(text.out().indexOf(" RUNNING ") < text.out().indexOf(diagnostics.get(0)),
                    "the processes, then the diagnostics: " + text);

            Procrust.Result json = h.run("status", "--output", "json");
            assertEquals(1, json.exit(), json::toString);
            JsonNode doc = Host.JSON.readTree(json.out());
            assertFalse(doc.path("file_valid").asBoolean(true), json::toString);
            assertEquals(diagnostics.size(), doc.path("diagnostics").size(), json::toString);
            assertEquals(ap.pid(), doc.path("apply_pid").asLong(), json::toString);
            for (JsonNode p : doc.path("processes")) {
                assertEquals((long) pids.get(p.path("id").asText()), p.path("pid").asLong(), json::toString);
            }
            assertEquals(3, doc.path("processes").size(), json::toString);

            Procrust.Result logs = h.run("logs", "a");
            assertEquals(0, logs.exit(), logs::toString);
            assertTrue(logs.out().contains("hello-from-a"), logs::toString);

            Procrust.Result notHeld = h.run("start", "a");
            assertEquals(0, notHeld.exit(), notHeld::toString);
            assertTrue(notHeld.out().contains("a: not held"), notHeld::toString);

            Procrust.Result stop = h.run("stop", "b");
            assertEquals(0, stop.exit(), stop::toString);
            assertTrue(stop.out().contains("b: stopped and held"), stop::toString);
            assertEquals(List.of(), h.processesOf("b"));
            assertEquals(pids.get("a"), h.pidOf("a"), "only what was asked is touched");

            Procrust.Result start = h.run("start", "b");
            assertEquals(0, start.exit(), start::toString);
            await(Duration.ofSeconds(30), "b started again by apply's last valid file",
                    io(() -> "RUNNING".equals(h.stateOf("b"))));
            assertTrue(ap.process().isAlive());
        }
    }

    @Test
    void logsFindsTheLogFolderApplyUsedAndStatusTheServicesAnotherStateDirKnows() throws Exception {
        try (Host h = new Host()) {
            h.write(FILE);
            Path logs = h.dir.resolve("elsewhere-logs");
            Host.Apply ap = h.apply("--log-dir", logs.toString());
            await(Duration.ofSeconds(60), "all running", io(() -> "RUNNING".equals(h.stateOf("a"))
                    && "RUNNING".equals(h.stateOf("c"))));
            await(Duration.ofSeconds(10), "a's line", () -> h.run0("logs", "a").out().contains("hello-from-a"));

            Path other = h.dir.resolve("other-state");
            Procrust.Result st = Procrust.run(h.dir, Map.of(), Duration.ofSeconds(60), "status", "-c", h.config.toString(),
                    "--state-dir", other.toString());
            assertTrue(st.out().contains("3 process groups carry this uid") && st.out().contains(h.stateDir.toString()),
                    st::toString);

            new ProcessBuilder("kill", "-TERM", Long.toString(ap.pid())).start().waitFor();
            assertTrue(ap.process().waitFor(10, TimeUnit.SECONDS));
            Procrust.Result after = h.run("logs", "a");
            assertEquals(0, after.exit(), after::toString);
            assertTrue(after.out().contains("hello-from-a"), "from the log folder recorded in the state: " + after);
        }
    }
}
