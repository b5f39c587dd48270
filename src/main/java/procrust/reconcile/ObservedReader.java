package procrust.reconcile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import procrust.config.Config;
import procrust.plan.InstanceState;
import procrust.plan.Observed;
import procrust.plan.ObservedInstance;
import procrust.runtime.ProcessTable;
import procrust.state.InstanceRecord;
import procrust.state.StateFile;

/**
 * From what the state file says to what is true now: each record that claims a live process is
 * checked against /proc ({@link Adoption}); one that is not provably ours and alive is treated as
 * ended (exit code unknown) by the same rules apply uses, and never signalled. Then the records
 * become the planner's {@link Observed}.
 */
public final class ObservedReader {

    private ObservedReader() {
    }

    /** The verified state, and one line per record found gone (for the event log). */
    public record Verified(StateFile state, List<String> gone) {
    }

    public static Verified verify(StateFile recorded, Config config, ProcessTable table, Instant now) {
        StateFile s = recorded;
        List<String> gone = new ArrayList<>();
        String boot = table.bootId();
        for (InstanceRecord r : recorded.instances()) {
            if (!r.claimsLive()) {
                continue;
            }
            Adoption.Verdict v = Adoption.check(r, table.stat(r.pid()), boot);
            if (v == Adoption.Verdict.ALIVE) {
                continue;
            }
            Key k = new Key(r.id(), r.version());
            String why = "pid " + r.pid() + ": " + v.why();
            // the leader is gone: its group is ours only while its members carry this uid (the whole group
            // may have ended while no apply ran, and its number been reused by another session since)
            boolean remnants = Adoption.groupStillOurs(v) && table.groupCarries(r.pid(), "PROCRUST_UID=" + recorded.uid());
            if (r.state() == InstanceState.STOPPING) {
                if (remnants) {
                    continue; // the leader is gone but its group is not: apply resumes the stop
                }
                if (r.afterStop() == null) {
                    s = s.remove(r.id(), r.version());
                } else {
                    s = s.put(r.toBuilder().gone(null).afterStop(null).state(r.afterStop(), now).build());
                }
                gone.add(k + " " + why + "; its stop is complete");
                continue;
            }
            ExitRules.Outcome o = ExitRules.exited(r, config == null ? null : Entries.entry(config, k), null, now);
            InstanceRecord rec = o.record().toBuilder().note(v.why() + "; " + o.record().note()).build();
            if (rec.state() == InstanceState.BACKOFF) {
                // it ended while nobody watched, some unknown time ago: start it again at once
                rec = rec.toBuilder().backoffUntil(now).note(v.why() + "; ended while no apply watched it "
                        + "(exit code unknown): to be started again").build();
            }
            if (remnants) {
                // the rest of its group lives on: apply stops it before anything else, then applies the outcome
                rec = rec.toBuilder().afterStop(rec.state()).processOf(r).state(InstanceState.STOPPING, now)
                        .note(rec.note() + "; the rest of its process group is stopped first").build();
            }
            s = s.put(rec);
            gone.add(k + " " + why + "; now " + rec.state());
        }
        return new Verified(s, gone);
    }

    /**
     * The planner's view of verified records. {@code unsupervised}: live instances no running apply
     * watches yet (the planner shows {@code adopt} for them).
     */
    public static Observed toObserved(StateFile s, Set<Key> unsupervised) {
        List<ObservedInstance> out = new ArrayList<>();
        for (InstanceRecord r : s.instances()) {
            boolean live = r.claimsLive();
            Key k = new Key(r.id(), r.version());
            Instant since = live && r.startedAt() != null && r.state() != InstanceState.STOPPING ? r.startedAt() : r.since();
            out.add(new ObservedInstance(r.id(), r.version(), r.state(), live ? r.pid() : null, since, r.restarts(),
                    r.consecutiveFailures(), r.backoffUntil(), r.completedWindow(), r.fingerprint(),
                    live && unsupervised.contains(k), r.note()));
        }
        return new Observed(out, Set.copyOf(s.holds()), Self.get());
    }

    /** Keys of every record that claims a live process (all unsupervised when no apply runs). */
    public static Set<Key> liveKeys(StateFile s) {
        Set<Key> out = new java.util.HashSet<>();
        for (InstanceRecord r : s.instances()) {
            if (r.claimsLive()) {
                out.add(new Key(r.id(), r.version()));
            }
        }
        return out;
    }
}
