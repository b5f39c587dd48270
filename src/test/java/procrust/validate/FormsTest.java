package procrust.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static procrust.validate.Fixture.process;
import static procrust.validate.Fixture.valid;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import procrust.config.CheckResult;
import procrust.config.Config;
import procrust.config.LogPolicy;
import procrust.config.ProcessSpec;
import procrust.config.ProcessType;
import procrust.config.RestartPolicy;
import procrust.config.Schedule;
import procrust.config.SourcePos;

/** Every form SPEC §2 accepts, and the defaults the normaliser fills in. */
class FormsTest {

    private static ProcessSpec one(String... lines) {
        Config c = valid(process("p", lines));
        assertEquals(1, c.processes().size());
        return c.processes().get(0);
    }

    @Test
    void defaults() {
        Config c = valid(process("p"));
        ProcessSpec p = c.processes().get(0);
        assertEquals(ProcessType.NORMAL, p.type());
        assertEquals(Duration.ofSeconds(10), p.stopTimeout());
        assertEquals(Schedule.ALWAYS, p.schedule());
        assertNull(p.healthCheck());
        assertNull(p.workingDir());
        assertNull(p.group());
        assertEquals(RestartPolicy.defaultsFor(ProcessType.NORMAL), p.restart());
        assertEquals(LogPolicy.DEFAULT, p.logs());
        assertEquals(Map.of(), p.env());
        assertEquals(List.of(), p.dependsOn());
        assertEquals(ZoneId.systemDefault(), c.zone());
        assertFalse(c.zoneExplicit());
        assertEquals(new SourcePos(3, 1), p.pos());
        assertEquals(new SourcePos(5, 1), p.posOf("command"));
    }

