package procrust.config.raw;

import java.util.List;
import java.util.Map;
import procrust.config.SourcePos;

/**
 * {@code user}, {@code group}, {@code umask}, {@code env_file}, {@code stop_signal} and {@code limits}
 * of an entry or of the top level, as written and already checked for form by the reader (a
 * malformed value is reported there and null here). Their positions are those of the table holding
 * them ({@code at}); {@code envFiles} and {@code limits} keep one position per element.
 *
 * @param user       a user name or numeric uid
 * @param group      a group name or numeric gid
 * @param umask      four octal digits
 * @param envFiles   the paths as written, each with its position
 * @param stopSignal a signal name without the SIG prefix (entries only)
 * @param limits     limit name to value ({@link procrust.config.RunAs#UNLIMITED} for none)
 * @param limitsAt   where each limit is written
 */
public record RawRunAs(String user, String group, String umask, List<RawRef> envFiles, String stopSignal,
                       Map<String, Long> limits, Map<String, SourcePos> limitsAt) {

    public static final RawRunAs NONE = new RawRunAs(null, null, null, null, null, null, Map.of());

    public RawRunAs {
        envFiles = envFiles == null ? null : List.copyOf(envFiles);
        limits = limits == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(limits));
        limitsAt = limitsAt == null ? Map.of() : Map.copyOf(limitsAt);
    }
}
