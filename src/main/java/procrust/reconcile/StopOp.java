package procrust.reconcile;

import java.time.Duration;
import java.time.Instant;
import procrust.plan.InstanceState;
import procrust.runtime.Signal;
import procrust.runtime.Signaller;
import procrust.state.InstanceRecord;

/**
 * The one stop in progress: {@code stop_signal} (SIGTERM by default) to the group, SIGKILL after {@code stop_timeout}, done only
 * when no member of the group remains. The record is STOPPING meanwhile and says what it becomes
 * afterwards ({@link InstanceRecord#afterStop()}), so a stop cut short by apply's death resumes.
 */
final class StopOp {

    /** How often the group is looked for while a stop is in progress ... */
    static final Duration POLL = Duration.ofMillis(100);
    /** ... after quicker first looks (2, 4, 8, ... 64 ms after a signal): a group that heeds the
     * signal is usually gone within a few milliseconds, and a restart waits for this stop (a look
     * is a kill(2) and a few stat files, a pass over /proc only while zombies are left: see
     * {@link procrust.runtime.LinuxProcessTable#groupAlive}). */
    static final Duration FIRST_POLL = Duration.ofMillis(2);
    /** After SIGKILL, how long before the event log says the group will not die. */
    static final Duration KILL_GRACE = Duration.ofSeconds(5);

    final Key key;
    final long pgid;
    private final Signal first;
    private final Duration timeout;
    private Instant deadline;
    private Instant killedAt;
    private boolean reportedStuck;
    /** Looks at the group since the last signal. */
    private int looks;

    private StopOp(Key key, long pgid, Signal first, Duration timeout, Instant now) {
        this.key = key;
        this.pgid = pgid;
        this.first = first;
        this.timeout = timeout;
        this.deadline = now.plus(timeout);
    }

    /** Sends {@code first} (the entry's stop_signal) to the group of {@code pgid}; the stop is then in progress. */
    static StopOp begin(Key key, long pgid, Signal first, Duration timeout, Signaller signaller, Instant now) {
        signaller.signalGroup(pgid, first);
        return new StopOp(key, pgid, first, timeout, now);
    }

    /**
     * Moves the stop on ({@code rec}: the instance's record now, or null). The outcome is
     * {@link Outcome#over() over} when no member of the group remains: the record then becomes what
     * it said to become after the stop, or is forgotten.
     */
    Outcome progress(InstanceRecord rec, Effects fx, Instant now) {
        looks++;
        if (!fx.table().groupAlive(pgid)) {
            return finish(rec, now).done();
        }
        if (killedAt == null && !now.isBefore(deadline)) {
            String waited = Duration.between(deadline, now).plus(timeout).toSeconds() + "s";
            fx.signaller().signalGroup(pgid, Signal.KILL);
            killedAt = now;
            looks = 0;
            return Outcome.none(key).log(EventLog.Level.WARN, "kill", "still running " + waited
                    + " after SIG" + first.name() + ": sending SIGKILL to process group " + pgid);
        }
        if (killedAt != null && !reportedStuck && !now.isBefore(killedAt.plus(KILL_GRACE))) {
            reportedStuck = true;
            return Outcome.none(key).failed().log(EventLog.Level.ERROR, "stop-stuck", "process group " + pgid
                    + " survives SIGKILL (uninterruptible sleep?); waiting for it before anything else");
        }
        return Outcome.none(key);
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

    private Outcome finish(InstanceRecord rec, Instant now) {
        if (rec == null) {
            return Outcome.none(key);
        }
        InstanceState after = rec.afterStop();
        String how = killedAt == null ? "stopped" : "stopped (SIGKILL)";
        if (after == null) {
            return Outcome.remove(key).log(EventLog.Level.INFO, "stopped", how + "; no process of its group remains");
        }
        InstanceRecord done = rec.toBuilder().gone(rec.lastExit()).afterStop(null).state(after, now).build();
        // a FAILED or BACKOFF outcome's note was logged with its own event just before
        boolean said = after == InstanceState.FAILED || after == InstanceState.BACKOFF;
        return Outcome.put(key, done).log(EventLog.Level.INFO, "stopped", how + "; no process of its group remains; now "
                + after + (done.note() == null || said ? "" : " (" + done.note() + ")"));
    }
}
