package procrust.config.raw;

import procrust.config.SourcePos;

/** A process id named in {@code depends_on}, where it is written. */
public record RawRef(String id, SourcePos pos) {
}
