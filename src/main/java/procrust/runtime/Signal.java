package procrust.runtime;

/** The signals procrust sends: a stop's first signal ({@code stop_signal}), then KILL. */
public enum Signal {
    TERM(15), KILL(9), INT(2), QUIT(3), HUP(1), USR1(10), USR2(12);

    private final int number;

    Signal(int number) {
        this.number = number;
    }

    /** Its number on Linux (x86-64 and arm64 alike). */
    public int number() {
        return number;
    }

    /** The signal of this name ({@code "TERM"}, {@code "USR1"}), TERM when the name is null. */
    public static Signal named(String name) {
        return name == null ? TERM : valueOf(name);
    }
}
