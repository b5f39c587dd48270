package procrust.reconcile;

import java.time.Duration;
import java.time.Instant;
import procrust.plan.InstanceState;
import procrust.runtime.Signal;
import procrust.state.InstanceRecord;

/**
 * The one stop in progress: SIGTERM to the group, SIGKILL after {@code stop_timeout}, done only
 * when no member of the group remains. The record is STOPPING meanwhile and says what it becomes
 * afterwards ({@link InstanceRecord#afterStop()}), so a stop cut short by apply's death resumes.
 */
final class StopOp {

    /** How often the group is looked for while a stop is in progress ... */
    static final Duration POLL = Duration.ofMillis(100);
    /** ... after quicker first looks (2, 4, 8, ... 64 ms after a signal): a group that heeds the
     * signal is usually gone within a few milliseconds, and a restart waits for this stop (a look
     * is one pass over /proc, well under a millisecond with a few hundred processes). */
    static final Duration FIRST_POLL = Duration.ofMillis(2);
    /** After SIGKILL, how long before the event log says the group will not die. */
    static final Duration KILL_GRACE = Duration.ofSeconds(5);

    final Key key;
    final long pgid;
    Instant deadline;
    Instant killedAt;
    boolean reportedStuck;
    /** Looks at the group since the last signal. */
    private int looks;

    StopOp(Key key, long pgid, Instant deadline) {
        this.key = key;
        this.pgid = pgid;
        this.deadline = deadline;
    }

    /**
     * Moves the stop on. Returns true when the stop finished (the record was updated or removed).
     */
    boolean progress(Reconciler r, Instant now) {
        looks++;
        if (!r.fx().table().groupAlive(pgid)) {
            finish(r, now);
            return true;
        }
        if (killedAt == null && !now.isBefore(deadline)) {
            r.fx().log().warn("kill", key, "still running " + Duration.between(deadline, now).plus(
                    r.stopTimeoutOf(key)).toSeconds() + "s after SIGTERM: sending SIGKILL to process group " + pgid);
            r.fx().signaller().signalGroup(pgid, Signal.KILL);
            killedAt = now;
            looks = 0;
        } else if (killedAt != null && !reportedStuck && !now.isBefore(killedAt.plus(KILL_GRACE))) {
            reportedStuck = true;
            r.fx().log().log(EventLog.Level.ERROR, "stop-stuck", key, "process group " + pgid
                    + " survives SIGKILL (uninterruptible sleep?); waiting for it before anything else");
            r.countFailure();
        }
        return false;
    }

    /** The wall clock stepped by {@code d}: the grace periods keep their real length. */
    void shift(Duration d) {
        deadline = deadline.plus(d);
        killedAt = killedAt == null ? null : killedAt.plus(d);
    }

    /** When to look again. */
    Instant nextWake(Instant now) {
        long ms = Math.min(POLL.toMillis(), FIRST_POLL.toMillis() << Math.min(Math.max(looks - 1, 0), 6));
        Instant poll = now.plus(Duration.ofMillis(ms));
        return killedAt == null && deadline.isBefore(poll) ? deadline : poll;
    }

    private void finish(Reconciler r, Instant now) {
        InstanceRecord rec = r.state().find(key.id(), key.version()).orElse(null);
        r.forgetWatch(key);
        if (rec == null) {
            return;
        }
        InstanceState after = rec.afterStop();
        String how = killedAt == null ? "stopped" : "stopped (SIGKILL)";
        if (after == null) {
            r.setState(r.state().remove(key.id(), key.version()));
            r.fx().log().info("stopped", key, how + "; no process of its group remains");
            return;
        }
        InstanceRecord done = rec.toBuilder().gone(rec.lastExit()).afterStop(null).state(after, now).build();
        r.setState(r.state().put(done));
        // a FAILED or BACKOFF outcome's note was logged with its own event just before
        boolean said = after == InstanceState.FAILED || after == InstanceState.BACKOFF;
        r.fx().log().info("stopped", key, how + "; no process of its group remains; now " + after
                + (done.note() == null || said ? "" : " (" + done.note() + ")"));
    }
}
