package procrust.diag;

/**
 * Makes text from a file or a command line safe to print on one line of a terminal: line breaks, tabs,
 * other control characters (C0, DEL, C1, among them the ESC of terminal escape sequences), Unicode line and
 * paragraph separators, bidirectional overrides and isolates (which reorder what is shown) and unpaired
 * surrogates are written as {@code \n}, {@code \r}, {@code \t} or {@code \\uXXXX}. Everything else,
 * look-alike letters included, is kept: it is printable and shown as it is.
 */
public final class Printable {

    private Printable() {
    }

    /** {@code s} with every unsafe character escaped; null stays null; the same string when nothing is. */
    public static String of(String s) {
        if (s == null) {
            return null;
        }
        int i = 0;
        while (i < s.length() && safe(s, i)) {
            i += Character.isHighSurrogate(s.charAt(i)) ? 2 : 1;
        }
        if (i >= s.length()) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, i);
        while (i < s.length()) {
            char c = s.charAt(i);
            if (safe(s, i)) {
                boolean pair = Character.isHighSurrogate(c);
                sb.append(c);
                if (pair) {
                    sb.append(s.charAt(i + 1));
                }
                i += pair ? 2 : 1;
                continue;
            }
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(String.format("\\u%04X", (int) c));
            }
            i++;
        }
        return sb.toString();
    }

    private static boolean safe(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return !(Character.isISOControl(c) || Character.isSurrogate(c) || c == '\u2028' || c == '\u2029'
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200E' || c == '\u200F' || c == '\u061C');
    }
}
