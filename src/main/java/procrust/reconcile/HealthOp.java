package procrust.reconcile;

import java.time.Duration;
import java.time.Instant;
import procrust.config.HealthCheck;
import procrust.config.ProcessSpec;
import procrust.health.Attempt;
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
    final HealthCheck check;
    final Instant deadline;
    private final LogLineWatch watch;
    Instant nextAttempt;
    private Attempt attempt;
    int attempts;

    /** @param watch the log watch begun just before the spawn, for a {@code log_line} check (else null) */
    HealthOp(Key key, HealthCheck check, Instant startedAt, Instant now, LogLineWatch watch) {
        this.key = key;
        this.check = check;
        this.deadline = startedAt.plus(check.timeout());
        this.nextAttempt = now;
        this.watch = watch;
    }

    /** Moves the check on; returns true when it is over (RUNNING, or a failed start begun). */
    boolean progress(Reconciler r, ProcessSpec spec, Instant now) {
        InstanceRecord rec = r.state().find(key.id(), key.version()).orElse(null);
        if (rec == null || rec.state() != InstanceState.PENDING_HEALTH_CHECK) {
            cancel();
            return true;
        }
        if (attempt != null && taken(r, rec, attempt.poll(now), now)) {
            return true;
        }
        if (!now.isBefore(deadline)) {
            cancel();
            String why = "health check did not pass within " + human(check.timeout()) + " (" + attempts
                    + " attempt" + (attempts == 1 ? "" : "s") + ")";
            r.failStart(rec, spec, why, now);
            return true;
        }
        if (attempt == null && !now.isBefore(nextAttempt)) {
            attempts++;
            attempt = r.attempts().start(check.probe(), now, deadline,
                    () -> OrphanProbes.probeRequest(r.config(), r.fx().logDir(), spec, check.command()), watch, r::wake);
            // over at once: a log_line look, or a command that could not start
            return taken(r, rec, attempt.poll(now), now);
        }
        return false;
    }

    /** Takes in the attempt's result, when there is one; true when the check passed. */
    private boolean taken(Reconciler r, InstanceRecord rec, ProbeResult res, Instant now) {
        if (res == null) {
            return false;
        }
        attempt = null;
        if (res.ok()) {
            r.setState(r.state().put(rec.toBuilder().state(InstanceState.RUNNING, now).runningSince(now)
                    .note(null).build()));
            r.fx().log().info("healthy", key, "health check passed (attempt " + attempts + ", "
                    + Duration.between(rec.startedAt(), now).toMillis() + " ms after start; " + res.detail()
                    + "): RUNNING");
            return true;
        }
        r.fx().log().debug("health-check", key, "attempt " + attempts + ": " + res.detail());
        nextAttempt = now.plus(check.interval());
        return false;
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

    static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
