package procrust.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import procrust.diag.Code;
import procrust.diag.Diagnostic;
import procrust.diag.Severity;
import procrust.plan.Planner;
import procrust.plan.Windows;
import procrust.reconcile.ApplySession;
import procrust.security.ConfigPermissions;
import procrust.state.StateDirs;
import procrust.validate.CheckResult;
import procrust.validate.ConfigChecker;

/** {@code procrust apply [--once]}: makes the host match the file and keeps it matching. */
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
        CheckResult r = secureCheck(c.configFile());
        if (!r.diagnostics().isEmpty()) {
            CheckViews.text(r, c.configFile().toString(), c.color(), err);
        }
        if (!r.valid()) {
            err.println("procrust: " + c.configFile() + " is invalid: nothing was changed (run `procrust check` for details)");
            err.flush();
            return 1;
        }
        ApplySession.Settings s = new ApplySession.Settings(c.configFile(), StateDirs.base(c.stateDirOption()),
                c.logDirOption(), once, c.verbose());
        return new ApplySession(s, ApplyCommand::secureCheck, Planner::plan, Windows::openingOf, err).run(r.config());
    }

    /**
     * {@code check}'s validation plus, as root, the refusal of a file others could change (SPEC §5):
     * used for the first read and for every reload.
     */
    static CheckResult secureCheck(Path file) {
        CheckResult r = ConfigChecker.check(file);
        List<Diagnostic> insecure;
        try {
            insecure = ConfigPermissions.whenRoot(file, Severity.ERROR);
        } catch (IOException e) {
            insecure = List.of(Diagnostic.error(Code.INSECURE_FILE, "cannot check the permissions of " + file + ": "
                    + e.getMessage(), file.toString(), 0, 0, null, null));
        }
        if (insecure.isEmpty()) {
            return r;
        }
        List<Diagnostic> all = new ArrayList<>(r.diagnostics());
        all.addAll(insecure);
        all.sort(Diagnostic.ORDER);
        return new CheckResult(null, all);
    }
}
