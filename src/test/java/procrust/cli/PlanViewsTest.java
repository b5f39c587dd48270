package procrust.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import procrust.plan.Action;
import procrust.plan.ActionKind;
import procrust.plan.Plan;

class PlanViewsTest {

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final Instant AT = Instant.parse("2024-10-07T07:00:00Z");

    private static Plan plan() {
        return new Plan(AT, List.of(
                new Action(ActionKind.STOP, "old", "2020-01-01T00:00:00", null, "no longer in the file", null, null),
                new Action(ActionKind.REPLACE, "SERVICE_A", "2025-04-01T08:00:00", "2023-10-01T08:00:00", "new version", null, null),
                new Action(ActionKind.START, "web", "2024-10-01T12:00:00", null, "not running", null, null),
                new Action(ActionKind.KEEP, "db", "2024-10-01T12:00:00", null, "running", null, List.of("command")),
                new Action(ActionKind.WAIT, "TEST_A", null, null, "not active until 2029",
                        Instant.parse("2029-11-01T11:20:00Z"), null)),
                Instant.parse("2029-11-01T11:20:00Z"));
    }

    @Test
    void textReadsLikeAChangePreview() {
        String text = PlanText.render(plan(), "procrust.toml", MADRID, false);
        assertEquals(String.join("\n",
                "Plan for procrust.toml at 2024-10-07T09:00:00+02:00 (Europe/Madrid)",
                "",
                "Changes, in the order apply performs them (one at a time):",
                "  - stop    old        2020-01-01T00:00:00                         no longer in the file",
                "-/+ replace SERVICE_A  2023-10-01T08:00:00 -> 2025-04-01T08:00:00  new version",
                "  + start   web        2024-10-01T12:00:00                         not running",
                "",
                "Left alone:",
                "  = keep    db         2024-10-01T12:00:00                         running",
                "  . wait    TEST_A     -                                           not active until 2029",
                "",
                "1 to start, 1 to stop, 1 to replace, 2 unchanged.",
                "Next change without any edit: 2029-11-01T12:20:00+01:00.",
                ""), text);
        assertFalse(text.contains("\u001b"));
        assertTrue(PlanText.render(plan(), "f", MADRID, true).contains("\u001b[32m  + start"));
    }

    @Test
    void textWithoutChangesSaysSo() {
        Plan none = new Plan(AT, List.of(new Action(ActionKind.KEEP, "db", "v", null, "running", null, null)), null);
        String text = PlanText.render(none, "f.toml", MADRID, false);
        assertTrue(text.contains("No changes: the host already matches the file."), text);
        assertTrue(text.contains("0 to start, 0 to stop, 0 to replace, 1 unchanged."), text);
    }

    @Test
    void jsonHasTheSpecKeysAndStableExtras() throws Exception {
        JsonNode root = new ObjectMapper().readTree(PlanJson.render(plan(), MADRID));
        assertEquals("2024-10-07T09:00:00+02:00", root.get("at").asText());
        assertEquals(5, root.get("actions").size());
        JsonNode replace = root.get("actions").get(1);
        assertEquals("replace", replace.get("action").asText());
        assertEquals("SERVICE_A", replace.get("id").asText());
        assertEquals("2025-04-01T08:00:00", replace.get("version").asText());
        assertEquals("2023-10-01T08:00:00", replace.get("old_version").asText());
        assertEquals("new version", replace.get("reason").asText());
        JsonNode wait = root.get("actions").get(4);
        assertTrue(wait.get("version").isNull());
        assertEquals("2029-11-01T12:20:00+01:00", wait.get("until").asText());
        assertEquals("command", root.get("actions").get(3).get("changed_fields").get(0).asText());
        assertTrue(root.get("actions").get(0).get("changed_fields").isArray());
        assertEquals(1, root.get("summary").get("replace").asInt());
        assertEquals(2, root.get("summary").get("unchanged").asInt());
        assertTrue(root.get("changes").asBoolean());
        assertEquals("2029-11-01T12:20:00+01:00", root.get("next_change").asText());
    }

    @Test
    void atAcceptsOffsetLocalAndDateForms() {
        assertEquals(Instant.parse("2024-10-07T06:00:00Z"), DateTimeArg.parse("2024-10-07T08:00:00+02:00").toInstant(MADRID));
        assertEquals(Instant.parse("2024-10-07T08:00:00Z"), DateTimeArg.parse("2024-10-07T08:00:00Z").toInstant(MADRID));
        assertEquals(Instant.parse("2024-10-07T06:00:00Z"), DateTimeArg.parse("2024-10-07T08:00").toInstant(MADRID));
        assertEquals(Instant.parse("2024-10-06T22:00:00Z"), DateTimeArg.parse("2024-10-07").toInstant(MADRID));
        // a local time in the spring-forward gap moves later by the gap (java.time's rule)
        assertEquals(Instant.parse("2024-03-31T01:30:00Z"), DateTimeArg.parse("2024-03-31T02:30:00").toInstant(MADRID));
        assertThrows(CommandLine.TypeConversionException.class, () -> DateTimeArg.parse("next monday"));
        assertThrows(CommandLine.TypeConversionException.class, () -> DateTimeArg.parse("2024-13-01T00:00:00"));
    }
}
