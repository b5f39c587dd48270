package procrust.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import procrust.config.Config;
import procrust.diag.Severity;
import procrust.plan.Observed;
import procrust.plan.Plan;
import procrust.plan.Planner;
import procrust.plan.Upcoming;
import procrust.reconcile.Observation;
import procrust.runtime.Host;
import procrust.state.StateDirs;
import procrust.config.CheckResult;

/**
 * {@code procrust plan [--at DATETIME] [--detailed-exitcode]}: what apply would do now, or at that
 * instant. Read-only: it never writes state, never signals, and works while an apply is running.
 */
@Command(name = "plan", description = {"Show what apply would do now (or at --at), in order, with the reason for "
        + "each action and for each process left alone.",
        "Exit status: 0; 1 invalid file; with --detailed-exitcode 0 no changes, 2 changes."})
final class PlanCommand extends FileCommand {

    @Option(names = "--at", paramLabel = "DATETIME", converter = DateTimeArg.Converter.class,
            description = "Plan for this instant instead of now: ISO-8601, local (read in the file's timezone, "
                    + "e.g. 2024-10-07T08:00:00) or with an offset (2024-10-07T08:00:00+02:00).")
    DateTimeArg at;

    @Option(names = "--detailed-exitcode", description = "Exit 0 when there is nothing to change, 2 when there is.")
    boolean detailedExitcode;

    @Override
    public Integer call() throws IOException {
        CommonOptions common = common();
        Output output = output("Invalid value for option '--output': '%s' (plan takes text or json)",
                Output.text, Output.json);
        PrintWriter out = out();
        PrintWriter err = err();
        Path file = common.configFile();
        CheckResult checked = ConfigGate.check(file, Severity.WARNING);
        CheckViews.insecure(checked, common.color(), err);
        if (refused(checked, Diagnostics.WHEN_INVALID, null)) {
            return 1;
        }
        Config config = checked.config();
        Host host = LinuxHost.create();
        Instant instant = at == null ? host.clock().instant() : at.toInstant(config.zone());
        Plan plan = Planner.plan(config, observed(config, common, host), instant);
        List<Upcoming.Event> upcoming = Upcoming.of(config, instant);
        if (output == Output.json) {
            PlanJson.write(plan, upcoming, config.zone(), out);
        } else {
            out.print(PlanText.render(plan, upcoming, file.toString(), config.zone(), common.color()));
        }
        out.flush();
        return detailedExitcode && plan.hasChanges() ? 2 : 0;
    }

    /**
     * What runs on this host for the file's uid: read-only from {@code STATE_DIR/<uid>/} (a corrupt
     * state file is left where it is and counts as nothing known), each recorded pid checked against
     * /proc as apply would; nothing when that directory does not exist (nothing was ever applied).
     * Live instances count as unsupervised (plan shows {@code adopt}) unless an apply runs.
     */
    static Observed observed(Config config, CommonOptions common, Host host) throws IOException {
        Path dir = StateDirs.forUid(StateDirs.base(common.stateDirOption()), config.uid());
        return Observation.read(dir, config, host.table(), host.clock(), false).observed();
    }
}
