package procrust.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import procrust.config.Config;
import procrust.config.ProcessSpec;
import procrust.health.AttemptStarter;
import procrust.health.LivenessChecks;
import procrust.plan.InstanceState;
import procrust.state.HealthRecord;
import procrust.state.InstanceRecord;
import procrust.state.StateFile;

/**
 * The liveness checks of this apply over the records: which instances are checked (RUNNING, with a
 * live pid and a {@code health_check} in their entry, adopted ones too) and what their records show.
 * What a check finds is kept beside the state, not in it, so that a check changes no record the plan
 * is made from (a check of each of 100 services every 10 s would otherwise re-plan ten times a
 * second); it is merged into the records when they are written ({@link #shown}). A change of a count
 * or of the last error asks for a write at once; a refreshed last success waits for the next write, or
 * at most {@link #LAZY_WRITE}. The counts of an earlier apply are not taken over: they start at 0.
 */
final class LivenessOp {

    /** The longest a refreshed "last success" waits for a write of its own. */
    static final Duration LAZY_WRITE = Duration.ofSeconds(30);

    private final LivenessChecks checks;
    private final Map<Key, HealthRecord> found = new HashMap<>();
    private boolean urgent;
    private Instant lazySince;
    /** The targets of {@link #targetsFrom} and {@link #targetsFor}: made again only when either changed. */
    private StateFile targetsFrom;
    private Config targetsFor;
    private List<LivenessChecks.Target> targets = List.of();
    /** The entries with a check of {@link #entriesFor}, by instance ({@link #entriesOf}). */
    private Config entriesFor;
    private Map<Key, ProcessSpec> entries = Map.of();

    LivenessOp(AttemptStarter starter, Runnable wake, StateFile state) {
        this.checks = new LivenessChecks(starter, wake);
        for (InstanceRecord r : state.instances()) {
            if (r.health() != null && r.health().failures() > 0) {
                urgent = true; // the counts of the apply before are shown as 0 from now on
            }
        }
    }

    /** Moves every check on; returns the instances found unhealthy. */
    List<LivenessChecks.Unhealthy> step(StateFile state, Config config, Effects fx, Instant now) {
        if (state != targetsFrom || config != targetsFor) {
            targets = targets(state, config, fx);
            targetsFrom = state;
            targetsFor = config;
        }
        List<LivenessChecks.Unhealthy> unhealthy = new ArrayList<>();
        for (LivenessChecks.Finding f : checks.step(targets, now)) {
            Key k = new Key(f.id(), f.version());
            HealthRecord before = found.put(k, f.health());
            if (f instanceof LivenessChecks.Unhealthy u) {
                unhealthy.add(u);
                found.remove(k);
            } else if (before == null || before.failures() != f.health().failures()
                    || !java.util.Objects.equals(before.lastError(), f.health().lastError())) {
                urgent = true;
                if (f.health().failures() > 0) {
                    fx.log().warn("health-check", k, "failure " + f.health().failures() + " of "
                            + Entries.entry(config, k).liveness().failures() + ": " + f.health().lastError());
                }
            } else if (lazySince == null) {
                lazySince = now;
            }
        }
        return unhealthy;
    }

    /**
     * The RUNNING instances with a check; what was found of others is dropped (a new process counts
     * afresh).
     */
    private List<LivenessChecks.Target> targets(StateFile state, Config config, Effects fx) {
        List<LivenessChecks.Target> out = new ArrayList<>();
        Map<Key, HealthRecord> kept = new HashMap<>();
        Map<Key, ProcessSpec> entries = entriesOf(config);
        for (InstanceRecord r : entries.isEmpty() ? List.<InstanceRecord>of() : state.instances()) {
            Key k = new Key(r.id(), r.version());
            ProcessSpec spec = r.state() == InstanceState.RUNNING && r.pid() != null ? entries.get(k) : null;
            if (spec == null) {
                continue;
            }
            if (found.containsKey(k)) {
                kept.put(k, found.get(k));
            }
            out.add(new LivenessChecks.Target(r.id(), r.version(), spec.liveness(),
                    () -> OrphanProbes.probeRequest(config, fx.logDir(), spec, spec.liveness().probe().target()),
                    r.health()));
        }
        found.clear();
        found.putAll(kept);
        return out;
    }

    /** The entries with a check, by instance, of the file in force (made once per file, not per change of the state). */
    private Map<Key, ProcessSpec> entriesOf(Config config) {
        if (config != entriesFor) {
            Map<Key, ProcessSpec> m = new HashMap<>();
            for (ProcessSpec p : config.processes()) {
                if (!p.isFake() && p.liveness() != null) {
                    m.put(new Key(p.id(), p.version()), p);
                }
            }
            entries = m;
            entriesFor = config;
        }
        return entries;
    }

    /** True when what the checks found should be written now. */
    boolean writeDue(Instant now) {
        return urgent || (lazySince != null && !now.isBefore(lazySince.plus(LAZY_WRITE)));
    }

    /**
     * {@code state} as written: each RUNNING instance with a check shows what this apply found (an
     * instance not tried yet: the last error and success of before, its count at 0).
     */
    StateFile shown(StateFile state) {
        StateFile out = state;
        for (InstanceRecord r : state.instances()) {
            if (r.state() != InstanceState.RUNNING || r.pid() == null
                    || (found.isEmpty() && (r.health() == null || r.health().failures() == 0))) {
                continue; // nothing found by this apply and no count of before to show as 0
            }
            HealthRecord h = found.get(new Key(r.id(), r.version()));
            if (h == null && r.health() != null && r.health().failures() > 0) {
                h = new HealthRecord(0, r.health().lastError(), r.health().lastOk());
            }
            if (h != null && !h.equals(r.health())) {
                out = out.put(r.toBuilder().health(h).build());
            }
        }
        return out;
    }

    /** {@link #shown} was written. */
    void written() {
        urgent = false;
        lazySince = null;
    }

    Instant nextWake() {
        Instant next = checks.nextWake();
        Instant lazy = lazySince == null ? null : lazySince.plus(LAZY_WRITE);
        return next == null || (lazy != null && lazy.isBefore(next)) ? lazy : next;
    }

    /** The wall clock stepped by {@code d}: intervals and the lazy write keep their real length. */
    void shift(Duration d) {
        checks.shift(d);
        if (lazySince != null) {
            lazySince = lazySince.plus(d);
        }
    }

    void shutdown() {
        checks.shutdown();
    }
}
