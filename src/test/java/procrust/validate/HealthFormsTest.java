package procrust.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static procrust.validate.Fixture.expect;
import static procrust.validate.Fixture.process;
import static procrust.validate.Fixture.valid;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import procrust.config.HealthCheck;
import procrust.config.Liveness;
import procrust.config.Probe;
import procrust.config.ProcessSpec;
import procrust.diag.Code;
import procrust.diag.Diagnostic;

/** SPEC §6 Health: start_health_check takes one of command/http/tcp/log_line; health_check (liveness). */
class HealthFormsTest {

    private static ProcessSpec one(String... lines) {
        return valid(process("p", lines)).processes().get(0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "command  | true                             | COMMAND",
            "http     | http://127.0.0.1:8080/ready      | HTTP",
            "http     | https://[::1]/x?y=1              | HTTP",
            "tcp      | 127.0.0.1:6379                   | TCP",
            "tcp      | [::1]:6379                       | TCP",
            "tcp      | localhost:1                      | TCP",
            "log_line | Ready to accept connections      | LOG_LINE",
            "log_line | ^\\d+ ready$                     | LOG_LINE",
    })
    void startCheckTakesEachProbe(String key, String value, Probe.Kind kind) {
        ProcessSpec p = one("[process.start_health_check]", key + " = '" + value + "'");
        assertEquals(new Probe(kind, value), p.healthCheck().probe());
        assertEquals(HealthCheck.DEFAULT_TIMEOUT, p.healthCheck().timeout());
    }

    @Test
    void tcpHostAndPort() {
        assertEquals("::1", new Probe(Probe.Kind.TCP, "[::1]:6379").host());
        assertEquals(6379, new Probe(Probe.Kind.TCP, "[::1]:6379").port());
        assertEquals("127.0.0.1", new Probe(Probe.Kind.TCP, "127.0.0.1:80").host());
    }

    @Test
    void commandCheckKeepsItsFingerprintText() {
        // what earlier versions recorded for a running instance: an upgrade must not see a change
        assertEquals("HealthCheck[command=true, timeout=PT30S, interval=PT1S]",
                new HealthCheck("true", Duration.ofSeconds(30), Duration.ofSeconds(1)).toString());
    }

    @Test
    void livenessDefaults() {
        ProcessSpec p = one("[process.health_check]", "http = \"http://127.0.0.1:8080/health\"");
        Liveness l = p.liveness();
        assertEquals(Probe.Kind.HTTP, l.probe().kind());
        assertEquals(Duration.ofSeconds(10), l.interval());
        assertEquals(Duration.ofSeconds(5), l.timeout());
        assertEquals(3, l.failures());
        assertNull(p.healthCheck());
        assertTrue(p.posOf("health_check.http").line() > 0);
    }

    @Test
    void livenessFields() {
        ProcessSpec p = one("health_check = { tcp = \"127.0.0.1:6379\", interval = \"2s\", timeout = \"1s\", failures = 5 }");
        assertEquals(new Liveness(new Probe(Probe.Kind.TCP, "127.0.0.1:6379"), Duration.ofSeconds(2),
                Duration.ofSeconds(1), 5), p.liveness());
    }

    @Test
    void livenessIsNotInTheFingerprint() {
        ProcessSpec a = one("health_check = { command = \"true\" }");
        ProcessSpec b = one();
        assertEquals(a.fingerprint(), b.fingerprint());
    }

    @Test
    void twoProbesIsAnErrorAtTheSecond() {
        Diagnostic d = expect(process("p", "start_health_check = { command = \"true\", http = \"http://x/\" }"),
                Code.INVALID_VALUE, 7, 42);
        assertTrue(d.message().contains("exactly one of `command`, `http`, `tcp` or `log_line`"), d::toString);
        assertEquals("start_health_check.http", d.field());
    }

    @Test
    void noProbeIsAnErrorAtTheTable() {
        Diagnostic d = expect(process("p", "[process.start_health_check]", "timeout = \"5s\""),
                Code.MISSING_FIELD, 7, 1);
        assertTrue(d.message().contains("needs one of"), d::toString);
        Diagnostic l = expect(process("p", "health_check = { interval = \"5s\" }"), Code.MISSING_FIELD, 7, 1);
        assertTrue(l.message().contains("`health_check` needs one of `command`, `http` or `tcp`"), l::toString);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http     | ftp://host/x              | must be an http:// or https:// URL (not ftp:)",
            "http     | http://                   | is not a valid URL",
            "http     | /health                   | must be an http:// or https:// URL",
            "http     | http://host:99999/        | a port is 1-65535",
            "http     | 'http://a b/'             | is not a valid URL: Illegal character in authority at index 7",
            "tcp      | 6379                      | must be host:port",
            "tcp      | 127.0.0.1:redis           | which is not a number",
            "tcp      | 127.0.0.1:0               | a port is 1-65535",
            "tcp      | :6379                     | must be host:port",
            "tcp      | ::1]:6379                 | unbalanced brackets",
            "log_line | 'Ready (to'               | is not a valid Java regular expression: Unclosed group",
            "command  | '  '                      | must not be blank",
    })
    void unusableProbeNamesTheProblem(String key, String value, String problem) {
        String v = value.startsWith("'") ? value : "'" + value + "'";
        Diagnostic d = expect(process("p", "[process.start_health_check]", key + " = " + v),
                Code.INVALID_VALUE, 8, 1);
        assertTrue(d.message().contains(problem), d::toString);
        assertTrue(d.message().startsWith("`start_health_check." + key + "`"), d::toString);
    }

    @Test
    void logLineIsAStartCheckOnly() {
        Diagnostic d = expect(process("p", "[process.health_check]", "command = \"true\"", "log_line = \"x\""),
                Code.UNKNOWN_KEY, 9, 1);
        assertTrue(d.message().contains("belongs in [process.start_health_check]"), d::toString);
        Diagnostic m = expect(process("p", "[process.health_check]", "command = \"true\"", "failure = 2"),
                Code.UNKNOWN_KEY, 9, 1);
        assertTrue(m.message().contains("did you mean `failures`?"), m::toString);
    }

    @Test
    void failuresAtLeastOne() {
        Diagnostic d = expect(process("p", "[process.health_check]", "command = \"true\"", "failures = 0"),
                Code.INVALID_VALUE, 9, 1);
        assertTrue(d.message().startsWith("`health_check.failures` must be at least 1"), d::toString);
        expect(process("p", "[process.health_check]", "command = \"true\"", "interval = \"0s\""),
                Code.INVALID_VALUE, 9, 1);
    }
}
