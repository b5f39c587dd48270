package procrust.runtime;

import java.time.Instant;
import java.util.List;

/**
 * A process group found by its environment: its live members carry one uid's {@code PROCRUST_UID}
 * (see {@link ProcessTable#groupsOfUid}). Every procrust spawn leads its own session and group, so
 * {@code pgid} is the spawn's pid.
 *
 * @param pgid      the group (and session) id
 * @param leader    the leader, when it is alive and itself carries the uid; null when it is gone (the
 *                  members are a remnant) or its environment no longer shows the uid
 * @param members   the live members that carry the uid, the leader included
 */
public record UidGroup(long pgid, Leader leader, List<Long> members) {

    public UidGroup {
        members = List.copyOf(members);
    }

    /**
     * The leader's identity, read as stat, environment, stat again (the same start time both times,
     * so the environment is this process's and not a reused pid's).
     *
     * @param id        its {@code PROCRUST_ID}, or null when it has none
     * @param version   its {@code PROCRUST_VERSION}, or null when it has none
     * @param startedAt when it started (from its start time and the boot time), or null when unknown
     */
    public record Leader(long pid, long startTicks, String id, String version, Instant startedAt) {
    }
}
