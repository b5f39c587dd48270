package procrust.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import procrust.diag.Severity;
import procrust.plan.Planner;
import procrust.plan.Windows;
import procrust.reconcile.ApplySession;
import procrust.state.StateDirs;
import procrust.config.CheckResult;

/**
 * {@code procrust apply [--once]}: makes the host match the file and keeps it matching. As root, a
 * file others could change is refused, at start and at every reload ({@link ConfigGate}); the state
 * and log folders must be procrust's own ({@link StateGate}).
 */
@Command(name = "apply", description = {
        "Make the host match the file and keep it matching, until SIGTERM/SIGINT (services keep running).",
        "Re-reads the file when it changes; an invalid file is reported and ignored."})
final class ApplyCommand extends FileCommand {

    @Option(names = "--once", description = "Do what is due now (waiting for each start's health check), then exit: "
            + "0 when all succeeded, 1 when any failed.")
    boolean once;

    @Option(names = "--metrics-file", paramLabel = "FILE", description = "Write Prometheus text exposition here "
            + "(for node_exporter's textfile collector: name it *.prom), replaced atomically after each change and "
            + "at least every 15 s.")
    Path metricsFile;

    @Override
    public Integer call() throws Exception {
        CommonOptions c = common();
        PrintWriter err = err();
        CheckResult r = ConfigGate.checkOrReport(c.configFile(), Severity.ERROR);
        if (refused(r, Diagnostics.ALWAYS, refusal(c.configFile(), r, "nothing was changed"))) {
            return 1;
        }
        Path base = StateDirs.base(c.stateDirOption());
        Path uidDir = StateDirs.forUid(base, r.config().uid());
        if (!StateGate.check(base, uidDir, StateDirs.logs(uidDir, c.logDirOption()), c.logDirOption() != null, err)) {
            return 1;
        }
        if (metricsFile != null && !Files.isDirectory(metricsFile.toAbsolutePath().getParent())) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--metrics-file': "
                    + "the folder of " + metricsFile + " does not exist");
        }
        ApplySession.Settings s = new ApplySession.Settings(c.configFile(), base, c.logDirOption(), once, c.verbose());
        ApplySession session = new ApplySession(s, f -> ConfigGate.checkOrReport(f, Severity.ERROR), Planner::plan,
                Windows::openingOf, LinuxHost.create(), err);
        if (metricsFile != null) {
            session.observe(new MetricsObserver(metricsFile, Planner::plan, err));
        }
        return session.run(r.config());
    }
}
