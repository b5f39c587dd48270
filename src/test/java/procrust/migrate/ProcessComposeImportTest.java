package procrust.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import procrust.config.ProcessSpec;
import procrust.config.ProcessType;
import procrust.config.RestartPolicy.Policy;

class ProcessComposeImportTest {

    @TempDir
    Path tmp;

    Imported of(String fixture) throws Exception {
        return Imported.of(Importer.Format.process_compose, Imported.fixture("process-compose/" + fixture), Map.of(), tmp);
    }

    @Test
    void dependenciesConditionsProbesAvailabilityAndShutdownMap() throws Exception {
        Imported i = of("services.yaml");
        Path dir = Imported.fixture("process-compose/services.yaml").getParent();
        assertEquals(List.of("db", "migrate", "api", "web", "debug-shell"),
                i.config.processes().stream().map(ProcessSpec::id).toList());
        ProcessSpec db = i.process("db");
        assertEquals("test -f ready.flag", db.healthCheck().command(), "readiness_probe.exec");
        assertEquals(Duration.ofSeconds(1), db.healthCheck().interval());
        assertEquals(Duration.ofSeconds(12), db.healthCheck().timeout(), "delay 1 + period 1 x 10 failures + 1");
        assertEquals("data", db.group(), "namespace");
        assertEquals(Duration.ofSeconds(5), db.stopTimeout());
        assertEquals(Policy.NEVER, db.restart().policy(), "process-compose restarts nothing by default");
        assertEquals(dir.toString(), db.workingDir());
        assertEquals(Map.of("APP_ENV", "dev"), db.env());

        ProcessSpec migrate = i.process("migrate");
        assertEquals(ProcessType.ONESHOT, migrate.type(), "api waits for it to complete successfully");
        assertEquals(List.of("db"), migrate.dependsOn());

        ProcessSpec api = i.process("api");
        assertEquals(List.of("db", "migrate"), api.dependsOn());
        assertTrue(api.command().startsWith("echo \"api starting\"\ni=0\n"), "a multi-line command stays as written: " + api.command());
        assertEquals(Policy.ON_FAILURE, api.restart().policy());
        assertEquals(5, api.restart().maxAttempts());
        assertEquals(Duration.ofSeconds(2), api.restart().delay());
        assertEquals(Duration.ofSeconds(2), api.restart().maxDelay(), "process-compose's back-off does not grow");
        assertEquals("hello \"world\"", api.env().get("GREETING"));

        assertEquals(Policy.ALWAYS, i.process("web").restart().policy());
        assertEquals(ProcessType.FAKE, i.process("debug-shell").type(), "disabled: true");

        List<String> settings = i.draft.notes().stream().map(Draft.Note::setting).toList();
        for (String s : List.of("log_location", "shutdown.signal: 2", "liveness_probe", "disabled: true", "is_interactive: true")) {
            assertTrue(settings.contains(s), s + " is noted: " + settings);
        }
        assertEquals(i.draft.notes().size(), i.comments(), i.text);
    }

    @Test
    void anHttpProbeAndADaemonAreNoted() throws Exception {
        Imported i = of("probes.yaml");
        List<String> settings = i.draft.notes().stream().map(Draft.Note::setting).toList();
        assertTrue(settings.contains("readiness_probe.http_get http://127.0.0.1:80/"), settings::toString);
        assertTrue(settings.contains("is_daemon: true"), settings::toString);
        assertTrue(settings.contains("shutdown.command: docker stop nginx_test"), settings::toString);
        assertEquals(Duration.ofSeconds(5), i.process("nginx").stopTimeout());
    }

    @Test
    void exitOnFailureAndCompletion() throws Exception {
        Imported i = of("exit-on-failure.yaml");
        assertEquals(ProcessType.ONESHOT, i.process("sanitycheck").type());
        assertEquals(List.of("sanitycheck"), i.process("other_proc").dependsOn());
        assertTrue(i.draft.notes().stream().anyMatch(n -> n.setting().equals("availability.restart: exit_on_failure")));
    }

    @Test
    void bashSyntaxIsRunWithBash() throws Exception {
        Path f = Files.writeString(tmp.resolve("pc.yaml"), "processes:\n  a:\n    command: \"[[ -n $HOME ]] && echo 'hi'\"\n");
        Imported i = Imported.of(Importer.Format.process_compose, f, Map.of(), tmp);
        assertEquals("exec bash -c '[[ -n $HOME ]] && echo '\\''hi'\\'''", i.process("a").command());
    }

    @Test
    void malformedYamlNamesFileLineAndColumn() throws Exception {
        Path f = Files.writeString(tmp.resolve("pc.yaml"), "processes:\n  a:\n    command: \"x\n  b: [\n");
        ImportFailure e = assertThrows(ImportFailure.class, () -> Importer.read(Importer.Format.process_compose, f, Map.of()));
        assertTrue(e.getMessage().matches(".*pc\\.yaml:\\d+:\\d+: not a YAML file: .*"), e.getMessage());
        Path notPc = Files.writeString(tmp.resolve("other.yaml"), "services:\n  web: {}\n");
        ImportFailure e2 = assertThrows(ImportFailure.class, () -> Importer.read(Importer.Format.process_compose, notPc, Map.of()));
        assertTrue(e2.getMessage().contains("no `processes:`"), e2.getMessage());
        Path dup = Files.writeString(tmp.resolve("dup.yaml"), "processes:\n  a: {command: x}\n  a: {command: y}\n");
        assertThrows(ImportFailure.class, () -> Importer.read(Importer.Format.process_compose, dup, Map.of()));
    }

    @Test
    void aProcfileBecomesOneEntryPerLine() throws Exception {
        Imported i = Imported.of(Importer.Format.procfile, Imported.fixture("Procfile"), Map.of(), tmp);
        assertEquals(List.of("web", "worker", "clock", "release"), i.config.processes().stream().map(ProcessSpec::id).toList());
        assertEquals(Map.of("PORT", "5000"), i.process("web").env(), "foreman's PORT for a command that uses it");
        assertEquals("sleep 3600", i.process("clock").command());
        assertEquals(ProcessType.ONESHOT, i.process("release").type());
        assertEquals(Imported.fixture("Procfile").getParent().toString(), i.process("worker").workingDir());
        assertTrue(i.text.contains("# procrust import: line 7 \"not a process line\": not carried over"), i.text);
    }
}
