package procrust.config.read;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte sizes: an integer number of bytes or a string {@code <integer><unit>}: {@code B}, {@code KB MB
 * GB} (powers of 1000), {@code KiB MiB GiB} and the short {@code K M G} (powers of 1024, as systemd
 * reads them); units are case-insensitive, a space before the unit is allowed.
 */
final class Sizes {

    static final String FORMS = "a size: an integer number of bytes or a string like \"10MiB\", \"500KB\" or \"1G\"";

    private static final Pattern SIZE = Pattern.compile("(\\d{1,18})\\s?([A-Za-z]*)");

    private Sizes() {
    }

    static Parsed<Long> parse(String text) {
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            return Parsed.fail("must be " + FORMS + "; got \"" + Durations.shorten(text) + "\"");
        }
        long factor;
        switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "":
            case "b": factor = 1L; break;
            case "kb": factor = 1000L; break;
            case "mb": factor = 1000L * 1000; break;
            case "gb": factor = 1000L * 1000 * 1000; break;
            case "k":
            case "kib": factor = 1024L; break;
            case "m":
            case "mib": factor = 1024L * 1024; break;
            case "g":
            case "gib": factor = 1024L * 1024 * 1024; break;
            default:
                return Parsed.fail("has an unknown unit \"" + m.group(2) + "\": use B, KB, MB, GB, KiB, MiB or GiB");
        }
        try {
            return Parsed.ok(Math.multiplyExact(Long.parseLong(m.group(1)), factor));
        } catch (ArithmeticException e) {
            return Parsed.fail("is too large: \"" + Durations.shorten(text) + "\"");
        }
    }
}
