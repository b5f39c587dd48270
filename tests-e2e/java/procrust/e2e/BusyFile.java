package procrust.e2e;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A file that keeps apply busy for a while (times in UTC, the {@link Host} header's zone): a service with
 * grandchildren, one behind a health check with a dependent, one crashing every second, one that ignores
 * SIGTERM, and new versions every few seconds (of a plain service, of one whose daily window opens and
 * closes within each version, of the SIGTERM-ignoring one, and of a oneshot), all listed up front from
 * {@code t0}. Health-check probes run {@code sleep 0.317} ({@link #PROBE}) so a census can tell them
 * from services.
 */
final class BusyFile {

    static final String PROBE = "sleep 0.317";
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private BusyFile() {
    }

    /**
     * The file for a run from {@code t0} lasting {@code span}; with {@code settle}, only versions up to
     * {@code until} and a crasher that no longer crashes (for a final state that can be reached).
     */
    static String text(Instant t0, Duration span, Instant until, boolean settle) {
        StringBuilder sb = new StringBuilder();
        String past = "2024-10-01T12:00:00";
        entry(sb, "steady", "exec sleep 1000", past, "");
        entry(sb, "tree", "sleep 1000 & sleep 1001 & wait", past, "stop_timeout = \"3s\"\n");
        entry(sb, "checked", "exec sleep 1002", past, "start_health_check = { command = \"" + PROBE
                + "\", interval = \"100ms\", timeout = \"10s\" }\n");
        entry(sb, "dep", "exec sleep 1003", past, "depends_on = [\"checked\"]\n");
        entry(sb, "crasher", settle ? "exec sleep 1004" : "sleep 1; exit 3", past,
                "restart = { delay = \"100ms\", max_delay = \"400ms\", max_attempts = 1000000 }\n");
        versions(sb, "versioned", "exec sleep 1005", t0, Duration.ofSeconds(7), span, until, w -> "");
        versions(sb, "windowed", "exec sleep 1006", t0, Duration.ofSeconds(13), span, until, at -> {
            LocalDateTime open = LocalDateTime.ofInstant(at.plusSeconds(3), ZoneOffset.UTC);
            return "schedule = { start_time = \"" + TIME.format(open) + "\", stop_time = \""
                    + TIME.format(open.plusSeconds(6)) + "\" }\n";
        });
        versions(sb, "stubborn", "trap '' TERM; while :; do sleep 1; done", t0, Duration.ofSeconds(11), span, until,
                at -> "stop_timeout = \"1s\"\n");
        versions(sb, "job", "sleep 0.5", t0, Duration.ofSeconds(9), span, until, at -> "type = \"oneshot\"\n");
        return sb.toString();
    }

    private static void versions(StringBuilder sb, String id, String command, Instant t0, Duration every,
                                 Duration span, Instant until, java.util.function.Function<Instant, String> extra) {
        entry(sb, id, command, "2024-10-01T12:00:00", extra.apply(t0.minus(Duration.ofDays(1))));
        for (Instant at = t0.plus(every); !at.isAfter(t0.plus(span)) && !at.isAfter(until); at = at.plus(every)) {
            entry(sb, id, command, AT.format(LocalDateTime.ofInstant(at, ZoneOffset.UTC)), extra.apply(at));
        }
    }

    private static void entry(StringBuilder sb, String id, String command, String applyOn, String extra) {
        sb.append("[[process]]\nid = \"").append(id).append("\"\ncommand = \"").append(command.replace("\"", "\\\""))
                .append("\"\napply_on = \"").append(applyOn).append("\"\n").append(extra).append('\n');
    }
}
