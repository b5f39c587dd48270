package procrust.tui;

import java.io.IOException;

/**
 * The seam to the operator commands: {@code procrust stop ID} (hold) and {@code procrust start ID}
 * (release). The TUI calls nothing else that changes the host. Each returns at once with whether the
 * request was accepted; the screen then follows the process's state until the change shows.
 */
public interface HoldActions {

    /** Whether a request was taken, and a sentence for the operator. */
    record Outcome(boolean accepted, String message) {
    }

    /** Stops the process (its whole group) and holds it stopped across apply restarts. */
    Outcome hold(String id) throws IOException;

    /** Releases the hold: the process starts again when the file wants it (a FAILED one is retried). */
    Outcome release(String id) throws IOException;
}
