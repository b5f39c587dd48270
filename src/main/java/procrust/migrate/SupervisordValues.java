package procrust.migrate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The value syntaxes of supervisord's keys: {@code KEY="val",KEY2=val2}, sizes, booleans. */
final class SupervisordValues {

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(KB|MB|GB)?", Pattern.CASE_INSENSITIVE);

    private SupervisordValues() {
    }

    /**
     * supervisord's {@code environment}: comma-separated {@code KEY=value} pairs, a value in single or
     * double quotes may hold commas; the quotes are removed.
     *
     * @throws IllegalArgumentException naming the pair that has no {@code =}
     */
    static Map<String, String> keyValuePairs(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        StringBuilder item = new StringBuilder();
        char quote = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ',';
            if (quote != 0) {
                item.append(c);
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                item.append(c);
            } else if (c == ',' || i == text.length()) {
                String pair = item.toString().strip();
                item.setLength(0);
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("\"" + pair + "\" is not KEY=value");
                }
                out.put(pair.substring(0, eq).strip(), unquote(pair.substring(eq + 1).strip()));
            } else {
                item.append(c);
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("a quote " + quote + " is not closed");
        }
        return out;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    /** supervisord's booleans. */
    static Boolean bool(String v) {
        return switch (Supervisord.lower(v)) {
            case "true", "yes", "on", "1" -> Boolean.TRUE;
            case "false", "no", "off", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** supervisord's byte size (KB, MB, GB are powers of 1024) as a procrust size, or null when 0 or not a size. */
    static String size(String v) {
        Matcher m = SIZE.matcher(v.strip());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            return null;
        }
        String unit = m.group(2) == null ? "" : switch (m.group(2).toUpperCase(java.util.Locale.ROOT)) {
            case "KB" -> "KiB";
            case "MB" -> "MiB";
            default -> "GiB";
        };
        return m.group(1) + unit;
    }
}
