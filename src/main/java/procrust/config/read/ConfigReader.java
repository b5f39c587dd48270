package procrust.config.read;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
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
        // tomlj asserts on some input it then reports as a syntax error (a bad unicode escape); run
        // with -ea (as in tests), that assert would hide the syntax error from the user
        ClassLoader loader = Toml.class.getClassLoader();
        if (loader != null) {
            loader.setPackageAssertionStatus("org.tomlj", false);
        }
    }

    private ConfigReader() {
    }

    /**
     * A small file with the forms procrust files use (tables, arrays of tables, inline tables, strings,
     * integers, date-times, arrays): parsing it once fills tomlj's ANTLR lexer and parser caches.
     */
    private static final String WARM_UP = """
            uid = "00000000-0000-4000-8000-000000000000"
            file_format = "0"
            timezone = "UTC"
            [[process]]
            id = "a-1"
            command = "exec sleep 1 && echo 'x'"
            apply_on = "2024-01-01T00:00:00"
            depends_on = ["b"]
            env = { A = "1", B_2 = '2' }
            [process.schedule]
            start_time = "08:00"
            stop_time = 18:00:00
            week_days = ["mon-fri", "sat"]
            [process.restart]
            policy = "always"
            max_attempts = 3
            delay = 1.5
            [[process]]
            id = "b"
            command = \"""true\"""
            apply_on = 2024-01-01T00:00:00Z
            ready = true
            """;

    /**
     * Starts parsing a small built-in file on a background thread, so that tomlj's ANTLR tables are set
     * up (its lexer and parser build them at their first use: 30-50 ms of a status or plan start-up)
     * while picocli sets itself up on the main thread. Optional; the result is discarded, and a file
     * read meanwhile parses the same, only sooner.
     */
    public static void warmUp() {
        Thread t = new Thread(() -> Toml.parse(WARM_UP, TomlVersion.V1_0_0), "toml-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /** Reads and maps {@code file}; no check of the entries beyond their form. */
    public static RawConfig read(Path file, Sink sink) {
        return read(file, sink, (p, s) -> { });
    }

    /**
     * Reads and maps {@code file}, running {@code check} on every entry as soon as it is mapped (for
     * a large file, on the parallel threads that parse it).
     */
    public static RawConfig read(Path file, Sink sink, EntryCheck check) {
        SourceText src = SourceText.read(file, sink);
        return src == null ? null : parse(src, sink, true, check);
    }

    /** Reads {@code file} as text; on failure reports one diagnostic to {@code sink} and returns null. */
    public static SourceText text(Path file, Sink sink) {
        return SourceText.read(file, sink);
    }

    /** Parses and maps text already read, running {@code check} on every entry as {@link #read} does. */
    public static RawConfig parse(SourceText src, Sink sink, EntryCheck check) {
        return parse(src, sink, true, check);
    }

    /**
     * True when {@link #parse} reads {@code src} in pieces on parallel threads (a large text), running
     * its entry check on those threads; false when it parses the whole text on the caller's thread.
     */
    public static boolean inPieces(SourceText src) {
        return src.text().length() >= TomlChunks.MIN_LENGTH;
    }

    /** Parses text already read. */
    public static RawConfig parse(SourceText src, Sink sink) {
        return parse(src, sink, true, (p, s) -> { });
    }

    /** {@code inPieces} false forces one parse of the whole text (tests compare both ways). */
    static RawConfig parse(SourceText src, Sink sink, boolean inPieces) {
        return parse(src, sink, inPieces, (p, s) -> { });
    }

    private static RawConfig parse(SourceText src, Sink sink, boolean inPieces, EntryCheck check) {
        try {
            List<TomlChunks.Bounds> bounds = inPieces ? TomlChunks.split(src.text()) : null;
            if (bounds != null) {
                RawConfig raw = inPieces(bounds, src, sink, check);
                if (raw != null) {
                    return raw;
                }
            }
            TomlParseResult toml;
            try {
                toml = Toml.parse(src.text(), TomlVersion.V1_0_0);
            } catch (RuntimeException | AssertionError e) {
                // a tomlj bug on malformed input (fuzzing found some): still a syntax error, at the line
                // that sets it off; only the parse is caught, a bug of ours in reading the tables surfaces
                sink.error(Code.TOML_SYNTAX, "TOML syntax: this line cannot be read (the TOML parser failed on it: "
                        + e.getClass().getSimpleName() + "); check its quotes, brackets and date-times",
                        ParserCrash.locate(src.text()), null, null);
                return null;
            }
            if (toml.hasErrors()) {
                syntaxErrors(toml.errors(), sink);
                return null;
            }
            TableReader top = top(toml, sink, src, 0);
            List<RawProcess> processes = new ArrayList<>();
            processes(top, top.get("process"), processes, src, sink, 0, check);
            return config(top, processes);
        } catch (StackOverflowError e) {
            sink.error(Code.TOML_SYNTAX, "is nested too deeply to read (arrays or inline tables inside each other "
                    + "thousands of levels deep): is it really a procrust file?", new SourcePos(1, 1), null, null);
            return null;
        }
    }

    /**
     * What one piece gave: usable or not, the top table (first piece only), where its {@code process}
     * key is, its entries (numbered from 0) and their diagnostics. The tomlj tree of a process piece is
     * not kept: for a large file those trees would double the memory.
     */
    private record PieceResult(boolean usable, TomlParseResult top, SourcePos processAt, List<RawProcess> processes,
                               Sink sink) {
    }

    /**
     * Parses, maps and checks the pieces in parallel; null when a piece is unusable (the caller then
     * parses the whole text).
     */
    private static RawConfig inPieces(List<TomlChunks.Bounds> bounds, SourceText src, Sink sink, EntryCheck check) {
        String text = src.text();
        List<PieceResult> results = IntStream.range(0, bounds.size()).parallel().mapToObj(i -> {
            TomlChunks.Bounds b = bounds.get(i);
            TomlParseResult toml;
            try {
                toml = TomlChunks.parse(text, b, i == 0);
            } catch (StackOverflowError | RuntimeException | AssertionError e) {
                toml = null; // unusable piece: the whole text is parsed again and reported from there
            }
            if (toml == null || i == 0) {
                return new PieceResult(toml != null, toml, null, List.of(), null);
            }
            Sink pieceSink = new Sink(sink.file());
            TableReader pt = top(toml, pieceSink, src, b.lineOffset());
            List<RawProcess> processes = new ArrayList<>();
            processes(pt, pt.get("process"), processes, src, pieceSink, b.lineOffset(), check);
            return new PieceResult(true, null, pt.at().get("process"), processes, pieceSink);
        }).toList();
        if (results.stream().anyMatch(r -> !r.usable())) {
            return null;
        }
        TableReader top = top(results.get(0).top(), sink, src, 0);
        List<RawProcess> processes = new ArrayList<>();
        for (PieceResult r : results.subList(1, results.size())) {
            top.at().putIfAbsent("process", r.processAt());
            for (RawProcess p : r.processes()) {
                processes.add(p.index() == processes.size() ? p : p.withIndex(processes.size()));
            }
            sink.addAll(r.sink().diagnostics());
        }
        return config(top, processes);
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

    /** A reader of a piece's top table, its keys checked. */
    private static TableReader top(TomlTable toml, Sink sink, SourceText src, int lineOffset) {
        TableReader t = new TableReader(toml, new SourcePos(1, 1), "the top level", "", null, sink, src, lineOffset);
        t.keys(Keys.TOP);
        return t;
    }

    /** The top-level values, with the processes already mapped. */
    private static RawConfig config(TableReader t, List<RawProcess> processes) {
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
        String logGroup = t.string("log_group");
        return new RawConfig(t.pos(), t.at(), uid, fileFormat, timezone, logMaxSize, logKeep, logGroup, processes,
                RunAsReader.read(t, false), HookMapper.map(t, t.get("hook")));
    }

    private static void processes(TableReader top, Object v, List<RawProcess> out, SourceText src, Sink sink,
                                  int lineOffset, EntryCheck check) {
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
            RawProcess entry = ProcessMapper.map(out.size(), pt);
            check.check(entry, sink);
            out.add(entry);
        }
    }
}
