package procrust.plan;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import procrust.config.ProcessSpec;
import procrust.config.Schedule;

/**
 * The schedule windows of a process, as instants (pure; used by the planner and the reconciler).
 *
 * <p>On each listed week day a window opens at {@code start_time} and closes at {@code stop_time}
 * (end of day when absent); when {@code stop_time} is before {@code start_time} it closes the next
 * day and belongs to the day it opens. Windows are half-open: inside from the opening instant, outside
 * from the closing one. Windows that touch (one closes when the next opens) are one window, so a 24x7
 * or all-week process never closes at midnight.
 *
 * <p>Local times are read in the file's zone with {@link ZonedDateTime#of}: a time that does not
 * exist (spring-forward gap) moves later by the length of the gap (02:30 becomes 03:30 in
 * Europe/Madrid), an ambiguous time (fall-back overlap) is its first occurrence. Should that make a
 * window close at or before it opens (a window that starts inside the gap and ends less than a gap's
 * length after it), the window keeps its local length from its opening instead. See docs/schedule.md.
 */
public final class Windows {

    /** How far back a chain of touching windows can reach: seven daily windows in a row. */
    private static final int DAYS_BACK = 8;
    /** How far ahead the next edge can lie: at most a week between two openings, plus a day. */
    private static final int DAYS_AHEAD = 9;

    private Windows() {
    }

    /** One (merged) window: inside from {@code opens} (inclusive) to {@code closes} (exclusive; null = never). */
    public record Window(Instant opens, Instant closes) {
        public boolean contains(Instant t) {
            return !t.isBefore(opens) && (closes == null || t.isBefore(closes));
        }
    }

    /** True when {@code t} lies inside one of the spec's windows. */
    public static boolean inside(ProcessSpec spec, ZoneId zone, Instant t) {
        return containing(spec, zone, t).isPresent();
    }

    /**
     * The window containing {@code t}, if any. For the always-schedule (24x7) the window opens at the
     * version's apply instant and never closes.
     */
    public static Optional<Window> containing(ProcessSpec spec, ZoneId zone, Instant t) {
        if (spec.schedule().isAlways()) {
            return Optional.of(new Window(spec.applyInstant(zone), null));
        }
        return containing(spec.schedule(), zone, t);
    }

    /** The opening instant of the window containing {@code t}, or null when {@code t} is outside. */
    public static Instant openingOf(ProcessSpec spec, ZoneId zone, Instant t) {
        return containing(spec, zone, t).map(Window::opens).orElse(null);
    }

    /** The first window edge (opening or closing) strictly after {@code t}, or null when there is none. */
    public static Instant nextEdge(ProcessSpec spec, ZoneId zone, Instant t) {
        return spec.schedule().isAlways() ? null : nextEdge(spec.schedule(), zone, t);
    }

    /** The first window opening strictly after {@code t}, or null when there is none. */
    public static Instant nextOpening(ProcessSpec spec, ZoneId zone, Instant t) {
        return spec.schedule().isAlways() ? null : nextOpening(spec.schedule(), zone, t);
    }

    /** The merged window of a schedule containing {@code t}; the always-schedule gives one window from EPOCH. */
    public static Optional<Window> containing(Schedule schedule, ZoneId zone, Instant t) {
        if (schedule.isAlways()) {
            return Optional.of(new Window(Instant.EPOCH, null));
        }
        return containing(merged(schedule, zone, t), t);
    }

    /** The first opening or closing of a schedule strictly after {@code t}, or null. */
    public static Instant nextEdge(Schedule schedule, ZoneId zone, Instant t) {
        return schedule.isAlways() ? null : nextEdge(merged(schedule, zone, t), t);
    }

    /** The first opening of a schedule strictly after {@code t}, or null. */
    public static Instant nextOpening(Schedule schedule, ZoneId zone, Instant t) {
        return schedule.isAlways() ? null : nextOpening(merged(schedule, zone, t), t);
    }

    /** The window of {@code windows} (as from {@link #merged}) containing {@code t}. */
    static Optional<Window> containing(List<Window> windows, Instant t) {
        for (Window w : windows) {
            if (w.contains(t)) {
                return Optional.of(w);
            }
        }
        return Optional.empty();
    }

