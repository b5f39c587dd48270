package procrust.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine;
import procrust.plan.Planner;
import procrust.reconcile.Observation;
import procrust.reconcile.StatusBuilder;
import procrust.reconcile.StatusReport;
import procrust.runtime.Host;
import procrust.state.ApplyMode;
import procrust.state.StateDirs;
import procrust.config.CheckResult;

/**
 * {@code procrust status}: every process of the file and of the state. Reads only; exit 0 when every
 * wanted process is in its wanted state, 3 otherwise.
 */
@Command(name = "status", description = {
        "Show every process of the file and of the state (or only the ids named): id, version, type, state, pid, "
                + "uptime, restarts, note.",
        "Exit 0 when every wanted process is in its wanted state, 3 otherwise; 4 when they are but no apply runs "
                + "to supervise them (unless the host is run by apply --once)."})
final class StatusCommand extends FileCommand {

    @picocli.CommandLine.Option(names = "--label", paramLabel = "L",
            description = "Only the processes whose entry has label = \"L\" (and the exit status for them).")
    String group;

    @picocli.CommandLine.Parameters(paramLabel = "ID", arity = "0..*",
            description = "Only these processes (and the exit status for them).")
    java.util.List<String> ids = new java.util.ArrayList<>();

    @Override
    public Integer call() throws Exception {
        CommonOptions c = common();
        Output output = output("", Output.text, Output.json);
        PrintWriter err = err();
        CheckResult r = ConfigGate.check(c.configFile(), procrust.diag.Severity.WARNING);
        CheckViews.insecure(r, c.color(), err); // as check and plan say it
        if (!r.valid()) {
            // the recorded processes, then the diagnostics (SPEC §6): what apply keeps running matters most now
            return BrokenFileStatus.show(c, r, output == Output.json, out(), err);
        }
        Host host = LinuxHost.create();
        Path base = StateDirs.base(c.stateDirOption());
        Path uidDir = StateDirs.forUid(base, r.config().uid());
        Observation seen = Observation.read(uidDir, r.config(), host.table(), host.clock(), false);
        StatusReport report = seen.status(r.config(), Planner::plan);
        StatusContext ctx = StatusContext.of(true, r.diagnostics(), r.config().uid(), seen.state(), base, host.table());
        java.util.Set<String> only = new java.util.LinkedHashSet<>();
        if (group != null) {
            r.config().processes().stream().filter(p -> group.equals(p.label())).forEach(p -> only.add(p.id()));
            if (only.isEmpty()) {
                err.println("procrust: no process of " + c.configFile() + " has label \"" + group + "\"");
                err.flush();
                return 1;
            }
        }
        if (!ids.isEmpty()) {
            java.util.Set<String> known = new java.util.LinkedHashSet<>(r.config().ids());
            report.rows().forEach(row -> known.add(row.id()));
            java.util.List<String> unknown = ids.stream().filter(id -> !known.contains(id)).toList();
            if (!unknown.isEmpty()) {
                err.println("procrust: unknown process id" + (unknown.size() > 1 ? "s " : " ")
                        + String.join(", ", unknown.stream().map(u -> "\"" + u + "\"").toList()) + ": not in "
                        + c.configFile() + " nor in its state (ids: " + String.join(", ", known) + ")");
                err.flush();
                return 1;
            }
            only.addAll(ids);
        }
        if (!only.isEmpty()) {
            report = StatusBuilder.restrict(report, only);
        }
        // nothing supervises the processes: a dead apply must be visible to a monitoring check (SPEC §6)
        boolean unsupervised = report.applyPid() == null && !ApplyMode.ONCE.equals(ApplyMode.read(uidDir));
        PrintWriter out = out();
        if (output == Output.json) {
            out.println(StatusViews.json(report, unsupervised, ctx.json()));
        } else {
            out.print(StatusViews.text(report, unsupervised, ctx.notes(base), null));
        }
        out.flush();
        return !report.ok() ? 3 : unsupervised ? 4 : 0;
    }
}
