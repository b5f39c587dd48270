package procrust.diag;

/**
 * Stable diagnostic codes. The kebab-case {@link #wire()} form is part of the contract (SPEC §2):
 * scripts match on it, so never rename one; add new ones instead. Each is documented in the README.
 */
public enum Code {
    /** The file could not be read at all (missing, a directory, unreadable, not UTF-8 text). */
    FILE_UNREADABLE("file-unreadable"),
    /** The TOML parser rejected the text. */
    TOML_SYNTAX("toml-syntax"),
    /** A key procrust does not know; the message names the closest known key. */
    UNKNOWN_KEY("unknown-key"),
    /** A required key is absent. */
    MISSING_FIELD("missing-field"),
    /** A key is present but its value is of the wrong type or out of range. */
    INVALID_VALUE("invalid-value"),
    /** Two entries share the same (id, apply_on). */
    DUPLICATE_VERSION("duplicate-version"),
    /** depends_on names an id that the file does not define. */
    MISSING_DEPENDENCY("missing-dependency"),
    /** A process lists itself in depends_on. */
    SELF_DEPENDENCY("self-dependency"),
    /** The versions active at some instant depend on each other in a circle. */
    DEPENDENCY_CYCLE("dependency-cycle"),
    /** file_format is not one this procrust knows. */
    UNSUPPORTED_FILE_FORMAT("unsupported-file-format"),
    /** Warning: a dependency on an id that is never active (all versions fake). */
    INACTIVE_DEPENDENCY("inactive-dependency"),
    /** Warning: the same week day listed twice. */
    DUPLICATE_WEEK_DAY("duplicate-week-day"),
    /** Warning: a version that can never become active. */
    SHADOWED_VERSION("shadowed-version"),
    /** Refused for security reasons (file permissions, ownership). */
    INSECURE_FILE("insecure-file"),
    /** Warning: a group (log_group) that does not exist on this host. */
    UNKNOWN_GROUP("unknown-group");

    private final String wire;

    Code(String wire) {
        this.wire = wire;
    }

    /** The stable kebab-case name used in every output. */
    public String wire() {
        return wire;
    }
}
