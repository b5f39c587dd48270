package procrust.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import procrust.config.CheckResult;

/**
 * Every field constraint of the raw records ({@link FieldConstraints}) once, with the whole diagnostic
 * it gives: position, code, field and message. The expected lists were made by the build that declared
 * the constraints as annotations on the record components, so they pin that both declare the same.
 */
class FieldConstraintsTest {

    private static List<String> found(CheckResult r) {
        return r.diagnostics().stream()
                .map(d -> d.line() + ":" + d.column() + " " + d.code().wire() + " " + d.field() + " | " + d.message())
                .toList();
    }

    @Test
    void everyConstraintFailingOnceGivesItsDiagnostic() {
        String toml = ""
                + "uid = \"550e84-0-e29b-41d4-a716-446655440000\"\n"
                + "file_format = \"1\"\n"
                + "timezone = \"Mars/Olympus\"\n"
                + "log_max_size = 0\n"
                + "log_keep = -1\n"
                + "log_group = \"bad group!\"\n"
                + "\n"
                + "[[process]]\n"
                + "id = \"bad/id\"\n"
                + "command = \"   \"\n"
                + "apply_on = \"2024-01-01T00:00:00\"\n"
                + "working_dir = \"   \"\n"
                + "env = { \"1BAD\" = \"x\", GOOD = \"y\", \"A-B\" = \"z\" }\n"
                + "stop_timeout = \"0s\"\n"
                + "label = \"!label\"\n"
                + "log_max_size = 0\n"
                + "log_keep = -2\n"
                + "[process.schedule]\n"
                + "start_time = \"08:00\"\n"
                + "stop_time = \"08:00\"\n"
                + "[process.start_health_check]\n"
                + "command = \"true\"\n"
                + "timeout = \"0s\"\n"
                + "interval = \"0s\"\n"
                + "[process.restart]\n"
                + "policy = \"always\"\n"
                + "max_attempts = 0\n"
                + "delay = \"-1s\"\n"
                + "max_delay = \"0s\"\n"
                + "[process.health_check]\n"
                + "command = \"true\"\n"
                + "interval = \"0s\"\n"
                + "timeout = \"0s\"\n"
                + "failures = 0\n"
                + "\n"
                + "[[process]]\n"
                + "command = \"true\"\n"
                + "[process.restart]\n"
                + "max_attempts = 99999999999\n"
                + "[process.health_check]\n"
                + "command = \"true\"\n"
                + "failures = 1001\n"
                + "[process.schedule]\n"
                + "stop_time = \"00:00\"\n"
                + "\n"
                + "[[process]]\n"
                + "id = \"ok\"\n"
                + "command = \"true\"\n"
                + "apply_on = \"2024-01-01T00:00:00\"\n";
        assertEquals(List.of(
                "1:1 invalid-value uid | `uid` must be a UUID like \"550e8400-e29b-41d4-a716-446655440000\" (`procrust uid` prints a new one); got \"550e84-0-e29b-41d4-a716-446655440000\"",
                "2:1 unsupported-file-format file_format | `file_format` is not a format this procrust knows: the only one is \"0\"; got \"1\"",
                "3:1 invalid-value timezone | `timezone` must be an IANA time zone like \"Europe/Madrid\" or \"UTC\"; got \"Mars/Olympus\"",
                "4:1 invalid-value log_max_size | `log_max_size` must be at least 1 byte; got 0",
                "5:1 invalid-value log_keep | `log_keep` must be 0 or more; got -1",
                "6:1 invalid-value log_group | `log_group` must be a group name (like \"adm\") or a numeric group id; got \"bad group!\"",
                "9:1 invalid-value id | `id` must be 1-64 letters, digits, spaces, '_', '.' or '-', starting with a letter or digit; got \"bad/id\"",
                "10:1 invalid-value command | `command` must not be blank: the shell command to run (as /bin/sh -c COMMAND); got \"   \"",
                "12:1 invalid-value working_dir | `working_dir` must be a directory path, not blank; got \"   \"",
                "13:9 invalid-value env.1BAD | environment variable name `1BAD` is not a valid environment variable name (letters, digits and '_', not starting with a digit)",
                "13:35 invalid-value env.A-B | environment variable name `A-B` is not a valid environment variable name (letters, digits and '_', not starting with a digit)",
                "14:1 invalid-value stop_timeout | `stop_timeout` must be longer than zero",
                "15:1 invalid-value label | `label` must be 1-64 letters, digits, spaces, '_', '.' or '-', starting with a letter or digit; got \"!label\"",
                "16:1 invalid-value log_max_size | `log_max_size` must be at least 1 byte; got 0",
                "17:1 invalid-value log_keep | `log_keep` must be 0 or more; got -2",
                "20:1 invalid-value schedule.stop_time | `schedule.stop_time` must differ from start_time (for a process that runs all day, leave both out)",
                "23:1 invalid-value start_health_check.timeout | `start_health_check.timeout` must be longer than zero",
                "24:1 invalid-value start_health_check.interval | `start_health_check.interval` must be longer than zero",
                "27:1 invalid-value restart.max_attempts | `restart.max_attempts` must be at least 1; got 0",
                "28:1 invalid-value restart.delay | `restart.delay` must be a duration: a string like \"500ms\", \"30s\", \"1m30s\" or \"2h\", an integer number of seconds, or { secs = 30, nanos = 0 }; got \"-1s\"",
                "29:1 invalid-value restart.max_delay | `restart.max_delay` must be longer than zero",
                "32:1 invalid-value health_check.interval | `health_check.interval` must be longer than zero",
                "33:1 invalid-value health_check.timeout | `health_check.timeout` must be longer than zero",
                "34:1 invalid-value health_check.failures | `health_check.failures` must be at least 1: the failures in a row that mean the process is unhealthy; got 0",
                "36:1 missing-field apply_on | missing `apply_on`: every [[process]] needs the date-time from which it applies, like apply_on = \"2024-10-01T12:00:00\"",
                "36:1 missing-field id | missing `id`: every [[process]] needs an id, its name",
                "39:1 invalid-value restart.max_attempts | `restart.max_attempts` is too large; got 99999999999",
                "42:1 invalid-value health_check.failures | `health_check.failures` must be at most 1000; got 1001",
                "44:1 invalid-value schedule.stop_time | `schedule.stop_time` must differ from start_time (for a process that runs all day, leave both out)"), found(Fixture.raw(toml)));
    }

    @Test
    void requiredKeysLeftOut() {
        assertEquals(List.of(
                "1:1 missing-field apply_on | missing `apply_on`: every [[process]] needs the date-time from which it applies, like apply_on = \"2024-10-01T12:00:00\"",
                "1:1 missing-field command | missing `command`: every [[process]] needs the shell command to run",
                "1:1 missing-field file_format | missing `file_format`: add file_format = \"0\"",
                "1:1 missing-field uid | missing `uid`: every file needs a uid = \"<UUID>\" naming its services (`procrust uid` prints one)"), found(Fixture.raw("[[process]]\nid = \"x\"\n")));
    }
}
