package procrust.config.read;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlVersion;

/**
 * The {@code uid} of a file that may be invalid, where it parses that far: {@code status}, {@code logs},
 * {@code stop} and {@code tui} still need to know whose services to show when an edit broke the file.
 * The whole text is tried first (a file whose only problems are semantic has a uid); on a syntax error,
 * the lines before the first error. Only a well-formed UUID is taken.
 */
public final class UidProbe {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** Larger files are not read for this (the loader's own limit is far below). */
    private static final long MAX_BYTES = 64L << 20;

    private UidProbe() {
    }

    public static Optional<String> of(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                return Optional.empty();
            }
            return ofText(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static Optional<String> ofText(String text) {
        Optional<String> whole = uid(Toml.parse(text, TomlVersion.V1_0_0));
        if (whole.isPresent()) {
            return whole;
        }
        TomlParseResult r = Toml.parse(text, TomlVersion.V1_0_0);
        if (!r.hasErrors()) {
            return Optional.empty();
        }
        int line = r.errors().get(0).position() == null ? 0 : r.errors().get(0).position().line();
        int cut = 0;
        for (int i = 1; i < line && cut >= 0; i++) {
            cut = text.indexOf('\n', cut) + 1;
            if (cut == 0) {
                return Optional.empty();
            }
        }
        return line <= 1 ? Optional.empty() : uid(Toml.parse(text.substring(0, cut), TomlVersion.V1_0_0));
    }

    private static Optional<String> uid(TomlParseResult r) {
        try {
            Object v = r.get("uid");
            return v instanceof String s && UUID.matcher(s).matches() ? Optional.of(s) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
