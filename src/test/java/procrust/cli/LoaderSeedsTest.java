package procrust.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import procrust.diag.Code;
import procrust.diag.Diagnostic;
import procrust.validate.CheckResult;

/**
 * The seeds {@link LoaderFuzzTest} runs on beyond its checked-in ones were really copied by the build
 * (a missing source folder is skipped here with the reason, not silently), and the shared toml-test
 * corpus keeps its promise: every one of its broken documents is an error at a line, never an exception.
 */
class LoaderSeedsTest {

    static Path copied() throws URISyntaxException {
        return Path.of(LoaderSeedsTest.class.getResource("LoaderFuzzTestInputs/fuzzLoader").toURI()).resolve("copied");
    }

    static Path root() {
        return Path.of("").toAbsolutePath();
    }

    static Path corpus() {
        String shared = System.getProperty("procrust.shared");
        return (shared == null ? root().resolveSibling("shared") : Path.of(shared)).normalize().resolve("corpus/toml-test");
    }

    static List<Path> tomlFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".toml") && Files.isRegularFile(p)).sorted().toList();
        }
    }

    @Test
    void seedConfigsAreSeeds() throws Exception {
        List<Path> source = tomlFiles(root().resolve("src/test/resources/seed"));
        assertFalse(source.isEmpty());
        assertEquals(source.size(), tomlFiles(copied().resolve("seed")).size());
    }

    @Test
    void examplesAreSeeds() throws Exception {
        Path examples = root().resolve("examples");
        assumeTrue(Files.isDirectory(examples), "no examples/ folder in this checkout yet: nothing to copy");
        assertEquals(tomlFiles(examples).size(), tomlFiles(copied().resolve("examples")).size());
    }

    @Test
    void sharedCorpusIsSeeds() throws Exception {
        Path corpus = corpus();
        assumeTrue(Files.isDirectory(corpus), "the shared TOML corpus is not at " + corpus
                + " (CI lays shared/ beside the clone; elsewhere pass -Dprocrust.shared=DIR): the loader is fuzzed "
                + "from its checked-in seeds only");
        List<Path> source = tomlFiles(corpus);
        assertFalse(source.isEmpty());
        assertEquals(source.size(), tomlFiles(copied().resolve("toml-test")).size());
    }

    @Test
    void everyBrokenDocumentOfTheCorpusIsAnErrorAtALine() throws Exception {
        Path corpus = corpus().resolve("invalid");
        assumeTrue(Files.isDirectory(corpus), "the shared TOML corpus is not at " + corpus);
        List<String> wrong = new ArrayList<>();
        for (Path f : tomlFiles(corpus)) {
            CheckResult r = LoaderFuzzTest.check(Files.readAllBytes(f));
            Diagnostic first = r.diagnostics().isEmpty() ? null : r.diagnostics().get(0);
            if (r.valid() || first == null || !first.isError() || first.line() < 1) {
                wrong.add(corpus.relativize(f) + ": " + first);
            }
        }
        assertTrue(wrong.isEmpty(), () -> wrong.size() + " documents:\n" + String.join("\n", wrong));
    }

    @Test
    void syntaxErrorsAreReportedAsSuch() throws Exception {
        Path f = corpus().resolve("invalid/string/bad-uni-esc-01.toml");
        assumeTrue(Files.isRegularFile(f), "the shared TOML corpus is not at " + corpus());
        assertEquals(Code.TOML_SYNTAX, LoaderFuzzTest.check(Files.readAllBytes(f)).diagnostics().get(0).code());
    }
}
