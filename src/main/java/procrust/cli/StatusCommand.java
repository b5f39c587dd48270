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
import procrust.state.StateDirs;
import procrust.config.CheckResult;
import procrust.validate.ConfigChecker;

/**
 * {@code procrust status}: every process of the file and of the state. Reads only; exit 0 when every
 * wanted process is in its wanted state, 3 otherwise.
 */
@Command(name = "status", description = {
        "Show every process of the file and of the state: id, version, type, state, pid, uptime, restarts, note.",
        "Exit 0 when every wanted process is in its wanted state, 3 otherwise."})
final class StatusCommand extends FileCommand {

    @picocli.CommandLine.Option(names = "--label", paramLabel = "L",
            description = "Only the processes whose entry has label = \"L\" (and the exit status for them).")
    String group;

    @Override
    public Integer call() throws Exception {
        CommonOptions c = common();
        Output output = output("status takes --output text or json, not '%s'", Output.text, Output.json);
        PrintWriter err = err();
        CheckResult r = ConfigChecker.check(c.configFile());
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
        if (group != null) {
            java.util.Set<String> ids = new java.util.LinkedHashSet<>();
            r.config().processes().stream().filter(p -> group.equals(p.label())).forEach(p -> ids.add(p.id()));
            if (ids.isEmpty()) {
                err.println("procrust: no process of " + c.configFile() + " has label \"" + group + "\"");
                err.flush();
                return 1;
            }
            report = StatusBuilder.restrict(report, ids);
        }
        PrintWriter out = out();
        if (output == Output.json) {
            out.println(StatusViews.json(report, ctx.json()));
        } else {
            out.print(StatusViews.text(report, ctx.notes(base)));
        }
        out.flush();
        return report.ok() ? 0 : 3;
    }
}
