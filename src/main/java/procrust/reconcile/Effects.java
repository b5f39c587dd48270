package procrust.reconcile;

import java.nio.file.Path;
import java.time.Clock;
import procrust.runtime.Launcher;
import procrust.runtime.NetProbes;
import procrust.runtime.ProcessTable;
import procrust.runtime.Signaller;
import procrust.state.StateStore;

/**
 * Everything the reconciler touches outside itself, injected: real Linux implementations in apply,
 * recording fakes in unit tests.
 */
public record Effects(Launcher launcher, Signaller signaller, ProcessTable table, Clock clock,
                      PlanFunction planner, WindowOpening windows, StateStore store, EventLog log, Path logDir,
                      NetProbes probes) {

    /** Effects whose http/tcp health checks use their own {@link NetProbes} (threads made at the first check). */
    public Effects(Launcher launcher, Signaller signaller, ProcessTable table, Clock clock, PlanFunction planner,
                   WindowOpening windows, StateStore store, EventLog log, Path logDir) {
        this(launcher, signaller, table, clock, planner, windows, store, log, logDir, new NetProbes());
    }
}
