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
        // tomlj asserts on some input it then reports as a syntax error (a bad unicode escape); with
        // assertions on (-ea, as in tests) that assert would hide the syntax error from the user
        ClassLoader loader = Toml.class.getClassLoader();
        if (loader != null) {
            loader.setPackageAssertionStatus("org.tomlj", false);
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
        return parse(src, sink, true);
    }

    /** {@code inPieces} false forces one parse of the whole text (tests compare both ways). */
    static RawConfig parse(SourceText src, Sink sink, boolean inPieces) {
        List<TomlChunks.Piece> pieces;
        try {
            pieces = inPieces ? TomlChunks.split(src.text()) : null;
            if (pieces == null) {
                TomlParseResult toml = Toml.parse(src.text(), TomlVersion.V1_0_0);
                if (toml.hasErrors()) {
                    syntaxErrors(toml.errors(), sink);
                    return null;
                }
                pieces = List.of(new TomlChunks.Piece(toml, 0));
            }
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
        // outside the catch: a bug of ours in reading the tables must surface (and be found by fuzzing),
        // not pass for a syntax error of the user's
        return map(pieces, src, sink);
    }

    private static void syntaxErrors(List<TomlParseError> errors, Sink sink) {
        for (int i = 0; i < Math.min(MAX_SYNTAX_ERRORS, errors.size()); i++) {
            TomlParseError e = errors.get(i);
            SourcePos p = e.position() == null || e.position().line() < 1 ? new SourcePos(1, 1)
                    : new SourcePos(e.position().line(), e.position().column());
            sink.error(Code.TOML_SYNTAX, "TOML syntax: " + message(e), p, null, null);
        }
    }

    private static String message(TomlParseError e) {
        String m = e.getMessage();
        // tomlj appends " (line L, column C)"; the position is printed separately
        int at = m.lastIndexOf(" (line ");
        return at > 0 && m.endsWith(")") ? m.substring(0, at) : m;
    }

    /** The top piece's keys, then the processes of every piece in order. */
    private static RawConfig map(List<TomlChunks.Piece> pieces, SourceText src, Sink sink) {
        TableReader t = new TableReader(pieces.get(0).toml(), new SourcePos(1, 1), "the top level", "", null, sink, src, 0);
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
        List<RawProcess> processes = new ArrayList<>();
        processes(t, t.get("process"), processes, src, sink, 0);
        for (int i = 1; i < pieces.size(); i++) {
            TomlChunks.Piece piece = pieces.get(i);
            TableReader pt = new TableReader(piece.toml(), new SourcePos(1, 1), "the top level", "", null, sink, src,
                    piece.lineOffset());
            pt.keys(Keys.TOP);
            t.at().putIfAbsent("process", pt.at().get("process"));
            processes(pt, pt.get("process"), processes, src, sink, piece.lineOffset());
        }
        return new RawConfig(t.pos(), t.at(), uid, fileFormat, timezone, logMaxSize, logKeep, processes);
    }

    private static void processes(TableReader top, Object v, List<RawProcess> out, SourceText src, Sink sink,
                                  int lineOffset) {
        if (v == null) {
            return;
        }
        if (!(v instanceof TomlArray)) {
            top.invalid("process", "must be an array of tables: write each process under its own [[process]] "
                    + "header (two brackets)");
            return;
        }
        TomlArray a = (TomlArray) v;
        for (int i = 0; i < a.size(); i++) {
            Object e = a.get(i);
            SourcePos p = top.position(a.inputPositionOf(i));
            if (!(e instanceof TomlTable)) {
                top.invalidAt(p, "process", "must hold tables: element " + (i + 1) + " is " + TableReader.typeName(e));
                continue;
            }
            TableReader pt = new TableReader((TomlTable) e, p, "[[process]]", "", null, sink, src, lineOffset);
            out.add(ProcessMapper.map(out.size(), pt));
        }
    }
}
