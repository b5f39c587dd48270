package procrust.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/**
 * A date-time given on the command line ({@code plan --at}): ISO-8601 with an offset
 * ({@code 2024-10-07T08:00:00+02:00}, {@code ...Z}), or local ({@code 2024-10-07T08:00[:00]}, or a bare
 * date meaning its midnight) read in the file's zone, which is known only once the file is read.
 */
record DateTimeArg(String text, OffsetDateTime offset, LocalDateTime local) {

    /** The instant meant, local forms read in {@code zone} (a time in a DST gap moves later by the gap). */
    Instant toInstant(ZoneId zone) {
        return offset != null ? offset.toInstant() : ZonedDateTime.of(local, zone).toInstant();
    }

    static DateTimeArg parse(String text) {
        String s = text.trim();
        try {
            return new DateTimeArg(text, OffsetDateTime.parse(s), null);
        } catch (DateTimeParseException notOffset) {
            // try the local forms
        }
        try {
            return new DateTimeArg(text, null, LocalDateTime.parse(s));
        } catch (DateTimeParseException notLocal) {
            // try a bare date
        }
        try {
            return new DateTimeArg(text, null, LocalDate.parse(s).atStartOfDay());
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not an ISO-8601 date-time: use "
                    + "2024-10-07T08:00:00 (read in the file's timezone), 2024-10-07T08:00:00+02:00 or 2024-10-07");
        }
    }

    /** picocli converter for options of this type. */
    static final class Converter implements CommandLine.ITypeConverter<DateTimeArg> {
        @Override
        public DateTimeArg convert(String value) {
            return parse(value);
        }
    }
}
