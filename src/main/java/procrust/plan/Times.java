package procrust.plan;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** How instants read in plans: ISO-8601 with the offset of the file's zone, to the second. */
public final class Times {

    private Times() {
    }

    /** {@code 2024-10-07T08:00:00+02:00}; null stays null. */
    public static String format(Instant t, ZoneId zone) {
        if (t == null) {
            return null;
        }
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
    }
}
