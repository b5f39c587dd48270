package procrust.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static procrust.validate.Fixture.expect;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import procrust.config.Config;
import procrust.config.Hook;
import procrust.diag.Code;
import procrust.diag.Diagnostic;

/** {@code [[hook]]}: defaults, and every mistake reported where it is (SPEC §6 "Hooks and metrics"). */
class HookRulesTest {

    @Test
    void aHookWithDefaultsAndOneWithEverything() {
        Config c = Fixture.valid(Fixture.process("web") + """
                [[hook]]
                command = "logger procrust"

                [[hook]]
                events = ["failed", "unhealthy", "failed"]
                command = "notify-send $PROCRUST_ID"
                timeout = "5s"
                """);
        assertEquals(2, c.hooks().size());
        Hook all = c.hooks().get(0);
        assertEquals(Hook.EVENTS, all.events());
        assertEquals(Duration.ofSeconds(30), all.timeout());
        Hook some = c.hooks().get(1);
        assertEquals(List.of("failed", "unhealthy"), some.events());
        assertEquals(Duration.ofSeconds(5), some.timeout());
        assertTrue(some.on("failed") && !some.on("started"));
        assertEquals(10, some.pos().line());
    }

    @Test
    void anUnknownEventIsAnInvalidValueAtItsOwnPositionNamingTheClosest() {
        List<Diagnostic> ds = Fixture.check("""
                [[hook]]
                events = ["failed", "crashed", "restart"]
                command = "true"
                """).diagnostics();
        assertEquals(2, ds.size(), ds::toString);
        Diagnostic d = ds.get(0);
        assertEquals(Code.INVALID_VALUE, d.code());
        assertEquals(List.of(4, 21), List.of(d.line(), d.column()));
        assertTrue(d.message().startsWith("`hook.events` names an unknown event \"crashed\". Events: started, "),
                d::toString);
        assertEquals("hook.events", d.field());
        assertEquals(List.of(4, 32), List.of(ds.get(1).line(), ds.get(1).column()));
    }

    @Test
    void aTypoIsCloseToAKnownEvent() {
        Diagnostic d = expect("""
                [[hook]]
                events = ["restart"]
                command = "true"
                """, Code.INVALID_VALUE, 4, 11);
        assertTrue(d.message().contains("did you mean \"restarted\"?"), d::toString);
    }

    @Test
    void commandIsRequiredAndNotBlank() {
        expect("[[hook]]\nevents = [\"failed\"]\n", Code.MISSING_FIELD, 3, 1);
        expect("[[hook]]\ncommand = \"  \"\n", Code.INVALID_VALUE, 4, 1);
    }

    @Test
    void anUnknownKeyNamesTheClosestAndTimeoutMustBePositive() {
        Diagnostic d = expect("[[hook]]\ncommand = \"true\"\nevent = [\"failed\"]\n", Code.UNKNOWN_KEY, 5, 1);
        assertTrue(d.message().contains("did you mean `events`?"), d::toString);
        expect("[[hook]]\ncommand = \"true\"\ntimeout = \"0s\"\n", Code.INVALID_VALUE, 5, 1);
        expect("[[hook]]\ncommand = \"true\"\nevents = []\n", Code.INVALID_VALUE, 5, 1);
        expect("hook = { command = \"true\" }\n", Code.INVALID_VALUE, 3, 1);
    }
}
