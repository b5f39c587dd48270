package procrust.cli;

import java.io.PrintWriter;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import procrust.reconcile.Observation;
import procrust.runtime.Host;
import procrust.state.StateDirs;
import procrust.tui.Palette;
import procrust.tui.SnapshotSource;
import procrust.tui.TuiApp;
import procrust.config.CheckResult;
import procrust.validate.ConfigChecker;

/**
 * {@code procrust tui} (also {@code top}): the live full-screen view (docs/tui.md). Needs a terminal
 * on stdin and stdout: without one it says so and exits 2.
 */
@Command(name = "tui", aliases = "top", description = {
        "A live full-screen view of the file's processes: states, pids, uptimes, notes, the next changes.",
        "Keys: j/k move, enter details, l log, s stop (hold), S start (release), / filter, ? help, q quit.",
        "Needs a terminal; exits 2 without one (use `status` in scripts)."})
final class TuiCommand extends FileCommand {

    @Override
    public Integer call() throws Exception {
        CommonOptions c = common();
        PrintWriter err = err();
        output("tui draws on a terminal and has no --output %s; use `procrust status --output json`", Output.text);
        String term = System.getenv("TERM");
        if (System.console() == null || term == null || term.isBlank() || term.startsWith("dumb")) {
            err.println("procrust: tui needs an interactive terminal (stdin and stdout a terminal, TERM set and not dumb);"
                    + " in scripts and CI use `procrust status` (or `--output json`)");
            err.flush();
            return 2;
        }
        CheckResult r = ConfigChecker.check(c.configFile());
        Host host = LinuxHost.create();
        Observation.Reader observer = Observation.readOnly(host.table(), host.clock());
        SnapshotSource source;
        if (r.valid()) {
            source = new SnapshotSource(c.configFile(), r.config(), StateDirs.base(c.stateDirOption()),
                    c.logDirOption(), ConfigChecker::check, observer);
        } else {
            // a broken file: the recorded processes under a banner (SPEC §6), until the file is fixed
            java.util.Optional<UidSources.Found> found = UidSources.find(c.configFile(), StateDirs.base(c.stateDirOption()));
            if (found.isEmpty()) {
                CheckViews.text(r, c.configFile().toString(), c.color(), err);
                err.println("procrust: " + c.configFile() + " is invalid and no uid can be found for it (its text, the "
                        + "state dir, a running apply of it): fix it (procrust check) or give --state-dir");
                err.flush();
                return 1;
            }
            long errors = r.diagnostics().stream().filter(procrust.diag.Diagnostic::isError).count();
            source = SnapshotSource.ofBrokenFile(c.configFile(), found.get().uid(), c.configFile() + " is invalid ("
                    + errors + " error" + (errors == 1 ? "" : "s") + ", procrust check): showing the processes as "
                    + "recorded in the state", StateDirs.base(c.stateDirOption()), c.logDirOption(),
                    ConfigChecker::check, observer);
        }
        TuiApp app = new TuiApp(source, new TuiHolds(c, host), new Palette(c.color()), host.clock());
        try (Terminal t = TerminalBuilder.builder().system(true).provider("exec").dumb(false).build()) {
            return app.run(t);
        }
    }
}
