package procrust.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static procrust.validate.Fixture.process;

import java.util.List;
import org.junit.jupiter.api.Test;
import procrust.config.CheckResult;
import procrust.diag.Code;
import procrust.diag.Diagnostic;

/** What the messages say: where to look and what to do. */
class MessagesTest {

    @Test
    void unknownKeySuggestsTheClosestOrWhereItBelongs() {
        assertEquals("unknown key `dependsOn` in [[process]]: did you mean `depends_on`?",
                Fixture.only(process("p", "dependsOn = []")).message());
        assertEquals("unknown key `timeout` in [[process]]: `timeout` belongs in [process.start_health_check]",
                Fixture.only(process("p", "timeout = 5")).message());
        assertEquals("unknown key `stat_time` in [process.schedule]: did you mean `start_time`?",
                Fixture.only(process("p", "schedule = { stat_time = \"08:00\" }")).message());
        String far = Fixture.only(process("p", "zzzz = 1")).message();
        assertTrue(far.startsWith("unknown key `zzzz` in [[process]]; known keys: id, command, apply_on"), far);
    }

    @Test
    void unknownKeyInADurationTable() {
        Diagnostic d = Fixture.only(process("p", "stop_timeout = { secs = 1, nano = 5 }"));
        assertEquals(Code.UNKNOWN_KEY, d.code());
        assertEquals("unknown key `nano` in `stop_timeout`: did you mean `nanos`?", d.message());
        assertEquals("stop_timeout.nano", d.field());
    }

    @Test
    void missingDependencySuggestsAnId() {
        Diagnostic d = Fixture.only(process("database") + process("web", "depends_on = [\"databse\"]"));
        assertEquals("depends_on names `databse`, which no [[process]] of this file defines: did you mean `database`?",
                d.message());
    }

    @Test
    void wrongTypesNameWhatWasFound() {
        assertEquals("`command` must be a string; got an integer", Fixture.only(
                "[[process]]\nid = \"p\"\ncommand = 5\napply_on = \"2024-10-01T12:00:00\"\n").message());
        assertEquals("`restart.max_attempts` must be an integer; got a string",
                Fixture.only(process("p", "restart = { max_attempts = \"5\" }")).message());
        assertEquals("`stop_timeout` must be a duration: a string like \"500ms\", \"30s\", \"1m30s\" or \"2h\", an "
                + "integer number of seconds, or { secs = 30, nanos = 0 }; got a float",
                Fixture.only(process("p", "stop_timeout = 1.5")).message());
    }

    @Test
    void everyProblemOfTheFileInOneRun() {
        CheckResult r = Fixture.check("[[process]]\nid = \"a/b\"\ncommand = \"\"\napply_on = \"soon\"\ntype = \"x\"\n"
                + "depends_on = [\"nobody\"]\nstop_timeout = \"0s\"\n[process.schedule]\nweek_days = \"someday\"\n"
                + "start_time = \"9\"\n[process.restart]\nmax_attempts = 0\n");
        List<String> fields = r.diagnostics().stream().map(Diagnostic::field).toList();
        assertEquals(List.of("id", "command", "apply_on", "type", "depends_on", "stop_timeout", "schedule.week_days",
                "schedule.start_time", "restart.max_attempts"), fields, r.diagnostics()::toString);
        for (int i = 1; i < r.diagnostics().size(); i++) {
            assertTrue(Diagnostic.ORDER.compare(r.diagnostics().get(i - 1), r.diagnostics().get(i)) <= 0);
        }
    }

    @Test
    void anEntryWithABadIdIsStillCheckedForTheRest() {
        CheckResult r = Fixture.check(process("ok") + "[[process]]\nid = 7\ncommand = \" \"\napply_on = \"2024-10-01T12:00:00\"\n");
        assertEquals(List.of("`id` must be a string; got an integer", "`command` must not be blank: the shell command to "
                + "run (as /bin/sh -c COMMAND); got \" \""), r.diagnostics().stream().map(Diagnostic::message).toList());
    }
}
