package procrust.cli;

import java.io.PrintWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import procrust.reconcile.Observation;
import procrust.runtime.Host;
import procrust.state.StateDirs;
import procrust.tui.Palette;
import procrust.tui.Snapshot;
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

    /** The terminal's set-up when {@link #setUpEarly} started it and no command has taken it yet, else null. */
    private static CompletableFuture<Terminal> early;

    /**
     * Starts the terminal's set-up at once, before picocli builds its model ({@link Main#run}, for a
     * command line that runs tui): it is the longest step before the first screen. It does nothing to
     * the terminal but read it (raw mode comes when the screen is drawn); {@link #closeUnused} restores
     * it when no command took it (a usage error).
     */
    static synchronized void setUpEarly() {
        if (early == null && interactive()) {
            early = setUp();
        }
    }

    /** Closes a terminal set up early that no command took. */
    static void closeUnused() {
        CompletableFuture<Terminal> unused;
        synchronized (TuiCommand.class) {
            unused = early;
            early = null;
        }
        if (unused != null) {
            closeQuietly(unused);
        }
    }

    /** The terminal set up early, or one set up now. */
    private static synchronized CompletableFuture<Terminal> takeTerminal() {
        CompletableFuture<Terminal> t = early != null ? early : setUp();
        early = null;
        return t;
    }

    private static boolean interactive() {
        String term = System.getenv("TERM");
        return System.console() != null && term != null && !term.isBlank() && !term.startsWith("dumb");
    }

    /**
     * JLine's terminal set-up runs stty and infocmp a dozen times: it runs on its own thread while the
     * file is read and the first screen's reading made (docs/tui.md#terminal-handling).
     */
    private static CompletableFuture<Terminal> setUp() {
        CompletableFuture<Terminal> terminal = new CompletableFuture<>();
        Thread setUp = new Thread(() -> {
            try {
                terminal.complete(TerminalBuilder.builder().system(true).provider("exec").dumb(false).build());
            } catch (Throwable e) {
                terminal.completeExceptionally(e);
            }
        }, "procrust-tui-terminal");
        setUp.setDaemon(true);
        setUp.start();
        return terminal;
    }

    @Override
    public Integer call() throws Exception {
        CommonOptions c = common();
        PrintWriter err = err();
        output("tui draws on a terminal and has no --output %s; use `procrust status --output json`", Output.text);
        if (!interactive()) {
            err.println("procrust: tui needs an interactive terminal (stdin and stdout a terminal, TERM set and not dumb);"
                    + " in scripts and CI use `procrust status` (or `--output json`)");
            err.flush();
            return 2;
        }
        CompletableFuture<Terminal> terminal = takeTerminal();
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
                closeQuietly(terminal); // the terminal as it was before the diagnostics are printed
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
        Snapshot first;
        try {
            first = source.read();
        } catch (java.io.IOException | RuntimeException e) {
            closeQuietly(terminal);
            throw e;
        }
        try (Terminal t = joined(terminal)) {
            return app.run(t, first);
        }
    }

    /** Waits for the set-up and closes the terminal (restoring it), whatever happened. */
    private static void closeQuietly(CompletableFuture<Terminal> terminal) {
        try (Terminal t = terminal.handle((done, e) -> done).join()) {
            // closed, nothing drawn
        } catch (RuntimeException | java.io.IOException e) {
            // it could not be set up or restored: what the caller says next is what matters
        }
    }

    /** The terminal, or what stopped its set-up, thrown as it would have been without the thread. */
    private static Terminal joined(CompletableFuture<Terminal> terminal) throws Exception {
        try {
            return terminal.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Exception x) {
                throw x;
            }
            if (e.getCause() instanceof Error x) {
                throw x;
            }
            throw e;
        }
    }
}
