package procrust.reconcile;

import java.time.Duration;
import java.time.Instant;
import procrust.config.Config;
import procrust.config.HealthCheck;
import procrust.config.ProcessSpec;
import procrust.health.Attempt;
import procrust.health.AttemptStarter;
import procrust.logs.LogLineWatch;
import procrust.plan.InstanceState;
import procrust.runtime.ProbeResult;
import procrust.state.InstanceRecord;

/**
 * The start health check of the one instance in PENDING_HEALTH_CHECK: an attempt at once, then one
 * every {@code interval} after the previous attempt ended, until one succeeds (RUNNING) or
 * {@code timeout} has passed since the spawn (a failed start). Each attempt is bounded by the time
 * left: a {@code command} is a process of its own ({@code setsid /bin/sh -c}, output to the health
 * log) whose whole group is killed when it hangs past that; {@code http}/{@code tcp} are made inside
 * procrust; {@code log_line} looks at the lines written since the spawn ({@link LogLineWatch}).
 */
final class HealthOp {

    final Key key;
    private final HealthCheck check;
    private Instant deadline;
    private final Runnable wake;
    private final LogLineWatch watch;
    private Instant nextAttempt;
    private Attempt attempt;
    private int attempts;

    /**
     * @param watch the log watch begun just before the spawn, for a {@code log_line} check (else null)
     * @param wake  called when an attempt ends (the loop looks at it at once)
     */
    HealthOp(Key key, HealthCheck check, Instant startedAt, Instant now, LogLineWatch watch, Runnable wake) {
        this.key = key;
        this.check = check;
        this.deadline = startedAt.plus(check.timeout());
        this.nextAttempt = now;
        this.watch = watch;
        this.wake = wake;
    }

    /**
     * Moves the check of {@code rec} (its record now, or null) on. The outcome is
     * {@link Outcome#over() over} when the check is: RUNNING, a failed start, or nothing left to check.
     */
    Outcome progress(InstanceRecord rec, ProcessSpec spec, Config config, Effects fx, AttemptStarter starter,
                     Instant now) {
        if (rec == null || rec.state() != InstanceState.PENDING_HEALTH_CHECK) {
            cancel();
            return Outcome.none(key).done();
        }
        Outcome out = Outcome.none(key);
        if (attempt != null) {
            ProbeResult r = attempt.poll(now);
            if (r != null) {
                attempt = null;
                if (r.ok()) {
                    return passed(rec, r, now);
                }
                out = out.log(EventLog.Level.DEBUG, "health-check", "attempt " + attempts + ": " + r.detail());
                nextAttempt = now.plus(check.interval());
            }
        }
        if (!now.isBefore(deadline)) {
            cancel();
            String why = "health check did not pass within " + human(check.timeout()) + " (" + attempts
                    + " attempt" + (attempts == 1 ? "" : "s") + ")";
            return out.then(Outcome.ended(key, ExitRules.failedStart(rec, spec, why, now), true).done());
        }
        if (attempt == null && !now.isBefore(nextAttempt)) {
            attempts++;
            attempt = starter.start(check.probe(), now, deadline,
                    () -> OrphanProbes.probeRequest(config, fx.logDir(), spec, check.command()), watch, wake);
            ProbeResult r = attempt.poll(now);
            if (r != null) { // over at once: a log_line look, or a command that could not start
                attempt = null;
                if (r.ok()) {
                    return out.then(passed(rec, r, now));
                }
                out = out.log(EventLog.Level.DEBUG, "health-check", "attempt " + attempts + ": " + r.detail());
                nextAttempt = now.plus(check.interval());
            }
        }
        return out;
    }

    private Outcome passed(InstanceRecord rec, ProbeResult r, Instant now) {
        return Outcome.put(key, rec.toBuilder().state(InstanceState.RUNNING, now).runningSince(now).note(null).build())
                .done().log(EventLog.Level.INFO, "healthy", "health check passed (attempt " + attempts + ", "
                        + Duration.between(rec.startedAt(), now).toMillis() + " ms after start; " + r.detail()
                        + "): RUNNING");
    }

    Instant nextWake() {
        Instant due = attempt == null ? nextAttempt : attempt.deadline();
        return due != null && due.isBefore(deadline) ? due : deadline;
    }

    /** Ends the attempt in flight (a command's whole group: apply ending, check over). */
    void cancel() {
        if (attempt != null) {
            attempt.cancel();
            attempt = null;
        }
    }

    /**
     * The wall clock stepped by {@code d}: the check keeps its real length. An attempt in flight keeps
     * its own deadline (a forward step may end it as one failed attempt; the next one runs in time).
     */
    void shift(Duration d) {
        deadline = deadline.plus(d);
        nextAttempt = nextAttempt.plus(d);
    }

    static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
