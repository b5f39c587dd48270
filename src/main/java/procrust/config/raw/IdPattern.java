package procrust.config.raw;

/** The shape of a process id (and of a group name): safe in file names, logs and messages. */
public final class IdPattern {

    /** 1-64 letters, digits, space, {@code _ . -}, starting with a letter or digit. */
    public static final String REGEX = "[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}";

    /** Said after "must be" when an id does not match. */
    public static final String MESSAGE = "1-64 letters, digits, spaces, '_', '.' or '-', starting with a letter or digit";

    private IdPattern() {
    }
}
