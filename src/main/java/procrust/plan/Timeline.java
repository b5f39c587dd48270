package procrust.plan;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import procrust.config.Config;
import procrust.config.ProcessSpec;
import procrust.config.Schedule;

/**
 * When each process of a file is wanted between two instants, holds and dependencies aside: at t a
 * process is wanted when it has an active version ({@link Activation}) and t lies in one of that
 * version's windows ({@link Windows}, the planner's own functions), exactly as {@link Planner} decides.
 * Pure.
 */
public final class Timeline {

    /** Wanted from {@code start} (inclusive) to {@code end} (exclusive) in {@code version}. */
    public record Interval(Instant start, Instant end, String version) {
    }

    /** One id, its intervals in time order (touching intervals of the same version merged). */
    public record Row(String id, List<Interval> intervals) {
    }

    /** Every id of the file in file order (ids with no interval included, with an empty list). */
    public record Result(Instant from, Instant to, ZoneId zone, List<Row> rows) {
    }

    private Timeline() {
    }

    /** The timeline of {@code config} over [{@code from}, {@code to}). */
    public static Result of(Config config, Instant from, Instant to) {
        ZoneId zone = config.zone();
        Map<String, List<ProcessSpec>> byId = new LinkedHashMap<>();
        for (ProcessSpec p : config.processes()) {
            byId.computeIfAbsent(p.id(), k -> new ArrayList<>(1)).add(p);
        }
        Map<Schedule, List<Windows.Window>> windows = new HashMap<>();
        List<Row> rows = new ArrayList<>(byId.size());
        for (Map.Entry<String, List<ProcessSpec>> e : byId.entrySet()) {
            List<Activation.Step> steps = Activation.steps(e.getValue(), zone);
            List<Interval> out = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                Activation.Step step = steps.get(i);
                Instant segStart = max(step.at(), from);
                Instant segEnd = i + 1 < steps.size() ? min(steps.get(i + 1).at(), to) : to;
                if (!segStart.isBefore(segEnd)) {
                    continue;
                }
                ProcessSpec spec = step.spec();
                if (spec.schedule().isAlways()) {
                    add(out, new Interval(segStart, segEnd, spec.version()));
                    continue;
                }
                for (Windows.Window w : windows.computeIfAbsent(spec.schedule(), s -> windows(s, zone, from, to))) {
                    Instant s = max(w.opens(), segStart);
                    Instant end = min(w.closes(), segEnd);
                    if (s.isBefore(end)) {
                        add(out, new Interval(s, end, spec.version()));
                    }
                }
            }
            rows.add(new Row(e.getKey(), List.copyOf(out)));
        }
        return new Result(from, to, zone, List.copyOf(rows));
    }

    /**
     * The merged windows of a (not always) schedule, clipped to [from, to), in order: walked edge by
     * edge with {@link Windows#merged}, {@link Windows#containing} and {@link Windows#nextOpening}.
     */
    static List<Windows.Window> windows(Schedule schedule, ZoneId zone, Instant from, Instant to) {
        List<Windows.Window> out = new ArrayList<>();
        Instant t = from;
        while (t.isBefore(to)) {
            List<Windows.Window> ws = Windows.merged(schedule, zone, t);
            Optional<Windows.Window> in = Windows.containing(ws, t);
            if (in.isPresent()) {
                Instant closes = in.get().closes();
                out.add(new Windows.Window(t, min(closes, to)));
                t = closes;
            } else {
                Instant opens = Windows.nextOpening(ws, t);
                if (opens == null) {
                    break;
                }
                t = opens;
            }
        }
        return out;
    }

    /** Appends, merging with the last interval when they touch in the same version. */
    private static void add(List<Interval> out, Interval next) {
        if (!out.isEmpty()) {
            Interval last = out.get(out.size() - 1);
            if (last.end().equals(next.start()) && last.version().equals(next.version())) {
                out.set(out.size() - 1, new Interval(last.start(), next.end(), last.version()));
                return;
            }
        }
        out.add(next);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
