package procrust.plan;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import procrust.config.ProcessSpec;
import procrust.config.Schedule;

/**
 * What the schedules say at one instant, computed once per distinct schedule of a plan: the window
 * containing it, the next opening and the next edge. Schedules are found first by identity, so a
 * schedule's day set is hashed once per entry rather than once per question.
 */
final class Calendars {

    private record Calendar(Windows.Window containing, Instant nextOpening, Instant nextEdge) {
    }

    private final ZoneId zone;
    private final Instant at;
    private final Map<Schedule, Calendar> byValue = new HashMap<>();
    private final Map<Schedule, Calendar> byIdentity = new IdentityHashMap<>();

    Calendars(ZoneId zone, Instant at) {
        this.zone = zone;
        this.at = at;
    }

    /**
     * The window of {@code spec} containing the instant; for the always-schedule it opens at the
     * version's apply instant ({@code applyAt}) and never closes.
     */
    Optional<Windows.Window> windowOf(ProcessSpec spec, Instant applyAt) {
        if (spec.schedule().isAlways()) {
            return Optional.of(new Windows.Window(applyAt, null));
        }
        return Optional.ofNullable(calendar(spec.schedule()).containing());
    }

    /** The next opening after the instant, or null (always-schedule, or no spec). */
    Instant nextOpening(ProcessSpec spec) {
        if (spec == null || spec.schedule().isAlways()) {
            return null;
        }
        return calendar(spec.schedule()).nextOpening();
    }

    /** The next opening or closing after the instant, or null. */
    Instant nextEdge(ProcessSpec spec) {
        if (spec == null || spec.schedule().isAlways()) {
            return null;
        }
        return calendar(spec.schedule()).nextEdge();
    }

    private Calendar calendar(Schedule schedule) {
        Calendar c = byIdentity.get(schedule);
        if (c == null) {
            c = byValue.computeIfAbsent(schedule, s -> {
                List<Windows.Window> ws = Windows.merged(s, zone, at);
                return new Calendar(Windows.containing(ws, at).orElse(null), Windows.nextOpening(ws, at),
                        Windows.nextEdge(ws, at));
            });
            byIdentity.put(schedule, c);
        }
        return c;
    }
}
