package procrust.config;

/** A 1-based line and column in the config file; {@link #NONE} when unknown. */
public record SourcePos(int line, int column) {
    public static final SourcePos NONE = new SourcePos(0, 0);
}
