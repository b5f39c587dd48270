package procrust.runtime;

import java.util.List;
import java.util.Optional;

/** Read-only view of the host's processes (identity, liveness, group membership). */
public interface ProcessTable {

    /** The process's stat, or empty when no such pid exists now. */
    Optional<ProcStat> stat(long pid);

    /** This boot's id ({@code /proc/sys/kernel/random/boot_id}). */
    String bootId();

    /** Pids of the live (non-zombie) members of process group {@code pgid}. */
    List<Long> groupMembers(long pgid);

    /** True while any non-zombie member of the group remains. */
    default boolean groupAlive(long pgid) {
        return !groupMembers(pgid).isEmpty();
    }
}
