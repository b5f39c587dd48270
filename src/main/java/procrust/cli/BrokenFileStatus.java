package procrust.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import procrust.diag.Diagnostic;
import procrust.reconcile.ObservedReader;
import procrust.reconcile.StatusBuilder;
import procrust.reconcile.StatusReport;
import procrust.state.ApplyLock;
import procrust.state.StateDirs;
import procrust.state.StateStore;
import procrust.config.CheckResult;

/**
 * {@code status} when the file is invalid, exactly when an operator most needs to see that apply kept
 * the services running: the uid is found ({@link UidSources}), the recorded processes are shown as
 * recorded and checked against /proc, then the file's diagnostics; exit 1. JSON: the usual document
 * with {@code "file_valid": false} and the {@code "diagnostics"} beside {@code processes}.
 */
final class BrokenFileStatus {

    private BrokenFileStatus() {
    }

    static int show(CommonOptions c, CheckResult r, boolean json, PrintWriter out, PrintWriter err) throws Exception {
        Path file = c.configFile();
        Path base = StateDirs.base(c.stateDirOption());
        Optional<UidSources.Found> found = UidSources.find(file, base);
        procrust.runtime.Host host = LinuxHost.create();
        Instant now = host.clock().instant();
        List<Diagnostic> ds = r.diagnostics();
        if (found.isEmpty()) {
            String why = "procrust: " + file + " is invalid and no uid can be found for it (not in its text, "
                    + UidSources.uidFolders(base).size() + " uid folders in " + base + ", no running apply of this file): "
                    + "fix the file (procrust check), or give --state-dir";
            if (json) {
                StatusContext ctx = new StatusContext(false, ds, 0, null, null);
                out.println(StatusViews.json(new StatusReport(null, null, List.of(), null, false, now), true, ctx.json()));
            } else {
                CheckViews.text(r, file.toString(), c.color(), out);
            }
            err.println(why);
            out.flush();
            err.flush();
            return 1;
        }
        String uid = found.get().uid();
        Path uidDir = StateDirs.forUid(base, uid);
        StateStore.Loaded loaded = new StateStore(uidDir, uid, host.clock()).load(false);
        procrust.runtime.ProcessTable table = host.table();
        ObservedReader.Verified v = ObservedReader.verify(loaded.state(), null, table, now);
        OptionalLong holder = ApplyLock.holder(uidDir);
        StatusReport report = StatusBuilder.fromState(v.state(), holder.isPresent() ? holder.getAsLong() : null,
                loaded.problem(), now);
        StatusContext ctx = StatusContext.of(false, ds, uid, v.state(), base, table);
        // as status with a valid file: nothing supervises them when no apply runs (and not run by --once)
        boolean unsupervised = report.applyPid() == null
                && !procrust.state.ApplyMode.ONCE.equals(procrust.state.ApplyMode.read(uidDir));
        if (json) {
            out.println(StatusViews.json(report, unsupervised, ctx.json()));
        } else {
            List<String> notes = new java.util.ArrayList<>(ctx.notes(base));
            notes.add(0, "warning: " + file + " is invalid (its diagnostics follow): the processes below are as "
                    + "recorded in the state, uid from " + found.get().source()
                    + (report.applyPid() != null || ctx.applyPid() != null
                    ? "; the running apply keeps the last valid file in force" : ""));
            out.print(StatusViews.text(report, unsupervised, notes, "the file is invalid (exit 1): fix it, procrust check shows the same"));
            out.println();
            CheckViews.text(r, file.toString(), c.color(), out);
        }
        out.flush();
        return 1;
    }
}
