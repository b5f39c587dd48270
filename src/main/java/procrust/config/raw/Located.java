package procrust.config.raw;

import java.util.Map;
import procrust.config.SourcePos;

/** A table of the file: where it starts and where each of its keys is (keys as written, snake_case). */
public interface Located {

    /** Position of the table's header (or of its key, for an inline table). */
    SourcePos pos();

    /** Positions of the keys present in the table, by key ({@code "start_time"}, {@code "env.PORT"}). */
    Map<String, SourcePos> at();

    /** True when the key is written in the table (even with an unusable value). */
    default boolean has(String key) {
        return at().containsKey(key);
    }

    /** Position of a key, or the table's own position when the key is absent. */
    default SourcePos posOf(String key) {
        SourcePos p = at().get(key);
        return p != null ? p : pos();
    }
}
