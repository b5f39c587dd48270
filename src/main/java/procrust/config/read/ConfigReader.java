package procrust.config.read;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;
import org.tomlj.TomlVersion;
import procrust.config.SourcePos;
import procrust.config.raw.RawConfig;
import procrust.config.raw.RawProcess;
import procrust.diag.Code;

/**
 * Reads a procrust file into a {@link RawConfig}: text, TOML syntax, unknown keys and value forms.
 * Problems go to the {@link Sink}; the raw config is null when the file is unreadable or not TOML.
 */
public final class ConfigReader {

    /** Syntax errors after the first are mostly echoes of it; a few are shown, the rest counted. */
    static final int MAX_SYNTAX_ERRORS = 5;

    static {
        // tomlj asserts on malformed unicode escapes, which its grammar already reports as syntax errors:
        // with -ea (tests, or a user's PROCRUST_JAVA_OPTS) the AssertionError would escape instead of the
        // diagnostic. Its classes load after this one, so this gives one behaviour in every mode.
        ClassLoader tomlj = Toml.class.getClassLoader();
        if (tomlj != null) {
            tomlj.setPackageAssertionStatus("org.tomlj", false);
        }
    }

    private ConfigReader() {
    }

    public static RawConfig read(Path file, Sink sink) {
        SourceText src = SourceText.read(file, sink);
        return src == null ? null : parse(src, sink);
    }

    /** Parses text already read. */
    public static RawConfig parse(SourceText src, Sink sink) {
        TomlParseResult toml;
        try {
            toml = Toml.parse(src.text(), TomlVersion.V1_0_0);
        } catch (StackOverflowError e) {
            sink.error(Code.TOML_SYNTAX, "is nested too deeply to read (arrays or inline tables inside each other "
                    + "thousands of levels deep): is it really a procrust file?", new SourcePos(1, 1), null, null);
            return null;
        } catch (RuntimeException | AssertionError e) {
            // a tomlj bug on malformed input (or one of its asserts, if assertions came on before the
            // static block above ran): still a syntax error, at the line that sets it off
            sink.error(Code.TOML_SYNTAX, "TOML syntax: this line cannot be read (the TOML parser failed on it: "
                    + e.getClass().getSimpleName() + "); check its quotes, brackets and date-times",
                    ParserCrash.locate(src.text()), null, null);
            return null;
        }
        if (toml.hasErrors()) {
            List<TomlParseError> errors = toml.errors();
            for (int i = 0; i < Math.min(MAX_SYNTAX_ERRORS, errors.size()); i++) {
                TomlParseError e = errors.get(i);
                SourcePos p = TableReader.position(e.position());
                sink.error(Code.TOML_SYNTAX, "TOML syntax: " + message(e), p.line() < 1 ? new SourcePos(1, 1) : p,
                        null, null);
            }
            return null;
        }
        return top(toml, src, sink);
    }

    private static String message(TomlParseError e) {
        String m = e.getMessage();
        // tomlj appends " (line L, column C)"; the position is printed separately
        int at = m.lastIndexOf(" (line ");
        return at > 0 && m.endsWith(")") ? m.substring(0, at) : m;
    }

    private static RawConfig top(TomlTable toml, SourceText src, Sink sink) {
        TableReader t = new TableReader(toml, new SourcePos(1, 1), "the top level", "", null, sink, src);
        t.keys(Keys.TOP);
        String uid = t.string("uid");
        String fileFormat = null;
        if (t.get("file_format") instanceof String) {
            fileFormat = t.string("file_format");
        } else if (t.get("file_format") != null) {
            t.invalid("file_format", "must be a string: write file_format = \"0\"");
        }
        String timezone = t.string("timezone");
        Long logMaxSize = t.size("log_max_size");
        Long logKeep = t.integer("log_keep");
        return new RawConfig(t.pos(), t.at(), uid, fileFormat, timezone, logMaxSize, logKeep,
                processes(t, toml, src, sink));
    }

    private static List<RawProcess> processes(TableReader top, TomlTable toml, SourceText src, Sink sink) {
        Object v = top.get("process");
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof TomlArray)) {
            top.invalid("process", "must be an array of tables: write each process under its own [[process]] "
                    + "header (two brackets)");
            return List.of();
        }
        TomlArray a = (TomlArray) v;
        List<RawProcess> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            Object e = a.get(i);
            SourcePos p = TableReader.position(a.inputPositionOf(i));
            if (!(e instanceof TomlTable)) {
                top.invalidAt(p, "process", "must hold tables: element " + (i + 1) + " is " + TableReader.typeName(e));
                continue;
            }
            TableReader pt = new TableReader((TomlTable) e, p, "[[process]]", "", null, sink, src);
            out.add(ProcessMapper.map(i, pt));
        }
        return out;
    }
}
