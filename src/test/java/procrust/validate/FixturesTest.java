package procrust.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import procrust.config.CheckResult;
import procrust.diag.Diagnostic;

/** Each fixture gives exactly the diagnostics its {@code # expect:} lines name, at those positions. */
class FixturesTest {

    static Stream<Expectations> invalid() {
        return Expectations.in("invalid").stream();
    }

    static Stream<Expectations> warnings() {
        return Expectations.in("warnings").stream();
    }

    private static List<String> found(CheckResult r) {
        return r.diagnostics().stream().map(d -> d.code().wire() + " " + d.line() + ":" + d.column()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidFixtureGivesExactlyItsErrors(Expectations e) {
        CheckResult r = ConfigChecker.check(e.file());
        assertFalse(r.valid());
        assertEquals(e.expected(), found(r), () -> r.diagnostics().toString());
        for (Diagnostic d : r.diagnostics()) {
            assertTrue(d.message().length() > 20, d::toString);
            assertEquals(e.file().toString(), d.file());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("warnings")
    void warningFixtureIsValidWithItsWarnings(Expectations e) {
        CheckResult r = ConfigChecker.check(e.file());
        assertTrue(r.valid(), () -> r.diagnostics().toString());
        assertEquals(e.expected(), found(r), () -> r.diagnostics().toString());
    }
}
