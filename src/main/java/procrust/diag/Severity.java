package procrust.diag;

/** How bad a diagnostic is. Errors make a file invalid; warnings never do. */
public enum Severity {
    ERROR, WARNING;

    /** The lower-case name used in text and JSON output. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
