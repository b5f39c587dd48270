package procrust.reconcile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import procrust.logs.LogFiles;
import procrust.logs.LogMarker;

/**
 * The event log of apply, and beside it a marker line in the service's own log at each start and
 * each end apply sees ({@link LogMarker}): reading a service's log alone, an operator sees where one
 * run ends and the next begins, and why. Markers are best effort: a log that cannot be written to is
 * the service's problem too, and never stops apply.
 */
final class LogMarks implements EventLog {

    /** Events that end a run (or a start that never ran), marked with the first clause of their note. */
    private static final Set<String> ENDS = Set.of("exited", "crashed", "completed", "failed", "start-failed",
            "stopped");
    private static final Pattern PID = Pattern.compile("^pid (\\d+)");
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private final EventLog inner;
    private final Path logDir;
    private final Clock clock;

    LogMarks(EventLog inner, Path logDir, Clock clock) {
        this.inner = inner;
        this.logDir = logDir;
        this.clock = clock;
    }

    @Override
    public void log(Level level, String event, Key key, String message) {
        inner.log(level, event, key, message);
        String text = key == null || message == null ? null : marker(event, key, message);
        if (text == null) {
            return;
        }
        try {
            LogMarker.append(LogFiles.fileFor(logDir, key.id()),
                    TS.format(OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS)) + " " + text);
        } catch (IOException | RuntimeException e) {
            inner.log(Level.DEBUG, "log-marker", key, "cannot mark the log: " + e.getMessage());
        }
    }

    /** The marker for an event of apply's log, or null when the event gets none. */
    static String marker(String event, Key key, String message) {
        if ("spawned".equals(event)) {
            Matcher m = PID.matcher(message);
            return m.find() ? "started pid " + m.group(1) + " (version " + key.version() + ")" : null;
        }
        if (!ENDS.contains(event)) {
            return null;
        }
        return firstClause(message) + " (version " + key.version() + ")";
    }

    /** The message up to its first {@code ;} outside parentheses and back-quotes. */
    static String firstClause(String message) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c == '`') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (!quoted && depth == 0 && c == ';') {
                return message.substring(0, i).trim();
            }
        }
        return message.trim();
    }
}
