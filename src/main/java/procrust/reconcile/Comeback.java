package procrust.reconcile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import procrust.plan.InstanceState;
import procrust.state.InstanceRecord;
import procrust.state.StateFile;

/**
 * Whether a restart (or a start with {@code --wait}) carried out by a running apply is over, judged
 * from the state file the command reads: the old processes of each id gone (restart), and with
 * {@code wait} each id up again, RUNNING (a oneshot: COMPLETED) in a run that began after the request,
 * or failed (FAILED, BACKOFF since the request). Pure.
 */
final class Comeback {

    /** Not over yet ({@code lines} empty), or over: success and one line per id. */
    record Verdict(boolean done, boolean ok, List<String> lines) {
        Verdict {
            lines = List.copyOf(lines);
        }
    }

    private static final Verdict PENDING = new Verdict(false, false, List.of());

    private Comeback() {
    }

    /**
     * @param oldPids  per id, the pids of its live processes before the request
     * @param since    when the request was made
     * @param applyPid the running apply, for the lines
     */
    static Verdict judge(Holds.Op op, List<String> ids, StateFile state, Map<String, Set<Long>> oldPids,
                         Instant since, boolean wait, long applyPid) {
        List<String> lines = new ArrayList<>();
        boolean ok = true;
        for (String id : ids) {
            Set<Long> old = oldPids.getOrDefault(id, Set.of());
            InstanceRecord up = null;
            InstanceRecord failed = null;
            for (InstanceRecord r : state.instances()) {
                if (!r.id().equals(id)) {
                    continue;
                }
                if (r.pid() != null && old.contains(r.pid()) && r.claimsLive()) {
                    return PENDING; // an old process is still there (or being stopped)
                }
                boolean fresh = r.since() != null && !r.since().isBefore(since);
                boolean oneshot = "oneshot".equals(r.type()); // up = COMPLETED, not RUNNING
                if ((!oneshot && r.state() == InstanceState.RUNNING && r.startedAt() != null
                        && !r.startedAt().isBefore(since))
                        || (r.state() == InstanceState.COMPLETED && fresh)) {
                    up = r;
                } else if ((r.state() == InstanceState.FAILED || r.state() == InstanceState.BACKOFF) && fresh) {
                    failed = r;
                }
            }
            if (!wait) {
                lines.add(id + ": " + (old.isEmpty() ? "" : "stopped (no process of it remains); ")
                        + "apply (pid " + applyPid + ") starts it again when it is due, now if it is (see procrust status)");
            } else if (up != null) {
                lines.add(id + ": " + (up.state() == InstanceState.COMPLETED ? "ran to completion"
                        : "RUNNING (pid " + up.pid() + ")") + (op == Holds.Op.RESTART ? ", restarted" : ", started")
                        + " by apply (pid " + applyPid + ")");
            } else if (failed != null) {
                ok = false;
                lines.add(id + ": its start failed: " + failed.state() + (failed.note() == null ? ""
                        : " (" + failed.note() + ")"));
            } else {
                return PENDING;
            }
        }
        return new Verdict(true, ok, lines);
    }
}
