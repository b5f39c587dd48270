package procrust.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import procrust.diag.Diagnostic;
import procrust.reconcile.EnvironRecovery;
import procrust.runtime.ProcessTable;
import procrust.state.HostLock;
import procrust.state.StateFile;

/**
 * What {@code status} says beside the rows: whether the file is valid (and its diagnostics), how many
 * process groups carry this uid while this state does not name them, and the state dir of the apply
 * running for the uid when it is not this one (an apply given another {@code --state-dir}).
 *
 * @param unnamed        live process groups carrying this uid that the state does not name
 * @param applyPid       the pid of the apply running for this uid anywhere on the host, or null
 * @param applyStateDir  its state dir when it is not {@code stateBase}, else null
 */
record StatusContext(boolean fileValid, List<Diagnostic> diagnostics, int unnamed, Long applyPid, Path applyStateDir) {

    static StatusContext of(boolean fileValid, List<Diagnostic> diagnostics, String uid, StateFile verified,
                            Path stateBase, ProcessTable table) {
        int unnamed = EnvironRecovery.unnamed(verified, table.groupsOfUid(uid)).size();
        Optional<HostLock.Info> apply = HostLock.holder(uid);
        Path other = apply.map(HostLock.Info::stateDir).filter(d -> !d.equals(stateBase.toAbsolutePath().normalize()))
                .orElse(null);
        return new StatusContext(fileValid, diagnostics, unnamed, apply.map(HostLock.Info::pid).orElse(null), other);
    }

    /** Lines for the text view (none when there is nothing to say). */
    List<String> notes(Path stateBase) {
        List<String> out = new ArrayList<>();
        if (applyStateDir != null) {
            out.add("warning: apply (pid " + applyPid + ") runs this uid with state dir " + applyStateDir + ", not "
                    + stateBase + ": give --state-dir " + applyStateDir + " to see what it knows");
        }
        if (unnamed > 0) {
            out.add("warning: " + unnamed + " process group" + (unnamed == 1 ? " carries" : "s carry")
                    + " this uid (PROCRUST_UID) but this state does not name " + (unnamed == 1 ? "it" : "them")
                    + (applyStateDir != null ? " (the running apply's state may)"
                    : applyPid != null ? "" : ": the next apply finds " + (unnamed == 1 ? "it" : "them")
                    + " by the environment and adopts or stops " + (unnamed == 1 ? "it" : "them")));
        }
        return out;
    }

    /** The keys the JSON view adds beside {@code processes}. */
    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file_valid", fileValid);
        List<Map<String, Object>> ds = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("severity", d.severity().wire());
            x.put("code", d.code().wire());
            x.put("message", d.message());
            x.put("file", d.file());
            x.put("line", d.line());
            x.put("column", d.column());
            x.put("process", d.process());
            x.put("field", d.field());
            ds.add(x);
        }
        m.put("diagnostics", ds);
        m.put("unknown_process_groups", unnamed);
        m.put("apply_state_dir", applyStateDir == null ? null : applyStateDir.toString());
        return m;
    }
}
