package procrust.config;

import java.util.Locale;

/** {@code type} of a process entry. */
public enum ProcessType {
    /** A long-running service (the default). */
    NORMAL,
    /** Ignored everywhere: the seed's rollback mechanism. */
    FAKE,
    /** Runs to completion once per version (and once per window when scheduled). */
    ONESHOT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
