package procrust.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import procrust.config.CheckResult;
import procrust.config.Config;
import procrust.config.ProcessSpec;
import procrust.config.ProcessType;
import procrust.diag.Code;
import procrust.diag.Diagnostic;

/** Every configuration of the original description loads as written (with the uid header added). */
class SeedConfigsTest {

    static CheckResult check(String name) {
        return ConfigChecker.check(Path.of("src/test/resources/seed", name));
    }

    @Test
    void headerAloneIsAValidEmptyFile() {
        CheckResult r = check("header_only.toml");
        assertTrue(r.valid(), r.diagnostics()::toString);
        assertEquals("550e8400-e29b-41d4-a716-446655440000", r.config().uid());
        assertTrue(r.config().processes().isEmpty());
    }

    @Test
    void doubledProcessHeaderIsReportedAtItsOwnLineWithEveryMissingField() {
        CheckResult r = check("example1_doubled_process.toml");
        List<Diagnostic> errors = r.diagnostics();
        assertEquals(3, errors.size(), errors::toString);
        for (Diagnostic d : errors) {
            assertEquals(Code.MISSING_FIELD, d.code());
            assertEquals(4, d.line(), d::toString);
            assertEquals(1, d.column(), d::toString);
        }
        assertEquals(List.of("apply_on", "command", "id"), errors.stream().map(Diagnostic::field).sorted().toList());
    }

    @Test
    void inlineTablesAreReadLikeSubTables() {
        CheckResult r = check("example2_inline_tables.toml");
        ProcessSpec p = r.config() != null ? r.config().processes().get(0) : null;
        // the fragment names a dependency it does not define: the only problem reported
        assertEquals(List.of(Code.MISSING_DEPENDENCY), r.diagnostics().stream().map(Diagnostic::code).toList(),
                r.diagnostics()::toString);
        assertNull(p);
    }

    @Test
    void futureVersionLoadsBothVersions() {
        CheckResult r = check("future_version.toml");
        assertTrue(r.valid(), r.diagnostics()::toString);
        Config c = r.config();
        assertEquals(2, c.versionsOf("SERVICE_A").size());
        assertEquals("2023-10-01T08:00:00", c.processes().get(0).version());
        assertEquals("2025-04-01T08:00:00", c.processes().get(1).version());
        assertEquals(Duration.ofSeconds(10), c.processes().get(0).stopTimeout());
        assertTrue(c.processes().get(0).schedule().isAlways());
    }

    @Test
    void rollbackMarksTheNewVersionFake() {
        CheckResult r = check("rollback_fake.toml");
        assertTrue(r.valid(), r.diagnostics()::toString);
        assertEquals(ProcessType.FAKE, r.config().processes().get(1).type());
        assertEquals(ProcessType.NORMAL, r.config().processes().get(0).type());
    }

    @Test
    void dependencyOnAFutureProcessIsValid() {
        CheckResult r = check("dependencies.toml");
        assertTrue(r.valid(), r.diagnostics()::toString);
        assertEquals(List.of("TEST_A"), r.config().processes().get(1).dependsOn());
    }

    @Test
    void healthCheckSectionWithSecsNanosTimeout() {
        CheckResult r = check("health_check_section.toml");
        assertTrue(r.valid(), r.diagnostics()::toString);
        ProcessSpec p = r.config().processes().get(0);
        assertEquals(Duration.ofSeconds(2), p.healthCheck().timeout());
        assertEquals(Duration.ofSeconds(1), p.healthCheck().interval());
        assertEquals("curl -I http://localhost:8080", p.healthCheck().command());
    }
}
