package procrust.plan;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import procrust.config.Config;
import procrust.config.ProcessSpec;

/**
 * The changes the file has in store with nothing else happening, soonest first: for each id, the next
 * edge of its active version's schedule window (it opens or closes), unless a new version becomes
 * active first, and the next version to become active ({@code apply_on}). Window edges come from the
 * planner's own {@link Windows}; versions follow SPEC §3 (fake entries never count; of entries with the
 * same {@code apply_on}, the later one in the file). Pure.
 */
public final class Upcoming {

    /** What happens when. */
    public enum Kind {
        WINDOW_OPENS, WINDOW_CLOSES, VERSION
    }

    /**
     * One coming change.
     *
     * @param what a few words: {@code window opens (mon-fri 08:00-18:00)}, {@code new version X}
     *             (replaces the active one), {@code first version X} (none was active)
     */
    public record Event(Instant at, String id, Kind kind, String what) {
    }

    private Upcoming() {
    }

    public static List<Event> of(Config config, Instant now) {
        ZoneId zone = config.zone();
        List<Event> out = new ArrayList<>();
        for (String id : config.ids()) {
            List<ProcessSpec> versions = config.versionsOf(id);
            ProcessSpec active = Config.activeAmong(versions, zone, now);
            ProcessSpec next = null;
            for (ProcessSpec p : versions) {
                Instant when = p.applyInstant(zone);
                if (!p.isFake() && when.isAfter(now) && (next == null || !when.isAfter(next.applyInstant(zone)))) {
                    next = p;
                }
            }
            Instant nextAt = next == null ? null : next.applyInstant(zone);
            if (active != null) {
                Instant edge = Windows.nextEdge(active, zone, now);
                if (edge != null && (nextAt == null || edge.isBefore(nextAt))) {
                    boolean inside = Windows.inside(active, zone, now);
                    out.add(new Event(edge, id, inside ? Kind.WINDOW_CLOSES : Kind.WINDOW_OPENS,
                            (inside ? "window closes (" : "window opens (") + Windows.describe(active.schedule()) + ")"));
                }
            }
            if (next != null) {
                out.add(new Event(nextAt, id, Kind.VERSION, (active == null ? "first version " : "new version ")
                        + next.version()));
            }
        }
        out.sort(Comparator.comparing(Event::at));
        return List.copyOf(out);
    }
}
