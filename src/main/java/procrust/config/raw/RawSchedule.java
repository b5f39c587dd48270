package procrust.config.raw;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;
import procrust.config.SourcePos;

/**
 * {@code [process.schedule]} as written. {@code stopTime} null with {@code stop_time} present means
 * "24:00" (end of day); {@code weekDays} null means every day.
 */
public record RawSchedule(SourcePos pos, Map<String, SourcePos> at, LocalTime startTime, LocalTime stopTime,
                          Set<DayOfWeek> weekDays) implements Located {

    public RawSchedule {
        at = Map.copyOf(at);
        weekDays = weekDays == null ? null : Set.copyOf(weekDays);
    }
}
