package procrust.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import procrust.config.Liveness;
import procrust.runtime.ProbeResult;
import procrust.runtime.SpawnRequest;
import procrust.state.HealthRecord;

/**
 * The liveness checks of the RUNNING instances ({@code [process.health_check]}), adopted ones too.
 * Each instance's first attempt comes {@code interval} after it is first seen RUNNING here (after its
 * start check, or after this apply adopted it), the next {@code interval} after the previous one
 * began, and never while the previous one runs (a check never overlaps itself; one still running at
 * its {@code timeout} is ended and counts as failed). After {@code failures} failures in a row the
 * instance is {@link Unhealthy}: the caller stops and restarts it; its count starts afresh with its
 * next process. The counts live in this object only: an apply that starts counts from zero.
 *
 * <p>Not thread-safe: the reconciler's thread calls everything; attempts that end on other threads
 * only call {@code wake}.
 */
public final class LivenessChecks {

    /** What {@link #step} found. */
    public sealed interface Finding permits Checked, Unhealthy {
        String id();

        String version();

        HealthRecord health();
    }

    /** What to show for an instance changed (failures, last error; last success, at most every {@link #OK_REFRESH}). */
    public record Checked(String id, String version, HealthRecord health) implements Finding {
    }

    /**
     * {@code failures} failures in a row: stop the instance and start it again through its restart
     * policy. {@code passedBefore}: an attempt passed since it was first seen RUNNING.
     */
    public record Unhealthy(String id, String version, HealthRecord health, String reason, boolean passedBefore)
            implements Finding {
    }

    /**
     * A RUNNING instance to check: its identity, its check, how to spawn a command check of it, and
     * what an earlier apply found ({@code seed}: its last error and success are kept, never its count).
     */
    public record Target(String id, String version, Liveness check, Supplier<SpawnRequest> command,
                         HealthRecord seed) {

        public Target(String id, String version, Liveness check, Supplier<SpawnRequest> command) {
            this(id, version, check, command, null);
        }
    }

    /** A success is reported again (for the "last ok" of status) only when the last one shown is this old. */
    public static final Duration OK_REFRESH = Duration.ofSeconds(60);

    private final AttemptStarter attempts;
    private final Runnable wake;
    private final Map<List<String>, Tracker> trackers = new HashMap<>();
    /** Set (from any thread) when an attempt that ends by itself is over. */
    private volatile boolean ended;
    private List<Target> lastRunning;
    /** The tracker of each instance of {@link #lastRunning}, in its order. */
    private Tracker[] aligned;
    private Instant nextDue;

    public LivenessChecks(AttemptStarter attempts, Runnable wake) {
        this.attempts = attempts;
        this.wake = () -> {
            ended = true;
            wake.run();
        };
    }

    /**
     * How long after the attempts that came due together began they are all looked at in one step.
     * An attempt that ends before wakes nobody (a hundred checks that answer within a millisecond of
     * each other cost one step of the loop, not a hundred); one that ends after wakes the loop at once.
     */
    static final Duration BATCH = Duration.ofMillis(50);

    /** What an attempt does when it ends: marks it, and wakes the loop only once its batch was looked at. */
    private final class EndSignal implements Runnable {
        volatile boolean eager;

        @Override
        public void run() {
            ended = true;
            if (eager) {
                wake.run();
            }
        }
    }

    private static final class Tracker {
        Liveness check;
        Instant next;
        Attempt inflight;
        EndSignal signal;
        Instant lookAt;
        int failures;
        String lastError;
        Instant lastOk;
        Instant shownOk;
        boolean passed;
    }

