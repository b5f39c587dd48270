package procrust.reconcile;

/**
 * procrust's own log: one line per event, what it did and why (docs/apply.md "Event log"). The
 * {@code event} is a stable kebab-case word (started, healthy, stopped, adopted, back-off...).
 */
public interface EventLog {

    enum Level { DEBUG, INFO, WARN, ERROR }

    /** {@code key} may be null for events of procrust itself (file reloaded...). */
    void log(Level level, String event, Key key, String message);

    default void info(String event, Key key, String message) {
        log(Level.INFO, event, key, message);
    }

    default void warn(String event, Key key, String message) {
        log(Level.WARN, event, key, message);
    }

    default void debug(String event, Key key, String message) {
        log(Level.DEBUG, event, key, message);
    }
}
