package procrust.tui;

import java.util.function.Consumer;

/**
 * The seam to the operator commands: {@code procrust stop ID} (hold) and {@code procrust start ID}
 * (release), the only things the TUI asks that change the host. Each returns at once; the outcome
 * arrives later, from another thread, once the command's own confirmation is in (the stop confirmed
 * by apply, or done under the lock when no apply runs).
 */
public interface HoldActions {

    /** The command's last word: success, and the line it printed. */
    record Outcome(boolean ok, String message) {
    }

    /** Stops the process (its whole group) and holds it stopped across apply restarts. */
    void hold(String id, Consumer<Outcome> done);

    /** Releases the hold: the process starts again when the file wants it (a FAILED one is retried). */
    void release(String id, Consumer<Outcome> done);
}