    @Test
    void oneshotDefaultsToRestartOnFailure() {
        ProcessSpec p = one("type = \"oneshot\"");
        assertEquals(ProcessType.ONESHOT, p.type());
        assertEquals(RestartPolicy.Policy.ON_FAILURE, p.restart().policy());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"2024-10-01T12:00:00\"          | 2024-10-01T12:00:00       | 2024-10-01T12:00 |",
            "2024-10-01T12:00:00            | 2024-10-01T12:00:00       | 2024-10-01T12:00 |",
            "2024-10-01 12:00:00            | 2024-10-01T12:00:00       | 2024-10-01T12:00 |",
            "2024-10-01T12:00:00.5          | 2024-10-01T12:00:00.5     | 2024-10-01T12:00:00.5 |",
            "2024-10-01T12:00:00+02:00      | 2024-10-01T12:00:00+02:00 | 2024-10-01T12:00 | +02:00",
            "\"2024-10-01T12:00:00+02:00\"    | 2024-10-01T12:00:00+02:00 | 2024-10-01T12:00 | +02:00",
            "2024-10-01T10:00:00Z           | 2024-10-01T10:00:00Z      | 2024-10-01T10:00 | Z",
            "\"2024-10-01T12:00\"             | 2024-10-01T12:00          | 2024-10-01T12:00 |",
    })
    void applyOnKeepsItsTextAsWritten(String written, String text, String local, String offset) {
        Config c = valid("[[process]]\nid = \"p\"\ncommand = \"x\"\napply_on   =  " + written + "   # comment\n");
        ProcessSpec p = c.processes().get(0);
        assertEquals(text, p.version());
        assertEquals(LocalDateTime.parse(local), p.applyOn().local());
        assertEquals(offset == null ? null : ZoneOffset.of(offset), p.applyOn().offset());
    }

    @Test
    void applyOnInAnInlineProcessTable() {
        Config c = valid("process = [ { id = \"a\", command = \"x\", apply_on = 2024-10-01T12:00:00 },"
                + " { id = \"b\", command = \"x\", apply_on = 2025-01-02T03:04:05 } ]\n");
        assertEquals("2024-10-01T12:00:00", c.processes().get(0).version());
        assertEquals("2025-01-02T03:04:05", c.processes().get(1).version());
    }

    @Test
    void localApplyOnIsReadInTheFileTimezone() {
        Config c = valid("timezone = \"Europe/Madrid\"\n" + process("p"));
        assertEquals(ZoneId.of("Europe/Madrid"), c.zone());
        assertTrue(c.zoneExplicit());
        assertEquals(Instant.parse("2024-10-01T10:00:00Z"), c.processes().get(0).applyInstant(c.zone()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{ secs = 30, nanos = 0 }    | PT30S",
            "{ secs = 1, nanos = 500000000 } | PT1.5S",
            "{ secs = 7 }                | PT7S",
            "30                          | PT30S",
            "\"30s\"                     | PT30S",
            "\"1m30s\"                   | PT1M30S",
            "\"500ms\"                   | PT0.5S",
            "\"2h\"                      | PT2H",
            "\"1.5s\"                    | PT1.5S",
            "\"1d\"                      | PT24H",
            "\"250us\"                   | PT0.00025S",
    })
    void durationForms(String written, String expected) {
        ProcessSpec p = one("stop_timeout = " + written, "[process.start_health_check]", "command = \"true\"",
                "timeout = " + written, "interval = " + written);
        Duration d = Duration.parse(expected);
        assertEquals(d, p.stopTimeout());
        assertEquals(d, p.healthCheck().timeout());
        assertEquals(d, p.healthCheck().interval());
    }

    @Test
    void durationAsSubTable() {
        ProcessSpec p = one("[process.start_health_check]", "command = \"true\"",
                "[process.start_health_check.timeout]", "secs = 3", "nanos = 0");
        assertEquals(Duration.ofSeconds(3), p.healthCheck().timeout());
    }

    @Test
    void healthCheckDefaults() {
        ProcessSpec p = one("start_health_check = { command = \"true\" }");
        assertEquals(Duration.ofSeconds(30), p.healthCheck().timeout());
        assertEquals(Duration.ofSeconds(1), p.healthCheck().interval());
    }

    @Test
    void restartSettingsAndZeroDelay() {
        ProcessSpec p = one("[process.restart]", "policy = \"on-failure\"", "max_attempts = 3", "delay = 0",
                "max_delay = \"5m\"");
        assertEquals(new RestartPolicy(RestartPolicy.Policy.ON_FAILURE, 3, Duration.ZERO, Duration.ofMinutes(5)),
                p.restart());
        assertEquals(RestartPolicy.Policy.NEVER, one("restart = { policy = \"never\" }").restart().policy());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[\"mon\", \"tue\", \"wed\", \"thu\", \"fri\"] | MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY",
            "\"mon-fri\"                          | MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY",
            "\"fri-mon\"                          | FRIDAY,SATURDAY,SUNDAY,MONDAY",
            "\"all\"                              | MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY",
            "[\"mon-wed\", \"sat\"]               | MONDAY,TUESDAY,WEDNESDAY,SATURDAY",
            "[\"Sunday\", \"MON\"]                | SUNDAY,MONDAY",
            "\"sun\"                              | SUNDAY",
            "[\"all\"]                            | MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY",
    })
    void weekDayForms(String written, String expected) {
        ProcessSpec p = one("[process.schedule]", "week_days = " + written);
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String d : expected.split(",")) {
            days.add(DayOfWeek.valueOf(d));
        }
        assertEquals(days, p.schedule().days());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"08:00:00\" | \"18:00:00\" | 08:00 | 18:00",
            "\"8:00\"     | \"18:30\"    | 08:00 | 18:30",
            "08:00:00     | 18:00:00     | 08:00 | 18:00",
            "\"22:00\"    | \"06:00\"    | 22:00 | 06:00",
            "\"08:00\"    | \"24:00\"    | 08:00 | ",
    })
    void timeForms(String start, String stop, String startExpected, String stopExpected) {
        ProcessSpec p = one("schedule = { start_time = " + start + ", stop_time = " + stop + " }");
        assertEquals(LocalTime.parse(startExpected), p.schedule().start());
        assertEquals(stopExpected == null ? null : LocalTime.parse(stopExpected), p.schedule().stop());
    }

    @Test
    void overnightWindow() {
        Schedule s = one("[process.schedule]", "start_time = \"22:00\"", "stop_time = \"06:00\"").schedule();
        assertTrue(s.overnight());
        assertEquals(EnumSet.allOf(DayOfWeek.class), s.days());
    }

    @Test
    void onlyStopTimeOpensAtMidnight() {
        Schedule s = one("schedule.stop_time = \"12:00\"").schedule();
        assertEquals(LocalTime.MIDNIGHT, s.start());
        assertEquals(LocalTime.NOON, s.stop());
    }

    @Test
    void envWorkingDirGroupAndDependencies() {
        Config c = valid(process("db") + process("web", "depends_on = [\"db\", \"db\"]", "working_dir = \"srv/web\"",
                "group = \"front end\"", "env = { PORT = \"8080\", DEBUG = true, WORKERS = 4 }"));
        ProcessSpec web = c.processes().get(1);
        assertEquals(List.of("db"), web.dependsOn());
        assertEquals(Map.of("PORT", "8080", "DEBUG", "true", "WORKERS", "4"), web.env());
        assertEquals(List.of("PORT", "DEBUG", "WORKERS"), List.copyOf(web.env().keySet()));
        assertTrue(Path.of(web.workingDir()).isAbsolute());
        assertTrue(web.workingDir().endsWith("srv/web"), web.workingDir());
        assertEquals("front end", web.group());
        assertEquals(1, web.index());
    }

    @Test
    void absoluteWorkingDirIsKept() {
        assertEquals("/srv/web", one("working_dir = \"/srv/web\"").workingDir());
    }

    @Test
    void logRotationFromProcessThenTopLevel() {
        Config c = valid("log_max_size = \"1MiB\"\nlog_keep = 2\n" + process("a")
                + process("b", "log_max_size = \"500KB\"") + process("c", "log_keep = 9", "log_max_size = 4096"));
        assertEquals(new LogPolicy(1024 * 1024, 2), c.logs());
        assertEquals(new LogPolicy(1024 * 1024, 2), c.processes().get(0).logs());
        assertEquals(new LogPolicy(500_000, 2), c.processes().get(1).logs());
        assertEquals(new LogPolicy(4096, 9), c.processes().get(2).logs());
    }

    @ParameterizedTest
    @CsvSource({"10MiB, 10485760", "500KB, 500000", "1G, 1073741824", "2 gb, 2000000000", "100B, 100", "7, 7"})
    void sizeForms(String written, long bytes) {
        assertEquals(bytes, one("log_max_size = \"" + written + "\"").logs().maxSize());
    }

    @Test
    void fieldPositionsCoverNestedKeys() {
        ProcessSpec p = one("[process.schedule]", "start_time = \"08:00\"");
        assertEquals(new SourcePos(7, 1), p.posOf("schedule"));
        assertEquals(new SourcePos(8, 1), p.posOf("schedule.start_time"));
        assertEquals(p.pos(), p.posOf("restart.delay"));
    }

    @Test
    void uidIsNormalisedToLowerCase() {
        CheckResult r = Fixture.raw("uid = \"550E8400-E29B-41D4-A716-446655440000\"\nfile_format = \"0\"\n");
        assertTrue(r.valid(), r.diagnostics()::toString);
        assertEquals("550e8400-e29b-41d4-a716-446655440000", r.config().uid());
    }

    @Test
    void byteOrderMarkAndCrLfAreAccepted() {
        CheckResult r = Fixture.raw("\uFEFF" + (Fixture.HEADER + process("p")).replace("\n", "\r\n"));
        assertTrue(r.valid(), r.diagnostics()::toString);
        assertEquals("2024-10-01T12:00:00", r.config().processes().get(0).version());
    }
}
