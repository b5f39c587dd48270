package procrust.reconcile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import procrust.config.Config;
import procrust.plan.Observed;
import procrust.runtime.ProcessTable;
import procrust.state.ApplyLock;
import procrust.state.StateFile;
import procrust.state.StateStore;

/**
 * What runs on this host for a uid, read the one way apply, {@code stop}/{@code start}, plan, status and
 * the TUI all read it: the state file of {@code STATE_DIR/<uid>/}, each record that claims a live
 * process verified against /proc ({@link ObservedReader#verify}), and which apply holds the uid's lock.
 * Nothing when that folder does not exist (nothing was ever applied).
 *
 * @param state    the verified state
 * @param problem  why the state file could not be used (it then counts as empty), or null
 * @param gone     one line per record found gone (for the event log)
 * @param applyPid the pid of the apply holding the uid's lock, or null when none runs
 * @param at       the instant of the reading
 */
public record Observation(StateFile state, String problem, List<String> gone, Long applyPid, Instant at) {

    /**
     * Reads it. {@code repair}: the caller holds the apply lock and a corrupt state file is set aside
     * ({@link StateStore#load}); otherwise nothing on disk changes.
     */
    public static Observation read(Path uidDir, Config config, ProcessTable table, Clock clock, boolean repair)
            throws IOException {
        Instant now = clock.instant();
        if (!Files.isDirectory(uidDir)) {
            return new Observation(StateFile.empty(config.uid()), null, List.of(), null, now);
        }
        StateStore.Loaded loaded = new StateStore(uidDir, config.uid(), clock).load(repair);
        OptionalLong holder = ApplyLock.holder(uidDir);
        ObservedReader.Verified v = ObservedReader.verify(loaded.state(), config, table, now);
        return new Observation(v.state(), loaded.problem(), v.gone(), holder.isPresent() ? holder.getAsLong() : null,
                now);
    }

    /** A way to read it without the apply lock (what a view is given, so it needs no runtime of its own). */
    @FunctionalInterface
    public interface Reader {
        Observation read(Path uidDir, Config config) throws IOException;
    }

    /** {@link #read} with this table and clock, changing nothing on disk. */
    public static Reader readOnly(ProcessTable table, Clock clock) {
        return (uidDir, config) -> read(uidDir, config, table, clock, false);
    }

    /** The planner's view: live instances count as unsupervised (plan shows adopt) unless an apply runs. */
    public Observed observed() {
        Set<Key> unsupervised = applyPid != null ? Set.of() : ObservedReader.liveKeys(state);
        return ObservedReader.toObserved(state, unsupervised);
    }

    /** What {@code status} shows for the file {@code config}. */
    public StatusReport status(Config config, PlanFunction planner) {
        return StatusBuilder.build(config, state, applyPid, problem, planner, at);
    }
}
