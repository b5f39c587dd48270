package procrust.reconcile;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import procrust.config.Config;
import procrust.config.HealthCheck;
import procrust.config.ProcessSpec;
import procrust.plan.InstanceState;
import procrust.runtime.Signal;
import procrust.runtime.Spawned;
import procrust.state.InstanceRecord;

/**
 * The start health check of the one instance in PENDING_HEALTH_CHECK: an attempt at once, then one
 * every {@code interval} after the previous attempt ended, until one exits 0 (RUNNING) or
 * {@code timeout} has passed since the spawn (a failed start). Each attempt is a process of its own
 * ({@code setsid /bin/sh -c}, output to the service's log) bounded by the remaining time; when it
 * hangs past that, its whole group is killed.
 */
final class HealthOp {

    final Key key;
    private final HealthCheck check;
    private Instant deadline;
    private final Runnable wake;
    private Instant nextAttempt;
    private Spawned probe;
    private int attempts;

    /** @param wake called when an attempt ends (the loop looks at it at once) */
    HealthOp(Key key, HealthCheck check, Instant startedAt, Instant now, Runnable wake) {
        this.key = key;
        this.check = check;
        this.deadline = startedAt.plus(check.timeout());
        this.nextAttempt = now;
        this.wake = wake;
    }

    /**
     * Moves the check of {@code rec} (its record now, or null) on. The outcome is
     * {@link Outcome#over() over} when the check is: RUNNING, a failed start, or nothing left to check.
     */
    Outcome progress(InstanceRecord rec, ProcessSpec spec, Config config, Effects fx, Instant now) {
        if (rec == null || rec.state() != InstanceState.PENDING_HEALTH_CHECK) {
            killProbe(fx, Signal.KILL);
            return Outcome.none(key).done();
        }
        Outcome out = Outcome.none(key);
        if (probe != null && probe.exit().isDone()) {
            int code = probe.exit().getNow(-1);
            killProbe(fx, Signal.TERM);
            if (code == 0) {
                return Outcome.put(key, rec.toBuilder().state(InstanceState.RUNNING, now).runningSince(now)
                        .note(null).build()).done().log(EventLog.Level.INFO, "healthy", "health check passed (attempt "
                        + attempts + ", " + Duration.between(rec.startedAt(), now).toMillis() + " ms after start): RUNNING");
            }
            out = out.log(EventLog.Level.DEBUG, "health-check", "attempt " + attempts + " " + ExitRules.describe(code));
            nextAttempt = now.plus(check.interval());
        }
        if (!now.isBefore(deadline)) {
            killProbe(fx, Signal.KILL);
            String why = "health check did not pass within " + human(check.timeout()) + " (" + attempts
                    + " attempt" + (attempts == 1 ? "" : "s") + ")";
            return out.then(Outcome.ended(key, ExitRules.failedStart(rec, spec, why, now), true).done());
        }
        if (probe == null && !now.isBefore(nextAttempt)) {
            attempts++;
            try {
                probe = fx.launcher().spawn(OrphanProbes.mark(
                        StartOp.spawnRequest(config, fx.logDir(), spec, check.command())));
                probe.exit().thenRun(wake);
            } catch (IOException e) {
                out = out.log(EventLog.Level.WARN, "health-check", "attempt " + attempts + " could not start: "
                        + e.getMessage());
                nextAttempt = now.plus(check.interval());
            }
        }
        return out;
    }

    Instant nextWake() {
        return probe == null && nextAttempt.isBefore(deadline) ? nextAttempt : deadline;
    }

    /** The wall clock stepped by {@code d}: the check keeps its real length. */
    void shift(Duration d) {
        deadline = deadline.plus(d);
        nextAttempt = nextAttempt.plus(d);
    }

    /** Ends the attempt in flight with its whole group (apply ending, check over). */
    void killProbe(Effects fx, Signal sig) {
        if (probe != null) {
            if (fx.table().groupAlive(probe.pid())) {
                fx.signaller().signalGroup(probe.pid(), sig);
            }
            probe = null;
        }
    }

    static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
