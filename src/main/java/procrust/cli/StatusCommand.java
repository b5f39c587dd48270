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
        if (refused(r, Diagnostics.WHEN_INVALID, c.configFile() + " is invalid: status needs its uid and processes")) {
            return 1;
        }
        Host host = LinuxHost.create();
        Path uidDir = StateDirs.forUid(StateDirs.base(c.stateDirOption()), r.config().uid());
        StatusReport report = Observation.read(uidDir, r.config(), host.table(), host.clock(), false)
                .status(r.config(), Planner::plan);
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
            out.println(StatusViews.json(report));
        } else {
            out.print(StatusViews.text(report));
        }
        out.flush();
        return report.ok() ? 0 : 3;
    }
}
