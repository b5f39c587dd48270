package procrust.reconcile;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Writes events as lines: {@code 2025-03-01T08:00:00.123+01:00 INFO  started web@2024-10-01T12:00:00 pid 4242: reason}.
 * Local time with its offset, to the millisecond. DEBUG lines only when verbose.
 */
public final class LineEventLog implements EventLog {

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private final PrintWriter out;
    private final Clock clock;
    private final boolean verbose;

    public LineEventLog(PrintWriter out, Clock clock, boolean verbose) {
        this.out = out;
        this.clock = clock;
        this.verbose = verbose;
    }

    /** One formatted line (no newline). */
    public static String format(OffsetDateTime at, Level level, String event, Key key, String message) {
        StringBuilder sb = new StringBuilder(120);
        sb.append(TS.format(at.truncatedTo(ChronoUnit.MILLIS))).append(' ');
        String lv = level.name();
        sb.append(lv).append(" ".repeat(Math.max(1, 6 - lv.length())));
        sb.append(event);
        if (key != null) {
            sb.append(' ').append(key);
        }
        if (message != null && !message.isEmpty()) {
            sb.append(": ").append(message.replace('\n', ' '));
        }
        return sb.toString();
    }

    @Override
    public void log(Level level, String event, Key key, String message) {
        if (level == Level.DEBUG && !verbose) {
            return;
        }
        String line = format(OffsetDateTime.now(clock), level, event, key, message);
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
