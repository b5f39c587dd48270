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
        if (refused(r, Diagnostics.WHEN_INVALID, c.configFile() + " is invalid: the TUI needs its uid and processes")) {
            return 1;
        }
        Host host = LinuxHost.create();
        SnapshotSource source = new SnapshotSource(c.configFile(), r.config(), StateDirs.base(c.stateDirOption()),
                c.logDirOption(), ConfigChecker::check,
                Observation.readOnly(host.table(), host.clock()));
        TuiApp app = new TuiApp(source, new TuiHolds(c, host), new Palette(c.color()), host.clock());
        try (Terminal t = TerminalBuilder.builder().system(true).provider("exec").dumb(false).build()) {
            return app.run(t);
        }
    }
}
