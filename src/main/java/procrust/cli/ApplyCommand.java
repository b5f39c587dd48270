package procrust.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import procrust.diag.Severity;
import procrust.plan.Planner;
import procrust.plan.Windows;
import procrust.reconcile.ApplySession;
import procrust.state.StateDirs;
import procrust.validate.CheckResult;

/**
 * {@code procrust apply [--once]}: makes the host match the file and keeps it matching. As root, a
 * file others could change is refused, at start and at every reload ({@link ConfigGate}); the state
 * and log folders must be procrust's own ({@link StateGate}).
 */
@Command(name = "apply", description = {
        "Make the host match the file and keep it matching, until SIGTERM/SIGINT (services keep running).",
        "Re-reads the file when it changes; an invalid file is reported and ignored."})
final class ApplyCommand implements Callable<Integer> {

    @Option(names = "--once", description = "Do what is due now (waiting for each start's health check), then exit: "
            + "0 when all succeeded, 1 when any failed.")
    boolean once;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CommonOptions c = Main.common();
        PrintWriter err = spec.commandLine().getErr();
        CheckResult r = ConfigGate.checkOrReport(c.configFile(), Severity.ERROR);
        if (!r.diagnostics().isEmpty()) {
            CheckViews.text(r, c.configFile().toString(), c.color(), err);
        }
        if (!r.valid()) {
            err.println("procrust: " + c.configFile() + " is invalid: nothing was changed (run `procrust check` for details)");
            err.flush();
            return 1;
        }
        Path base = StateDirs.base(c.stateDirOption());
        Path uidDir = StateDirs.forUid(base, r.config().uid());
        if (!StateGate.check(base, uidDir, StateDirs.logs(uidDir, c.logDirOption()), c.logDirOption() != null, err)) {
            return 1;
        }
        ApplySession.Settings s = new ApplySession.Settings(c.configFile(), base, c.logDirOption(), once, c.verbose());
        return new ApplySession(s, f -> ConfigGate.checkOrReport(f, Severity.ERROR), Planner::plan,
                Windows::openingOf, LinuxHost.create(), err).run(r.config());
    }
}
