package procrust.config;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Daily windows: on each of {@code days} a window opens at {@code start} and closes at {@code stop}
 * ({@code null} = end of day, 24:00). When {@code stop} is before {@code start} the window closes the
 * next day and belongs to the day it opens. {@link #ALWAYS} is 24x7.
 */
public record Schedule(LocalTime start, LocalTime stop, Set<DayOfWeek> days) {

    public static final Schedule ALWAYS = new Schedule(LocalTime.MIDNIGHT, null, EnumSet.allOf(DayOfWeek.class));

    public Schedule {
        start = start == null ? LocalTime.MIDNIGHT : start;
        days = Collections.unmodifiableSet(days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days));
    }

    /** True for a schedule that never closes (every day, 00:00 to 24:00). */
    public boolean isAlways() {
        return start.equals(LocalTime.MIDNIGHT) && stop == null && days.size() == 7;
    }

    /** True when the window crosses midnight (stop before start). */
    public boolean overnight() {
        return stop != null && stop.isBefore(start);
    }
}
