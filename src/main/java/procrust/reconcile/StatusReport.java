package procrust.reconcile;

import java.time.Instant;
import java.util.List;
import procrust.plan.InstanceState;
import procrust.plan.Upcoming;

/**
 * What {@code procrust status} shows (and what a TUI can show): one row per instance known from the
 * file or the state, whether an apply runs, and whether every wanted process is in its wanted state.
 *
 * @param applyPid     the pid of the running apply of this uid, or null
 * @param stateProblem a problem with the state file (corrupt...), or null
 * @param ok           true when every wanted process is in its wanted state (exit 0; else 3)
 */
public record StatusReport(String uid, Long applyPid, List<Row> rows, String stateProblem, boolean ok, Instant at) {

    public StatusReport {
        rows = List.copyOf(rows);
    }

    /**
     * One instance.
     *
     * @param pid       the live process-group leader, or null
     * @param startedAt when its live process started, or null
     * @param note      why it waits, the last failure, what changed since start... or null
     * @param next      the next change the file has in store for its id (a window edge, a version
     *                  switch), or null
     */
    public record Row(String id, String version, String type, InstanceState state, Long pid, Instant startedAt,
                      int restarts, String note, Upcoming.Event next) {

        /** A row with no next change known. */
        public Row(String id, String version, String type, InstanceState state, Long pid, Instant startedAt,
                   int restarts, String note) {
            this(id, version, type, state, pid, startedAt, restarts, note, null);
        }
    }
}
