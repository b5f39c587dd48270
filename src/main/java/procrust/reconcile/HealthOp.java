package procrust.reconcile;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
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
    final HealthCheck check;
    Instant deadline;
    Instant nextAttempt;
    Spawned probe;
    int attempts;

    HealthOp(Key key, HealthCheck check, Instant startedAt, Instant now) {
        this.key = key;
        this.check = check;
        this.deadline = startedAt.plus(check.timeout());
        this.nextAttempt = now;
    }

    /** Moves the check on; returns true when it is over (RUNNING, or a failed start begun). */
    boolean progress(Reconciler r, ProcessSpec spec, Instant now) {
        InstanceRecord rec = r.state().find(key.id(), key.version()).orElse(null);
        if (rec == null || rec.state() != InstanceState.PENDING_HEALTH_CHECK) {
            killProbe(r, Signal.KILL);
            return true;
        }
        if (probe != null && probe.exit().isDone()) {
            int code = probe.exit().getNow(-1);
            killProbe(r, Signal.TERM);
            if (code == 0) {
                r.setState(r.state().put(rec.toBuilder().state(InstanceState.RUNNING, now).runningSince(now)
                        .note(null).build()));
                r.fx().log().info("healthy", key, "health check passed (attempt " + attempts + ", "
                        + Duration.between(rec.startedAt(), now).toMillis() + " ms after start): RUNNING");
                return true;
            }
            r.fx().log().debug("health-check", key, "attempt " + attempts + " " + ExitRules.describe(code));
            nextAttempt = now.plus(check.interval());
        }
        if (!now.isBefore(deadline)) {
            killProbe(r, Signal.KILL);
            String why = "health check did not pass within " + human(check.timeout()) + " (" + attempts
                    + " attempt" + (attempts == 1 ? "" : "s") + ")";
            r.failStart(rec, spec, why, now);
            return true;
        }
        if (probe == null && !now.isBefore(nextAttempt)) {
            attempts++;
            try {
                probe = r.fx().launcher().spawn(OrphanProbes.mark(
                        Starter.spawnRequest(r.config(), r.fx().logDir(), spec, check.command())));
                probe.exit().thenRun(r::wake);
            } catch (IOException e) {
                r.fx().log().warn("health-check", key, "attempt " + attempts + " could not start: " + e.getMessage());
                nextAttempt = now.plus(check.interval());
            }
        }
        return false;
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
    void killProbe(Reconciler r, Signal sig) {
        if (probe != null) {
            if (r.fx().table().groupAlive(probe.pid())) {
                r.fx().signaller().signalGroup(probe.pid(), sig);
            }
            probe = null;
        }
    }

    static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
