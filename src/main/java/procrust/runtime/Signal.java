package procrust.runtime;

/** The signals procrust sends: a stop's first signal ({@code stop_signal}), then KILL. */
public enum Signal {
    TERM, KILL, INT, QUIT, HUP, USR1, USR2;

    /** The signal of this name ({@code "TERM"}, {@code "USR1"}), TERM when the name is null. */
    public static Signal named(String name) {
        return name == null ? TERM : valueOf(name);
    }
}
