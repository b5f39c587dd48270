package procrust.reconcile;

import java.util.ArrayList;
import java.util.List;
import procrust.state.InstanceRecord;

/**
 * What one operation on an instance ({@link StartOp}, {@link StopOp}, {@link HealthOp}, an exit) came
 * to: the change of its record, the events to log, whether it counts as a failure, and whether the
 * operation is over. Operations only return it; the {@link Reconciler} applies it, in one place.
 *
 * @param change    what becomes of the instance's record
 * @param record    the record to put ({@link Change#PUT}, {@link Change#ENDED}), else null
 * @param groupOurs for {@link Change#ENDED}: its process group is provably still ours (see
 *                  {@link Adoption#groupStillOurs}), so members that outlive the leader are stopped first
 * @param failure   counts against the run (a failed start, a crash, a stop stuck after SIGKILL)
 * @param over      the operation in progress is done
 */
record Outcome(Key key, Change change, InstanceRecord record, boolean groupOurs, boolean failure, boolean over,
               List<Event> events) {

    /** What becomes of the record. */
    enum Change {
        /** Nothing. */
        NONE,
        /** The record is replaced. */
        PUT,
        /** The process ended and this is what the record becomes, once no member of its group is left. */
        ENDED,
        /** The record is forgotten. */
        REMOVE
    }

    /** One line for the event log, about {@link #key}. */
    record Event(EventLog.Level level, String name, String message) {
    }

    Outcome {
        events = List.copyOf(events);
    }

    /** Nothing changes (yet). */
    static Outcome none(Key key) {
        return new Outcome(key, Change.NONE, null, false, false, false, List.of());
    }

    /** The record becomes {@code r}. */
    static Outcome put(Key key, InstanceRecord r) {
        return new Outcome(key, Change.PUT, r, false, false, false, List.of());
    }

    /** The record is forgotten. */
    static Outcome remove(Key key) {
        return new Outcome(key, Change.REMOVE, null, false, false, false, List.of());
    }

    /** The process ended (or its start failed) with this outcome, logged as its event says. */
    static Outcome ended(Key key, ExitRules.Outcome o, boolean groupOurs) {
        return new Outcome(key, Change.ENDED, o.record(), groupOurs, o.failure(), false, List.of())
                .log(o.failure() ? EventLog.Level.WARN : EventLog.Level.INFO, o.event(), o.record().note());
    }

    /** A start that failed before its process ran: the record is put, the failure counted. */
    static Outcome failedStart(Key key, ExitRules.Outcome o) {
        return put(key, o.record()).failed().log(EventLog.Level.WARN, o.event(), o.record().note());
    }

    Outcome log(EventLog.Level level, String name, String message) {
        List<Event> more = new ArrayList<>(events);
        more.add(new Event(level, name, message));
        return new Outcome(key, change, record, groupOurs, failure, over, more);
    }

    /** {@code next}, with the events of this one logged first. */
    Outcome then(Outcome next) {
        List<Event> all = new ArrayList<>(events);
        all.addAll(next.events);
        return new Outcome(next.key, next.change, next.record, next.groupOurs, next.failure, next.over, all);
    }

    Outcome failed() {
        return new Outcome(key, change, record, groupOurs, true, over, events);
    }

    Outcome done() {
        return new Outcome(key, change, record, groupOurs, failure, true, events);
    }
}
