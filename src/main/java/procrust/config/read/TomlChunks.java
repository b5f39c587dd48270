package procrust.config.read;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlVersion;

/**
 * Parses a large file as pieces: the top part, then pieces that each start at a line beginning with
 * {@code [[process]]}, parsed in parallel. tomlj (ANTLR) keeps the whole parse tree of a document in memory while it
 * builds the tables, which costs about 1.4 GiB and seconds of garbage collection for a file of 30,000
 * processes; the same text in pieces parses in a fraction of the time and memory.
 *
 * <p>The result is the same as one parse or the split is not used: every piece must parse without
 * error (a split inside a multi-line string leaves an unterminated string in the piece before it),
 * the top part must not hold {@code process}, and each later piece must hold nothing but its
 * {@code process} array. Otherwise {@link #parse} returns null and the caller parses the whole text,
 * which also gives the exact syntax errors.
 */
final class TomlChunks {

    /** Below this size one parse is as quick; pieces only pay off for large files. */
    static final int MIN_LENGTH = 64 * 1024;

    /**
     * Processes per piece: pieces this small parse with little garbage; much larger ones bring back
     * the memory growth (measured: 16-64 alike, 1024 several times the collection time).
     */
    static final int PER_PIECE = 32;

    private static final Pattern HEADER = Pattern.compile("(?m)^[ \\t]*\\[\\[[ \\t]*process[ \\t]*\\]\\]");

    /** A piece of the text: [start, end) and the number of lines before it in the file. */
    record Bounds(int start, int end, int lineOffset) {
    }

    private TomlChunks() {
    }

    /**
     * The pieces of a large text: the top part first (possibly empty), then one piece per
     * {@link #PER_PIECE} {@code [[process]]} headers. Null for a text too small to be worth it.
     */
    static List<Bounds> split(String text) {
        if (text.length() < MIN_LENGTH) {
            return null;
        }
        List<int[]> starts = new ArrayList<>(); // {start offset, lines before it}
        starts.add(new int[] {0, 0});
        Matcher m = HEADER.matcher(text);
        int headers = 0;
        int lineAt = 0;
        int counted = 0;
        while (m.find()) {
            if (headers++ % PER_PIECE == 0) {
                lineAt += lines(text, counted, m.start());
                counted = m.start();
                starts.add(new int[] {m.start(), lineAt});
            }
        }
        List<Bounds> out = new ArrayList<>(starts.size());
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : text.length();
            out.add(new Bounds(starts.get(i)[0], end, starts.get(i)[1]));
        }
        return out;
    }

    /** Parses one piece; null when it must not be used (a syntax error, or keys it may not hold). */
    static TomlParseResult parse(String text, Bounds b, boolean top) {
        TomlParseResult toml = Toml.parse(text.substring(b.start(), b.end()), TomlVersion.V1_0_0);
        return toml.hasErrors() || !fits(toml, top) ? null : toml;
    }

    private static boolean fits(TomlParseResult toml, boolean top) {
        if (top) {
            return !toml.contains(List.of("process"));
        }
        return toml.size() == 1 && toml.isArray(List.of("process"));
    }

    private static int lines(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
