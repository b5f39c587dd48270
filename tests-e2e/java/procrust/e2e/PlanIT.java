package procrust.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code procrust plan --at} on the seed's examples, as a user runs it: text, JSON, exit statuses. */
class PlanIT {

    private static final String SEED = String.join("\n",
            "uid = \"550e8400-e29b-41d4-a716-446655440000\"",
            "file_format = \"0\"",
            "timezone = \"Europe/Madrid\"",
            "",
            "# current version running",
            "[[process]]",
            "id = \"SERVICE_A\"",
            "command = \"echo $(date)  '  bb'\"",
            "apply_on = \"2023-10-01T08:00:00\"",
            "",
            "# next version to run",
            "[[process]]",
            "id = \"SERVICE_A\"",
            "command = \"echo $(date)  '  bb'; sleep 1; echo $(date)  '  bb'; sleep 1\"",
            "apply_on = \"2025-04-01T08:00:00\"",
            "",
            "[[process]]",
            "id = \"TEST_A\"",
            "command = \"while true; do echo $(date)  '  test a'; sleep 1; done\"",
            "apply_on = \"2029-11-01T12:20:00\"",
            "",
            "[[process]]",
            "id = \"DEPENDS_ON_A\"",
            "command = \"while true; do echo $(date)  '  depends on a'; sleep 1; done\"",
            "apply_on = \"2024-10-01T12:20:00\"",
            "depends_on = [\"TEST_A\"]",
            "",
            "[[process]]",
            "id = \"example_process 2\"",
            "command = \"echo 'Starting process...'\"",
            "apply_on = \"2024-10-01T12:00:00\"",
            "start_health_check = { command = \"curl -I http://localhost:8080\", timeout = { secs = 30, nanos = 0 } }",
            "schedule = { start_time = \"08:00:00\", stop_time = \"18:00:00\", week_days = [",
            "    \"mon\",",
            "    \"tue\",",
            "    \"wed\",",
            "    \"thu\",",
            "    \"fri\",",
            "] }",
            "type = \"normal\"",
            "");

    @TempDir
    Path dir;

    private Procrust.Result plan(String file, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("plan", "-c", file, "--state-dir", dir.resolve("state").toString()));
        all.addAll(List.of(args));
        return Procrust.run(dir, Map.of("NO_COLOR", "1"), Duration.ofSeconds(60), all.toArray(new String[0]));
    }

    @Test
    void textPreviewOfTheSeedOnAMondayMorning() throws Exception {
        Files.writeString(dir.resolve("seed.toml"), SEED);
        Procrust.Result r = plan("seed.toml", "--at", "2025-01-06T09:00:00");
        assertEquals(0, r.exit(), r::toString);
        String out = r.out();
        assertTrue(out.startsWith("Plan for seed.toml at 2025-01-06T09:00:00+01:00 (Europe/Madrid)\n"), out);
        int a = out.indexOf("+ start   SERVICE_A          2023-10-01T08:00:00  not running");
        int b = out.indexOf("+ start   example_process 2  2024-10-01T12:00:00  not running; window mon-fri 08:00-18:00");
        int c = out.indexOf(". wait    TEST_A             -                    not active until 2029-11-01T12:20:00+01:00");
        int d = out.indexOf(". wait    DEPENDS_ON_A       2024-10-01T12:20:00  waiting for TEST_A");
        assertTrue(a > 0 && b > a && c > b && d > c, out);
        assertTrue(out.contains("\n2 to start, 0 to stop, 0 to replace, 2 unchanged.\n"), out);
        assertTrue(out.contains("Next change without any edit: 2025-01-06T18:00:00+01:00."), out);
        assertFalse(out.contains("\u001b"), "no colour under NO_COLOR or without a terminal");
        assertFalse(Files.exists(dir.resolve("state")), "plan never writes state");
    }

    @Test
    void jsonAndDetailedExitcodeAcrossTheSeedsVersionSwitch() throws Exception {
        Files.writeString(dir.resolve("seed.toml"), SEED);
        ObjectMapper json = new ObjectMapper();

        // Saturday evening before the switch: the office-hours process is outside its window
        Procrust.Result before = plan("seed.toml", "--at", "2025-03-29T20:00:00+01:00", "--output", "json",
                "--detailed-exitcode");
        assertEquals(2, before.exit(), before::toString);
        JsonNode b = json.readTree(before.out());
        assertEquals("2025-03-29T20:00:00+01:00", b.get("at").asText());
        assertEquals("start", b.get("actions").get(0).get("action").asText());
        assertEquals("SERVICE_A", b.get("actions").get(0).get("id").asText());
        assertEquals("2023-10-01T08:00:00", b.get("actions").get(0).get("version").asText());
        JsonNode office = find(b, "example_process 2");
        assertEquals("wait", office.get("action").asText());
        assertEquals("2025-03-31T08:00:00+02:00", office.get("until").asText(), "opens Monday, after the DST change");

        // the morning of the switch: version 2 is the one to start
        Procrust.Result after = plan("seed.toml", "--at", "2025-04-01T08:00:00", "--output", "json");
        assertEquals(0, after.exit(), after::toString);
        JsonNode s = find(json.readTree(after.out()), "SERVICE_A");
        assertEquals("2025-04-01T08:00:00", s.get("version").asText());
        for (String key : List.of("action", "id", "version", "reason")) {
            assertTrue(s.has(key), key);
        }
    }

    @Test
    void seedRollbackWithFakeKeepsTheOldVersion() throws Exception {
        Files.writeString(dir.resolve("rollback.toml"), SEED.replace(
                "# next version to run\n[[process]]\n", "# next version to run\n[[process]]\ntype = \"fake\"\n"));
        Procrust.Result r = plan("rollback.toml", "--at", "2025-04-02T10:00:00", "--output", "json");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("2023-10-01T08:00:00", find(new ObjectMapper().readTree(r.out()), "SERVICE_A").get("version").asText());
    }

    @Test
    void invalidFileShowsTheCheckDiagnosticsAndExits1() throws Exception {
        Files.writeString(dir.resolve("bad.toml"), SEED.replace("depends_on = [\"TEST_A\"]", "depends_on = [\"TEST_B\"]"));
        Procrust.Result r = plan("bad.toml", "--at", "2025-01-06T09:00:00", "--detailed-exitcode");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().contains("bad.toml:26:") && r.err().contains("error[missing-dependency]"), r::toString);
        assertFalse(r.err().contains("Exception"), r::toString);
        assertEquals("", r.out());
    }

    @Test
    void badAtIsAUsageError() throws Exception {
        Files.writeString(dir.resolve("seed.toml"), SEED);
        Procrust.Result r = plan("seed.toml", "--at", "next monday");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("'next monday' is not an ISO-8601 date-time"), r::toString);
        assertFalse(r.err().contains("Exception"), r::toString);
    }

    private static JsonNode find(JsonNode plan, String id) {
        for (JsonNode a : plan.get("actions")) {
            if (a.get("id").asText().equals(id)) {
                return a;
            }
        }
        throw new AssertionError(id + " not in " + plan);
    }
}
