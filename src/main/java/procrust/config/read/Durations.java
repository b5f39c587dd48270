package procrust.config.read;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Duration strings: one or more {@code <number><unit>} parts, as in {@code "500ms"}, {@code "30s"},
 * {@code "1m30s"}, {@code "2h"}, {@code "1.5s"}; units {@code ns us ms s m h d}. {@code "0"} alone is
 * zero. The integer and {@code { secs, nanos }} forms are read by the table reader.
 */
public final class Durations {

    static final String FORMS = "a duration: a string like \"500ms\", \"30s\", \"1m30s\" or \"2h\", "
            + "an integer number of seconds, or { secs = 30, nanos = 0 }";

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h|d)");

    private Durations() {
    }

    /**
     * A duration written as in the file ("30s", "1m30s", "500ms", "2h", or a number of seconds), for
     * command-line options; {@link IllegalArgumentException} with what is wrong otherwise.
     */
    public static Duration parseOption(String text) {
        String s = text.strip();
        Parsed<Duration> p = s.chars().allMatch(Character::isDigit) && !s.isEmpty() && s.length() < 10
                ? Parsed.ok(Duration.ofSeconds(Long.parseLong(s))) : parse(s);
        if (!p.ok()) {
            throw new IllegalArgumentException(p.error());
        }
        return p.value();
    }

    static Parsed<Duration> parse(String text) {
        String s = text.strip();
        if (s.equals("0")) {
            return Parsed.ok(Duration.ZERO);
        }
        if (s.isEmpty() || s.length() > 64) {
            return Parsed.fail("must be " + FORMS + "; got \"" + shorten(text) + "\"");
        }
        Matcher m = PART.matcher(s);
        BigDecimal nanos = BigDecimal.ZERO;
        int at = 0;
        while (at < s.length()) {
            if (!m.find(at) || m.start() != at) {
                return Parsed.fail("must be " + FORMS + "; got \"" + shorten(text) + "\"");
            }
            nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitNanos(m.group(2)))));
            at = m.end();
        }
        try {
            return Parsed.ok(Duration.ofNanos(nanos.longValueExact()));
        } catch (ArithmeticException e) {
            return Parsed.fail("is too long or too precise: \"" + shorten(text) + "\" (use at most nanosecond precision and under 292 years)");
        }
    }

    private static long unitNanos(String unit) {
        switch (unit) {
            case "ns": return 1L;
            case "us":
            case "µs": return 1_000L;
            case "ms": return 1_000_000L;
            case "s": return 1_000_000_000L;
            case "m": return 60_000_000_000L;
            case "h": return 3_600_000_000_000L;
            default: return 86_400_000_000_000L; // d
        }
    }

    static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
