package procrust.config.read;

import procrust.config.raw.RawProcess;

/**
 * A check of one {@code [[process]]} entry run while the file is read (for a large file, on the
 * threads that parse it). Must be thread-safe; reports to the sink it is given.
 */
@FunctionalInterface
public interface EntryCheck {
    void check(RawProcess entry, Sink sink);
}