    /**
     * Moves every check on at {@code now}: takes in the attempts that ended, starts those due, and
     * forgets (ending their attempt) the instances no longer in {@code running}.
     */
    public List<Finding> step(List<Target> running, Instant now) {
        if (running == lastRunning && !ended && (nextDue == null || now.isBefore(nextDue))) {
            return List.of(); // a wake for something else: nothing here is due (the loop wakes often)
        }
        ended = false;
        if (running != lastRunning) {
            align(running, now);
        }
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < running.size(); i++) {
            Target t = running.get(i);
            Tracker tr = aligned[i];
            if (t.check() != tr.check && !t.check().equals(tr.check)) {
                tr.check = t.check(); // an edit of the check applies from its next attempt
            }
            Finding f = progress(t, tr, now);
            if (f != null) {
                out.add(f);
                if (f instanceof Unhealthy) {
                    trackers.remove(List.of(t.id(), t.version())); // its count starts afresh with its next process
                    lastRunning = null;
                }
            }
        }
        nextDue = earliest();
        return out;
    }

    /**
     * Takes a new list of RUNNING instances: each gets its tracker (a new one for an instance not seen
     * before), in the list's order, for the steps that come with the same list (most: the list is made
     * again only when the state or the file changed); the trackers of the others are dropped, their
     * attempts ended.
     */
    private void align(List<Target> running, Instant now) {
        lastRunning = running;
        aligned = new Tracker[running.size()];
        Set<List<String>> seen = new HashSet<>();
        for (int i = 0; i < running.size(); i++) {
            Target t = running.get(i);
            List<String> key = List.of(t.id(), t.version());
            seen.add(key);
            Tracker tr = trackers.get(key);
            if (tr == null) {
                tr = new Tracker();
                tr.check = t.check();
                tr.next = aligned(now.plus(t.check().interval()), t.check().interval());
                if (t.seed() != null) {
                    tr.lastError = t.seed().lastError();
                    tr.lastOk = t.seed().lastOk();
                    tr.shownOk = t.seed().lastOk();
                }
                trackers.put(key, tr);
            }
            aligned[i] = tr;
        }
        trackers.entrySet().removeIf(e -> {
            if (seen.contains(e.getKey())) {
                return false;
            }
            if (e.getValue().inflight != null) {
                e.getValue().inflight.cancel();
            }
            return true;
        });
    }

    private Finding progress(Target t, Tracker tr, Instant now) {
        Finding found = null;
        if (tr.inflight != null) {
            ProbeResult r = tr.inflight.poll(now);
            if (r == null && !tr.signal.eager && !now.isBefore(tr.lookAt)) {
                tr.signal.eager = true; // from now on its end wakes the loop
                r = tr.inflight.poll(now); // it may have ended just before
            }
            if (r == null) {
                return null; // never overlaps itself
            }
            tr.inflight = null;
            found = take(t, tr, r, now);
            if (found instanceof Unhealthy) {
                return found;
            }
        }
        if (!now.isBefore(tr.next)) {
            tr.next = aligned(now.plus(tr.check.interval()), tr.check.interval());
            tr.signal = new EndSignal();
            tr.lookAt = now.plus(BATCH);
            tr.inflight = attempts.start(tr.check.probe(), now, now.plus(tr.check.timeout()), t.command(), null,
                    tr.signal);
            ProbeResult r = tr.inflight.poll(now);
            if (r != null) { // over at once (could not start)
                tr.inflight = null;
                Finding f = take(t, tr, r, now);
                return f != null ? f : found;
            }
        }
        return found;
    }

    private Finding take(Target t, Tracker tr, ProbeResult r, Instant now) {
        int before = tr.failures;
        String errBefore = tr.lastError;
        if (r.ok()) {
            tr.failures = 0;
            tr.lastOk = now;
            tr.passed = true;
        } else {
            tr.failures++;
            tr.lastError = r.detail();
        }
        HealthRecord h = new HealthRecord(tr.failures, tr.lastError, tr.lastOk);
        if (!r.ok() && tr.failures >= tr.check.failures()) {
            return new Unhealthy(t.id(), t.version(), h, "health check failed " + tr.failures + " time"
                    + (tr.failures == 1 ? "" : "s") + " in a row (" + tr.check.probe().describe() + "): " + r.detail(),
                    tr.passed);
        }
        boolean okStale = r.ok() && (tr.shownOk == null || !now.isBefore(tr.shownOk.plus(OK_REFRESH)));
        if (tr.failures != before || !java.util.Objects.equals(errBefore, tr.lastError) || okStale) {
            if (r.ok()) {
                tr.shownOk = now;
            }
            return new Checked(t.id(), t.version(), h);
        }
        return null;
    }

    /**
     * {@code t} rounded up to the next multiple of a grid of a quarter of the interval, at most 1 s:
     * the checks of many services then come due together and share the loop's wakes (a hundred
     * checks every 10 s wake it about ten times in those 10 s, not two hundred), each at most a
     * quarter of its interval late.
     */
    static Instant aligned(Instant t, Duration interval) {
        long grid = Math.max(1, Math.min(1000, interval.toMillis() / 4));
        long ms = t.toEpochMilli();
        long up = Math.floorDiv(ms + grid - 1, grid) * grid;
        return up == ms && t.getNano() % 1_000_000 == 0 ? t : Instant.ofEpochMilli(up == ms ? ms + grid : up);
    }

    /** The failures in a row of an instance now (0 when unknown). */
    public int failures(String id, String version) {
        Tracker tr = trackers.get(List.of(id, version));
        return tr == null ? 0 : tr.failures;
    }

    /** When {@link #step} must run again at the latest: the next attempt due or deadline to enforce; null when none. */
    public Instant nextWake() {
        return nextDue;
    }

    private Instant earliest() {
        Instant next = null;
        for (Tracker tr : trackers.values()) {
            Instant w = tr.inflight == null ? tr.next
                    : !tr.signal.eager ? tr.lookAt : tr.inflight.deadline();
            if (w != null && (next == null || w.isBefore(next))) {
                next = w;
            }
        }
        return next;
    }

    /**
     * The wall clock stepped by {@code d}: each next attempt keeps its real distance (a step back of
     * an hour must not pause the checks for an hour). An attempt in flight keeps its own deadline.
     */
    public void shift(Duration d) {
        for (Tracker tr : trackers.values()) {
            if (tr.next != null) {
                tr.next = tr.next.plus(d);
            }
            if (tr.lookAt != null) {
                tr.lookAt = tr.lookAt.plus(d);
            }
        }
        nextDue = earliest();
    }

    /** True while any attempt is in flight. */
    public boolean busy() {
        return trackers.values().stream().anyMatch(t -> t.inflight != null);
    }

    /** Ends every attempt in flight (apply ending). */
    public void shutdown() {
        for (Tracker tr : trackers.values()) {
            if (tr.inflight != null) {
                tr.inflight.cancel();
                tr.inflight = null;
            }
        }
        trackers.clear();
        nextDue = null;
        lastRunning = null;
        aligned = null;
    }
}
