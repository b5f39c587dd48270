package procrust.runtime;

import java.util.List;
import java.util.Optional;

/** Read-only view of the host's processes (identity, liveness, group membership). */
public interface ProcessTable {

    /** The process's stat, or empty when no such pid exists now. */
    Optional<ProcStat> stat(long pid);

    /**
     * True when a live (non-zombie) process or thread with this id exists now: the cheap look, with
     * no proof of identity, that tells a live adopted process from an ended one between two full looks.
     */
    default boolean alive(long pid) {
        return stat(pid).filter(s -> !s.zombie()).isPresent();
    }

    /** This boot's id ({@code /proc/sys/kernel/random/boot_id}). */
    String bootId();

    /**
     * Pids of the live (non-zombie) members of the process group {@code pgid} in the session of the
     * same id: the processes procrust spawns lead both, so a member of both is provably of that
     * spawn (a group id cannot be reused while any member remains). Zombies run nothing and may never
     * be reaped when the host's init does not reap orphans, so they do not count.
     */
    List<Long> groupMembers(long pgid);

    /** True while any non-zombie member of the group remains. */
    default boolean groupAlive(long pgid) {
        return !groupMembers(pgid).isEmpty();
    }

    /**
     * True when the group has a live member carrying {@code entry} (like {@code PROCRUST_UID=<uid>}) in
     * its environment and none carrying another value of it: the proof that a group whose recorded leader is
     * gone is still the remnant of that spawn. A group id is not reused while it has members, but the
     * whole group may have ended while no apply ran and the number be reused by another session since.
     * An environment that cannot be read proves nothing. This default, for tables without
     * environments, relies on membership alone.
     */
    default boolean groupCarries(long pgid, String entry) {
        return groupAlive(pgid);
    }

    /**
     * Process groups (each in the session of the same id) with a live member whose environment holds
     * every one of {@code entries}; empty for tables without environments.
     */
    default List<Long> groupsCarrying(List<String> entries) {
        return List.of();
    }

    /**
     * The process groups whose members carry exactly {@code PROCRUST_UID=<uid>} (health-check probes and
     * hooks aside), each with its leader's identity when the leader itself carries it: how apply finds
     * its services when its state file cannot tell. Empty for tables without environments.
     */
    default List<UidGroup> groupsOfUid(String uid) {
        return List.of();
    }
}
