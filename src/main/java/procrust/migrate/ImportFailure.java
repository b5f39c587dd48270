package procrust.migrate;

/** The input cannot be read or parsed: the message names the file and, where known, line and column. */
public final class ImportFailure extends Exception {

    private static final long serialVersionUID = 1L;

    public ImportFailure(String message) {
        super(message);
    }
}
