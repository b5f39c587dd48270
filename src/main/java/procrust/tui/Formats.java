package procrust.tui;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import procrust.diag.Printable;

/** Short human forms of durations and instants for a narrow screen, and text made safe to draw. */
public final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private Formats() {
    }

    /** 45s, 3m05s, 2h03m, 4d02h (never negative). */
    public static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        if (s < 86400) {
            return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
        }
        return String.format(Locale.ROOT, "%dd%02dh", s / 86400, (s % 86400) / 3600);
    }

    /**
     * A setting as written: under a minute with its milliseconds when it has some (500ms, 1.5s, 30s),
     * else as {@link #duration}. {@code every 0s} for an interval of 500 ms would be wrong.
     */
    public static String setting(Duration d) {
        long ms = d.toMillis();
        if (ms < 60_000 && ms % 1000 != 0) {
            return ms < 1000 ? ms + "ms" : String.format(Locale.ROOT, "%.3f", ms / 1000.0).replaceAll("0+$", "") + "s";
        }
        return duration(d);
    }

    /** Uptime of a process started at {@code from}, or "-". */
    public static String uptime(Instant from, Instant now) {
        return from == null ? "-" : duration(Duration.between(from, now));
    }

    /**
     * When {@code t} is, seen from {@code now} in {@code zone}: {@code 18:00:00} today, {@code Tue 08:00}
     * within a week, {@code 2024-10-07 08:00} beyond.
     */
    public static String when(Instant t, Instant now, ZoneId zone) {
        ZonedDateTime z = t.atZone(zone);
        LocalDate today = now.atZone(zone).toLocalDate();
        if (z.toLocalDate().equals(today)) {
            return TIME.format(z);
        }
        if (z.toLocalDate().isAfter(today) && z.toLocalDate().isBefore(today.plusDays(7))) {
            return DAY_TIME.format(z);
        }
        return DATE_TIME.format(z);
    }

    /** The local time of day, {@code HH:mm:ss}. */
    public static String clock(Instant t, ZoneId zone) {
        return TIME.format(t.atZone(zone));
    }

    /**
     * Text from a log or a file made safe for the screen: terminal escape sequences (colours, cursor
     * moves, titles) are removed, tabs expanded to spaces, and every other unsafe character (control
     * characters, bidirectional overrides, line separators) escaped by {@link Printable}. A log can
     * never move the cursor, change colours or retitle the terminal.
     */
    public static String printable(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\u001b') {
                i = skipEscape(s, i);
                continue;
            }
            if (c == '\t') {
                sb.append(" ".repeat(8 - (sb.length() % 8)));
            } else {
                sb.append(c);
            }
            i++;
        }
        return Printable.of(sb.toString());
    }

    /** Index after the escape sequence starting at {@code i} (CSI, OSC, or a two-character one). */
    private static int skipEscape(String s, int i) {
        int n = s.length();
        if (i + 1 >= n) {
            return n;
        }
        char k = s.charAt(i + 1);
        if (k == '[') {
            int j = i + 2;
            while (j < n && (s.charAt(j) < 0x40 || s.charAt(j) > 0x7e)) {
                j++;
            }
            return Math.min(n, j + 1);
        }
        if (k == ']' || k == 'P' || k == '_' || k == '^') {
            int j = i + 2;
            while (j < n && s.charAt(j) != '\u0007' && !(s.charAt(j) == '\u001b' && j + 1 < n && s.charAt(j + 1) == '\\')) {
                j++;
            }
            return j >= n ? n : s.charAt(j) == '\u0007' ? j + 1 : j + 2;
        }
        return i + 2;
    }
}
