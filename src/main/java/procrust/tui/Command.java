package procrust.tui;

/**
 * What a key press asks of the outside world. Only {@link Hold} and {@link Release} change anything,
 * and only after the operator confirmed them; {@link Quit} leaves everything as it is.
 */
public sealed interface Command {

    /** Nothing beyond redrawing. */
    record None() implements Command {
    }

    /** Leave the TUI. */
    record Quit() implements Command {
    }

    /** {@code procrust stop ID}: stop the process and hold it stopped. */
    record Hold(String id) implements Command {
    }

    /** {@code procrust start ID}: release the hold (and retry a FAILED process). */
    record Release(String id) implements Command {
    }

    Command NONE = new None();
    Command QUIT = new Quit();
}
