package procrust.migrate;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * supervisord's expansions: Python's {@code value % {names}} over the names supervisord gives
 * ({@code here}, {@code program_name}, {@code process_num}, {@code ENV_X} ...): {@code %(name)s},
 * {@code %(name)02d} and the like, and {@code %%} for a percent sign. A name that is not known stays
 * as written and is reported back, so the importer can note it.
 */
final class PercentExpansion {

    private static final Pattern SPEC = Pattern.compile("%%|%\\(([^)]*)\\)([#0 +-]*)(\\d*)(?:\\.(\\d+))?([sdirf])");

    /** The result of one expansion: the text and the first unknown name, or null. */
    record Result(String text, String unknown) {
    }

    private PercentExpansion() {
    }

    static Result expand(String value, Map<String, String> names) {
        if (value.indexOf('%') < 0) {
            return new Result(value, null);
        }
        Matcher m = SPEC.matcher(value);
        StringBuilder b = new StringBuilder();
        String unknown = null;
        while (m.find()) {
            String replacement;
            if (m.group().equals("%%")) {
                replacement = "%";
            } else {
                String v = names.get(m.group(1));
                if (v == null) {
                    replacement = m.group();
                    unknown = unknown == null ? m.group(1) : unknown;
                } else {
                    replacement = format(v, m.group(2), m.group(3), m.group(5));
                }
            }
            m.appendReplacement(b, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(b);
        return new Result(b.toString(), unknown);
    }

    private static String format(String v, String flags, String width, String type) {
        String s = v;
        if ("di".contains(type)) {
            try {
                s = Long.toString(Long.parseLong(v.strip()));
            } catch (NumberFormatException e) {
                return v; // Python would fail; keep the value
            }
        }
        int w = width.isEmpty() ? 0 : Integer.parseInt(width);
        if (s.length() >= w) {
            return s;
        }
        boolean left = flags.contains("-");
        char pad = flags.contains("0") && !left && "di".contains(type) ? '0' : ' ';
        String fill = String.valueOf(pad).repeat(w - s.length());
        if (left) {
            return s + fill;
        }
        if (pad == '0' && s.startsWith("-")) {
            return "-" + fill + s.substring(1);
        }
        return fill + s;
    }
}
