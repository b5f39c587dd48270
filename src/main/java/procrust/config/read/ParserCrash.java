package procrust.config.read;

import org.tomlj.Toml;
import org.tomlj.TomlVersion;
import procrust.config.SourcePos;

/**
 * Where tomlj threw instead of reporting a syntax error (fuzzing found {@code 1997-09-09T09:09:09.09+09]}
 * making it throw NullPointerException). The parser gives no position then, so the smallest prefix of whole
 * lines that still makes it throw is searched for (a binary search: a handful of parses, only on this rare
 * path); its last line is where the file breaks the parser.
 */
final class ParserCrash {

    private ParserCrash() {
    }

    /** The 1-based line whose addition makes the parser throw; line 1 when no prefix alone does. */
    static SourcePos locate(String text) {
        int[] ends = lineEnds(text);
        int lo = 1;
        int hi = ends.length; // the whole text throws
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (throwsOn(text.substring(0, ends[mid - 1]))) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return new SourcePos(lo, 1);
    }

    /** Offsets just past each line (its line end included). */
    private static int[] lineEnds(String text) {
        int n = 1;
        for (int i = 0; i < text.length() - 1; i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        int[] ends = new int[n];
        int k = 0;
        for (int i = 0; i < text.length() - 1 && k < n - 1; i++) {
            if (text.charAt(i) == '\n') {
                ends[k++] = i + 1;
            }
        }
        ends[n - 1] = text.length();
        return ends;
    }

    private static boolean throwsOn(String prefix) {
        try {
            Toml.parse(prefix, TomlVersion.V1_0_0);
            return false;
        } catch (RuntimeException | AssertionError | StackOverflowError e) {
            return true;
        }
    }
}
