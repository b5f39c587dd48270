package procrust.config.raw;

import java.util.List;
import procrust.config.Hook;
import java.util.Map;
import procrust.config.SourcePos;

/**
 * The top level of a procrust file as written. A null value is an absent key or one whose value could
 * not be read (the reader has reported it; {@link Located#has} tells which). The entries are
 * validated one by one (not cascaded from here), so that large files validate in parallel.
 * {@code runAs} holds the file-wide defaults of user, group, umask, env_file and limits.
 */
public record RawConfig(
        SourcePos pos,
        Map<String, SourcePos> at,
        String uid,
        String fileFormat,
        String timezone,
        Long logMaxSize,
        Long logKeep,
        String logGroup,
        List<RawProcess> processes,
        RawRunAs runAs,
        List<Hook> hooks) implements Located {

    public RawConfig {
        at = Map.copyOf(at);
        runAs = runAs == null ? RawRunAs.NONE : runAs;
        processes = List.copyOf(processes);
        hooks = hooks == null ? List.of() : List.copyOf(hooks);
    }
}
