package procrust.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The fixtures under {@code src/test/resources/{invalid,warnings}}: each starts with comment lines
 * {@code # expect: CODE LINE:COL} (one per diagnostic) and {@code # schema: reject} when the JSON
 * Schema can express the problem too.
 */
public record Expectations(Path file, List<String> expected, boolean schemaRejects) {

    public static final Path RESOURCES = Path.of("src/test/resources");

    /** Every fixture of a folder ("invalid" or "warnings"), sorted by name. */
    public static List<Expectations> in(String folder) {
        try (Stream<Path> s = Files.list(RESOURCES.resolve(folder))) {
            return s.filter(p -> p.toString().endsWith(".toml")).sorted().map(Expectations::of).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Expectations of(Path file) {
        try {
            List<String> expected = new ArrayList<>();
            boolean schema = false;
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith("# expect: ")) {
                    expected.add(line.substring("# expect: ".length()).strip());
                } else if (line.equals("# schema: reject")) {
                    schema = true;
                }
            }
            return new Expectations(file, List.copyOf(expected), schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return file.getFileName().toString();
    }
}
