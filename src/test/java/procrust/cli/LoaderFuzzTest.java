package procrust.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import procrust.config.ProcessSpec;
import procrust.diag.Diagnostic;
import procrust.logs.LogFiles;
import procrust.plan.Observed;
import procrust.plan.Planner;
import procrust.state.StateDirs;
import procrust.config.CheckResult;
import procrust.validate.ConfigChecker;

/**
 * Coverage-guided fuzzing of the loader ({@code procrust check} as a function) with Jazzer. Whatever the
 * bytes: no exception escapes (problems are diagnostics), nothing hangs (the timeout is also libFuzzer's),
 * every diagnostic and the text and GitHub views print one line each, the JSON view is one valid
 * document, and a file found valid names log and state files inside their folders and can be planned.
 *
 * <p>Without {@code JAZZER_FUZZ} it runs once per seed (regression mode, part of {@code verify}): the
 * checked-in inputs beside this class, the examples, the seed configs and the vendored toml-test corpus,
 * which the build copies into {@code LoaderFuzzTestInputs/fuzzLoader/copied}. {@code bench/fuzz-loader.sh} runs it
 * for real; findings land in {@code src/test/resources/procrust/cli/LoaderFuzzTestInputs/fuzzLoader} and
 * stay there as regression inputs.
 */
class LoaderFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path LOGS = Path.of("/var/lib/procrust/uid/logs");
    private static final Path STATE = Path.of("/var/lib/procrust");

    private static Path dir;

    /** Longest a single input may take; libFuzzer's -timeout when fuzzing (bench/fuzz-loader.sh). */
    static final Duration PER_INPUT = Duration.ofSeconds(20);

    private static final boolean FUZZING = System.getenv("JAZZER_FUZZ") != null
            && !System.getenv("JAZZER_FUZZ").isEmpty();

    // No JUnit @Timeout: while fuzzing, the whole run is one invocation (it would end it), and libFuzzer
    // times each input itself. In regression mode each seed is timed here.
    @FuzzTest(maxDuration = "30s")
    void fuzzLoader(byte[] input) throws IOException {
        if (FUZZING) {
            check(input);
        } else {
            assertTimeoutPreemptively(PER_INPUT, () -> check(input), "the loader hangs on this input");
        }
    }

    /** The properties, for one input (other tests hold single inputs to them too). */
    static CheckResult check(byte[] input) throws IOException {
        Path file = file();
        Files.write(file, input);
        CheckResult r = ConfigChecker.check(file);

        for (Diagnostic d : r.diagnostics()) {
            assertTrue(d.line() >= 0 && d.column() >= 0, d::toString);
            HostileInputTest.assertPrintable(d.message());
            if (d.process() != null) {
                HostileInputTest.assertPrintable(d.process());
            }
            if (d.field() != null) {
                HostileInputTest.assertPrintable(d.field());
            }
        }
        assertEquals(r.config() != null && r.diagnostics().stream().noneMatch(Diagnostic::isError), r.valid());
        int n = r.diagnostics().size();
        assertEquals(n + 1, lines(render(w -> CheckViews.text(r, file.toString(), true, w))), "text lines");
        assertEquals(n + 1, lines(render(w -> CheckViews.github(r, file.toString(), w))), "github lines");
        JsonNode json = JSON.readTree(render(w -> CheckViews.json(r, w)));
        assertEquals(n, json.get("diagnostics").size());
        assertEquals(r.valid(), json.get("valid").asBoolean());

        if (r.valid()) {
            Path uidDir = StateDirs.forUid(STATE, r.config().uid());
            assertEquals(STATE, uidDir.getParent());
            for (ProcessSpec p : r.config().processes()) {
                assertEquals(LOGS, LogFiles.fileFor(LOGS, p.id()).getParent(), p.id());
            }
            assertNotNull(Planner.plan(r.config(), Observed.EMPTY, Instant.parse("2025-03-30T01:30:00Z")));
            // at the first versions' own starts, where versions and windows meet
            r.config().processes().stream().limit(8).forEach(p ->
                    Planner.plan(r.config(), Observed.EMPTY, p.applyOn().toInstant(r.config().zone())));
        }
        return r;
    }

    private static synchronized Path file() throws IOException {
        if (dir == null) {
            dir = Files.createTempDirectory("procrust-fuzz");
        }
        return dir.resolve("procrust.toml");
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (dir != null) {
            Files.deleteIfExists(dir.resolve("procrust.toml"));
            Files.deleteIfExists(dir);
            dir = null;
        }
    }

    private static String render(java.util.function.Consumer<PrintWriter> view) {
        StringWriter s = new StringWriter();
        PrintWriter w = new PrintWriter(s);
        view.accept(w);
        w.flush();
        return s.toString();
    }

    /** Lines as a terminal or an editor would count them (every Unicode line terminator). */
    private static int lines(String text) {
        List<String> l = List.of(text.split("\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]", -1));
        return (int) l.stream().filter(x -> !x.isEmpty()).count();
    }
}
