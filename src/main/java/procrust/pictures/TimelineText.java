package procrust.pictures;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import procrust.plan.Times;
import procrust.plan.Timeline;

/**
 * The timeline as text, at most {@link #WIDTH} columns: one row per id, each day a small bar of cells
 * in the file's local time ({@code █} wanted the whole cell, {@code ▒} part of it, {@code ·} not),
 * then the version switches. A cell is a fixed slice of the local day (3 h for a week), so a 23 h or
 * 25 h DST day has the same cells over its own hours. Many days are drawn in blocks of rows.
 */
public final class TimelineText {

    static final int WIDTH = 100;
    private static final int MAX_ID = 20;
    private static final int[] CELLS = {24, 12, 8, 6, 4, 3, 2, 1};
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ROOT);

    private TimelineText() {
    }

    public static String render(Timeline.Result t) {
        ZoneId zone = t.zone();
        LocalDate first = LocalDate.ofInstant(t.from(), zone);
        LocalDate last = LocalDate.ofInstant(t.to().minusNanos(1), zone);
        int days = (int) (last.toEpochDay() - first.toEpochDay() + 1);
        int idWidth = 2;
        for (Timeline.Row r : t.rows()) {
            idWidth = Math.max(idWidth, Math.min(MAX_ID, r.id().length()));
        }
        int avail = WIDTH - idWidth - 1;
        int cells = 1;
        for (int c : CELLS) {
            if (days * (c + 1) <= avail) {
                cells = c;
                break;
            }
        }
        int perBlock = Math.max(1, Math.min(days, avail / (cells + 1)));
        StringBuilder sb = new StringBuilder();
        sb.append("timeline ").append(zone.getId()).append(": ").append(Times.format(t.from(), zone)).append(" to ")
                .append(Times.format(t.to(), zone)).append('\n');
        sb.append("each cell ").append(slice(cells)).append(" of local time: █ wanted, ▒ wanted part of it, · not\n");
        for (int b = 0; b < days; b += perBlock) {
            int n = Math.min(perBlock, days - b);
            sb.append('\n');
            sb.append(pad("", idWidth)).append(' ').append(header(first.plusDays(b), n, cells)).append('\n');
            for (Timeline.Row r : t.rows()) {
                sb.append(pad(r.id(), idWidth)).append(' ');
                for (int d = 0; d < n; d++) {
                    bar(sb, r.intervals(), first.plusDays(b + d), cells, zone, t.from(), t.to());
                    sb.append(' ');
                }
                trimEnd(sb);
                sb.append('\n');
            }
        }
        switches(sb, t);
        return sb.toString();
    }

    /** The lines that say when a version takes over inside the range. */
    private static void switches(StringBuilder sb, Timeline.Result t) {
        boolean any = false;
        for (Timeline.Row r : t.rows()) {
            List<Timeline.Interval> in = r.intervals();
            for (int i = 0; i < in.size(); i++) {
                String v = in.get(i).version();
                if (i > 0 && !in.get(i - 1).version().equals(v)) {
                    if (!any) {
                        sb.append("\nversion switches:\n");
                        any = true;
                    }
                    sb.append("  ").append(r.id()).append(": ").append(v).append(" from ")
                            .append(WHEN.format(in.get(i).start().atZone(t.zone()))).append('\n');
                }
            }
        }
    }

    private static String header(LocalDate from, int n, int cells) {
        StringBuilder sb = new StringBuilder();
        for (int d = 0; d < n; d++) {
            LocalDate day = from.plusDays(d);
            String dow = day.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT);
            String label;
            if (cells >= 6) {
                label = dow + " " + String.format(Locale.ROOT, "%02d", day.getDayOfMonth());
            } else if (cells >= 2) {
                label = String.format(Locale.ROOT, "%02d", day.getDayOfMonth());
            } else {
                label = dow.substring(0, 1);
            }
            sb.append(pad(label, cells + 1));
        }
        trimEnd(sb);
        return sb.toString();
    }

    /** One day's cells: the share of each slice of the local day that lies in an interval. */
    private static void bar(StringBuilder sb, List<Timeline.Interval> intervals, LocalDate day, int cells,
                            ZoneId zone, Instant from, Instant to) {
        int minutes = 24 * 60 / cells;
        for (int c = 0; c < cells; c++) {
            Instant a = ZonedDateTime.of(day.atStartOfDay().plusMinutes((long) c * minutes), zone).toInstant();
            Instant b = ZonedDateTime.of(day.atStartOfDay().plusMinutes((long) (c + 1) * minutes), zone).toInstant();
            if (a.isBefore(from)) {
                a = from;
            }
            if (b.isAfter(to)) {
                b = to;
            }
            if (!a.isBefore(b)) {
                sb.append(' ');
                continue;
            }
            long covered = 0;
            for (Timeline.Interval i : intervals) {
                Instant s = i.start().isAfter(a) ? i.start() : a;
                Instant e = i.end().isBefore(b) ? i.end() : b;
                if (s.isBefore(e)) {
                    covered += e.getEpochSecond() - s.getEpochSecond();
                }
            }
            long whole = b.getEpochSecond() - a.getEpochSecond();
            sb.append(covered == 0 ? '·' : covered >= whole ? '█' : '▒');
        }
    }

    private static String slice(int cells) {
        int minutes = 24 * 60 / cells;
        return minutes % 60 == 0 ? (minutes / 60) + " h" : minutes + " min";
    }

    private static String pad(String s, int width) {
        if (s.length() > width) {
            return s.substring(0, width - 1) + "…";
        }
        return s + " ".repeat(width - s.length());
    }

    private static void trimEnd(StringBuilder sb) {
        int n = sb.length();
        while (n > 0 && sb.charAt(n - 1) == ' ') {
            n--;
        }
        sb.setLength(n);
    }
}
