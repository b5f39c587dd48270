package procrust.reconcile;

import java.time.Instant;
import procrust.config.Config;
import procrust.state.StateFile;

/**
 * Something outside the reconciler that watches an apply (the metrics file of {@code --metrics-file}).
 * Called on the apply's thread: an implementation only takes note and returns at once; its work goes
 * on a thread of its own. {@link StateFile} and {@link Config} are immutable, so they may be kept.
 */
public interface ApplyObserver {

    ApplyObserver NONE = new ApplyObserver() {
    };

    /** The reconciler took a step at {@code at} (at least every {@link #EVERY_SECONDS} s while apply runs). */
    default void stepped(Config config, StateFile state, Instant at) {
    }

    /** An event of procrust's event log, as {@link EventLog#log} got it ({@code key} may be null). */
    default void event(EventLog.Level level, String event, Key key, String message) {
    }

    /** The apply ends. */
    default void close() {
    }

    /** How often apply steps at least while it has an observer. */
    int EVERY_SECONDS = 15;
}
