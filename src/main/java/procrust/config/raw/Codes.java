package procrust.config.raw;

import jakarta.validation.Payload;

/**
 * Constraint payloads naming the diagnostic code of a violation when it is not the default
 * ({@code missing-field} for an absent key, else {@code invalid-value}).
 */
public final class Codes {

    private Codes() {
    }

    /** The violation is reported as {@code unsupported-file-format}. */
    public interface UnsupportedFileFormat extends Payload {
    }
}
