package procrust.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The seeds {@link LoaderFuzzTest} runs on beyond its own were really copied by the build into its
 * Jazzer inputs folder: the examples, the seed configs of the original description and the vendored
 * toml-test corpus (a folder missing from the checkout is skipped here with the reason, not silently).
 */
class LoaderSeedsTest {

    static Path copied() throws URISyntaxException {
        return Path.of(LoaderSeedsTest.class.getResource("LoaderFuzzTestInputs/fuzzLoader").toURI()).resolve("copied");
    }

    static List<Path> tomlFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".toml") && Files.isRegularFile(p)).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"examples=examples", "seed=src/test/resources/seed", "toml-test=src/test/resources/toml-test"})
    void everySourceOfSeedsIsCopied(String spec) throws Exception {
        String name = spec.substring(0, spec.indexOf('='));
        Path source = Path.of(spec.substring(spec.indexOf('=') + 1)).toAbsolutePath();
        assumeTrue(Files.isDirectory(source), "no " + source + " in this checkout: nothing to seed from it");
        List<Path> files = tomlFiles(source);
        assertFalse(files.isEmpty(), source + " has no .toml file");
        assertEquals(files.size(), tomlFiles(copied().resolve(name)).size(), "seeds copied from " + source);
    }
}
