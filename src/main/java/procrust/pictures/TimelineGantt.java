package procrust.pictures;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import procrust.plan.Times;
import procrust.plan.Timeline;

/**
 * The timeline as a Mermaid {@code gantt} chart: one section per id, one task per interval, in the
 * file's local wall-clock time (the zone is in the title), so the chart reads the same in any
 * browser. A task is named after its version; Mermaid ends a task name at its first colon, so the
 * colons of the version are written as dots ({@code 2024-10-01T12.00.00}).
 */
public final class TimelineGantt {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private TimelineGantt() {
    }

    public static String render(Timeline.Result t) {
        ZoneId zone = t.zone();
        StringBuilder sb = new StringBuilder();
        sb.append("gantt\n");
        sb.append("    title procrust timeline, ").append(zone.getId()).append(", from ")
                .append(Times.format(t.from(), zone)).append('\n');
        sb.append("    dateFormat YYYY-MM-DD HH:mm:ss\n");
        sb.append("    axisFormat %a %d\n");
        int task = 0;
        for (Timeline.Row row : t.rows()) {
            sb.append("    section ").append(row.id()).append('\n');
            for (Timeline.Interval i : row.intervals()) {
                sb.append("    ").append(i.version().replace(':', '.')).append(" :t").append(task++).append(", ")
                        .append(local(i.start(), zone)).append(", ").append(local(i.end(), zone)).append('\n');
            }
        }
        return sb.toString();
    }

    private static String local(Instant t, ZoneId zone) {
        return LOCAL.format(t.atZone(zone));
    }
}