    static Instant nextEdge(List<Window> windows, Instant t) {
        for (Window w : windows) {
            if (w.opens().isAfter(t)) {
                return w.opens();
            }
            if (w.closes() != null && w.closes().isAfter(t)) {
                return w.closes();
            }
        }
        return null;
    }

    static Instant nextOpening(List<Window> windows, Instant t) {
        for (Window w : windows) {
            if (w.opens().isAfter(t)) {
                return w.opens();
            }
        }
        return null;
    }

    /**
     * The merged windows whose daily parts open from {@link #DAYS_BACK} days before {@code t}'s local
     * date to {@link #DAYS_AHEAD} days after it, in order. A chain of touching windows is at most six
     * days long (seven would be the always-schedule, handled by the callers), so the window containing
     * {@code t} and the next edges after it are always whole within that range.
     */
    static List<Window> merged(Schedule schedule, ZoneId zone, Instant t) {
        LocalDate today = LocalDate.ofInstant(t, zone);
        List<Window> out = new ArrayList<>();
        Instant opens = null;
        Instant closes = null;
        for (LocalDate d = today.minusDays(DAYS_BACK); !d.isAfter(today.plusDays(DAYS_AHEAD)); d = d.plusDays(1)) {
            if (!schedule.days().contains(d.getDayOfWeek())) {
                continue;
            }
            Window w = daily(schedule, zone, d);
            if (opens != null && !w.opens().isAfter(closes)) {
                if (w.closes().isAfter(closes)) {
                    closes = w.closes();
                }
                continue;
            }
            if (opens != null) {
                out.add(new Window(opens, closes));
            }
            opens = w.opens();
            closes = w.closes();
        }
        if (opens != null) {
            out.add(new Window(opens, closes));
        }
        return out;
    }

    /** The window opening on {@code day} (which must be one of the schedule's days). */
    static Window daily(Schedule schedule, ZoneId zone, LocalDate day) {
        LocalDateTime openLocal = day.atTime(schedule.start());
        LocalTime stop = schedule.stop();
        LocalDateTime closeLocal;
        if (stop == null) {
            closeLocal = day.plusDays(1).atStartOfDay();
        } else if (stop.isAfter(schedule.start())) {
            closeLocal = day.atTime(stop);
        } else {
            closeLocal = day.plusDays(1).atTime(stop);
        }
        Instant opens = ZonedDateTime.of(openLocal, zone).toInstant();
        Instant closes = ZonedDateTime.of(closeLocal, zone).toInstant();
        if (!closes.isAfter(opens)) {
            closes = opens.plus(java.time.Duration.between(openLocal, closeLocal));
        }
        return new Window(opens, closes);
    }

    /** Human form of a schedule: {@code mon-fri 08:00-18:00}, {@code always}. */
    public static String describe(Schedule schedule) {
        if (schedule.isAlways()) {
            return "always";
        }
        String time = hhmm(schedule.start()) + "-" + (schedule.stop() == null ? "24:00" : hhmm(schedule.stop()));
        return days(schedule) + " " + time;
    }

    private static String hhmm(LocalTime t) {
        String s = t.toString();
        return t.getSecond() == 0 && t.getNano() == 0 ? s.substring(0, 5) : s;
    }

    private static String days(Schedule schedule) {
        if (schedule.days().size() == 7) {
            return "every day";
        }
        StringBuilder sb = new StringBuilder();
        DayOfWeek[] all = DayOfWeek.values();
        int i = 0;
        while (i < 7) {
            if (!schedule.days().contains(all[i])) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < 7 && schedule.days().contains(all[j + 1])) {
                j++;
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(abbrev(all[i]));
            if (j > i) {
                sb.append(j == i + 1 ? "," : "-").append(abbrev(all[j]));
            }
            i = j + 1;
        }
        return sb.length() == 0 ? "no day" : sb.toString();
    }

    private static String abbrev(DayOfWeek d) {
        return d.name().substring(0, 3).toLowerCase(java.util.Locale.ROOT);
    }
}
