package procrust.config.read;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import procrust.config.ApplyOn;
import procrust.config.SourcePos;

/**
 * {@code apply_on}: an ISO-8601 string, local ({@code "2024-10-01T12:00:00"}, read in the file's
 * zone) or with an offset ({@code "...+02:00"}, {@code "...Z"}), or the same as a TOML date-time
 * literal. The version's name ({@link ApplyOn#text()}) is the text as written; for a literal it is
 * taken from the source line, with a space or lower-case {@code t}/{@code z} written in ISO form.
 */
final class DateTimes {

    static final String FORMS = "a date-time like \"2024-10-01T12:00:00\" (read in the file's timezone) "
            + "or \"2024-10-01T12:00:00+02:00\"";

    private static final Pattern LITERAL = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:[Zz]|[+-]\\d{2}:\\d{2})?");

    private DateTimes() {
    }

    /** From a string value. */
    static Parsed<ApplyOn> fromString(String text) {
        if (text.length() > 64) {
            return Parsed.fail("must be " + FORMS + "; got \"" + Durations.shorten(text) + "\"");
        }
        try {
            OffsetDateTime o = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            return Parsed.ok(new ApplyOn(text, o.toLocalDateTime(), o.getOffset()));
        } catch (DateTimeParseException e) {
            // not with an offset: try local
        }
        try {
            return Parsed.ok(new ApplyOn(text, LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME), null));
        } catch (DateTimeParseException e) {
            return Parsed.fail("must be " + FORMS + "; got \"" + text + "\"");
        }
    }

    /** From a TOML local date-time literal written after the key at {@code keyPos}. */
    static ApplyOn fromLiteral(LocalDateTime value, SourcePos keyPos, SourceText src) {
        String text = literalText(keyPos, src);
        return new ApplyOn(text != null ? text : value.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME), value, null);
    }

    /** From a TOML offset date-time literal written after the key at {@code keyPos}. */
    static ApplyOn fromLiteral(OffsetDateTime value, SourcePos keyPos, SourceText src) {
        String text = literalText(keyPos, src);
        return new ApplyOn(text != null ? text : value.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                value.toLocalDateTime(), value.getOffset());
    }

    private static String literalText(SourcePos keyPos, SourceText src) {
        if (src == null || keyPos == null || keyPos.line() < 1) {
            return null;
        }
        String line = src.line(keyPos.line());
        Matcher m = LITERAL.matcher(line);
        if (!m.find(Math.min(Math.max(0, keyPos.column() - 1), line.length()))) {
            return null;
        }
        char[] c = m.group().toCharArray();
        c[10] = 'T';
        if (Character.toLowerCase(c[c.length - 1]) == 'z') {
            c[c.length - 1] = 'Z';
        }
        return new String(c);
    }
}
