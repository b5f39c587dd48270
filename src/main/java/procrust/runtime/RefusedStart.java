package procrust.runtime;

import java.io.IOException;

/**
 * A start that must not be tried again until the file or procrust's own user changes: the file asks
 * for a user or group that only root may switch to, and procrust is not root. Retrying cannot help.
 */
public final class RefusedStart extends IOException {

    public RefusedStart(String message) {
        super(message);
    }
}
