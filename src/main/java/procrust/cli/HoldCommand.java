package procrust.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import procrust.diag.Severity;
import procrust.plan.Planner;
import procrust.plan.Windows;
import procrust.reconcile.HoldTargets;
import procrust.reconcile.Holds;
import procrust.reconcile.HoldsWithoutFile;
import procrust.runtime.Host;
import procrust.reconcile.EventLog;
import procrust.reconcile.LineEventLog;
import procrust.state.ApplyLock;
import procrust.state.StateDirs;
import procrust.state.StateStore;
import procrust.config.CheckResult;

/** What {@code stop} and {@code start} share: the ids, {@code --all}, {@code --label}, and the run. */
abstract class HoldCommand extends FileCommand {

    @Parameters(paramLabel = "ID", arity = "0..*", description = "Process ids, as in the file.")
    List<String> ids = new ArrayList<>();

    @Option(names = "--all", description = "Every process of the file.")
    boolean all;

    @Option(names = "--label", paramLabel = "L", description = "Every process whose entry has label = \"L\".")
    String group;

    abstract Holds.Op op();

    /** --wait and --timeout, for the commands that have them. */
    WaitOptions waiting() {
        return null;
    }

    @Override
    public Integer call() throws Exception {
        CommonOptions c = common();
        output("", Output.text);
        if (ids.isEmpty() && !all && group == null) {
            // a command given no ids where it needs some is a usage error (SPEC §6): exit 2
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Missing process id: name at least one ID, or use --all or --label L");
        }
        PrintWriter err = err();
        WaitOptions w = waiting();
        Host host = LinuxHost.create();
        return perform(op(), c, ids, all, group, w != null && w.wait, w == null ? null : w.timeout,
                out(), err, host, new LineEventLog(err, host.clock(), c.verbose()));
    }

    /**
     * One stop or start, as the command does it (also the TUI's {@code s} and {@code S}): the file
     * through the config gate, the ids selected, the state folders through their gate, then
     * {@link Holds#run}. Prints what the command prints; returns its exit status.
     */
    static int perform(Holds.Op op, CommonOptions c, List<String> ids, boolean all, String group, PrintWriter out,
                       PrintWriter err, Host host, EventLog log) throws IOException, InterruptedException {
        return perform(op, c, ids, all, group, false, null, out, err, host, log);
    }

    /** {@link #perform}; {@code waitUp}: until each id is up (start, restart); {@code timeout}: null = the default. */
    static int perform(Holds.Op op, CommonOptions c, List<String> ids, boolean all, String group, boolean waitUp,
                       Duration timeout, PrintWriter out, PrintWriter err, Host host, EventLog log)
            throws IOException, InterruptedException {
        CheckResult r = ConfigGate.check(c.configFile(), Severity.ERROR);
        if (!r.diagnostics().isEmpty()) {
            CheckViews.text(r, c.configFile().toString(), c.color(), err);
        }
        if (!r.valid()) {
            return withoutFile(op, c, r, ids, all || group != null, out, err);
        }
        Path base = StateDirs.base(c.stateDirOption());
        Path uidDir = StateDirs.forUid(base, r.config().uid());
        Path logDir = StateDirs.logsUsed(uidDir, c.logDirOption(), r.config().uid()); // where apply put them
        var holds = new HashSet<>(new StateStore(uidDir, r.config().uid(), host.clock()).load(false)
                .state().holds());
        HoldTargets.Selection sel = HoldTargets.select(op, r.config(), ids, all, group, holds);
        if (!sel.ok()) {
            err.println("procrust: " + sel.error());
            err.flush();
            return 1;
        }
        if (!StateGate.check(base, uidDir, logDir, !logDir.equals(StateDirs.logs(uidDir, null)), err)) {
            return 1;
        }
        Holds.Settings s = new Holds.Settings(uidDir, logDir,
                timeout != null ? timeout : HoldTargets.limit(op, r.config(), sel.ids()), Planner::plan,
                Windows::openingOf, host, waitUp);
        Holds.Outcome o = Holds.run(op, r.config(), sel.ids(), s, log);
        for (String line : o.lines()) {
            (o.ok() ? out : err).println(o.ok() ? line : "procrust: " + line);
        }
        out.flush();
        err.flush();
        return o.ok() ? 0 : 1;
    }

    /**
     * stop/start with an invalid (or unsafe) file: named ids only, through a running apply, which acts
     * by its last valid file ({@link HoldsWithoutFile}).
     */
    private static int withoutFile(Holds.Op op, CommonOptions c, CheckResult r, List<String> ids, boolean selector,
                                   PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        Path base = StateDirs.base(c.stateDirOption());
        // a restart is judged by the file's entries (oneshot or not, its health check): it needs the file
        java.util.Optional<UidSources.Found> found = selector || ids.isEmpty() || op == Holds.Op.RESTART
                ? java.util.Optional.empty() : UidSources.find(c.configFile(), base);
        if (found.isEmpty()) {
            err.println("procrust: " + FileCommand.refusal(c.configFile(), r, "nothing was done")
                    + (selector ? "; --all and --group need the file: name the ids"
                    : op == Holds.Op.RESTART ? "; restart needs the file" : ""));
            err.flush();
            return 1;
        }
        boolean applyRuns = ApplyLock.holder(StateDirs.forUid(base, found.get().uid())).isPresent();
        if (applyRuns) {
            err.println("procrust: " + FileCommand.refusal(c.configFile(), r, "asking the running apply, which keeps "
                    + "the last valid file in force (uid " + found.get().uid() + " from " + found.get().source() + ")"));
        }
        Holds.Outcome o = HoldsWithoutFile.run(op, found.get().uid(), ids, StateDirs.forUid(base, found.get().uid()),
                java.time.Duration.ofSeconds(120));
        for (String line : o.lines()) {
            (o.ok() ? out : err).println(o.ok() ? line : "procrust: " + line);
        }
        if (!applyRuns) { // the refusal last: it is what the TUI shows of it
            err.println("procrust: " + FileCommand.refusal(c.configFile(), r, "nothing was done"));
        }
        out.flush();
        err.flush();
        return o.ok() ? 0 : 1;
    }

    /** {@code procrust stop ID...}. */
    @Command(name = "stop", description = {
            "Stop processes (their whole process group: SIGTERM, then SIGKILL after stop_timeout) and hold them "
                    + "stopped, across apply restarts, until `procrust start`.",
            "With an apply running it does the stop and this command waits for it; else the command does it.",
            "Exit status: 0 stopped; 1 unknown id, invalid file, or not confirmed in time."})
    static final class Stop extends HoldCommand {
        @Override
        Holds.Op op() {
            return Holds.Op.STOP;
        }
    }

    /** {@code procrust start ID... [--wait [--timeout D]]}. */
    @Command(name = "start", description = {
            "Release the hold of `procrust stop` (and retry a FAILED process): apply starts it when it is due.",
            "With no apply running, the command starts what is due now itself (health checks included).",
            "Exit status: 0 released (with --wait: up); 1 unknown id, invalid file, a start failed, or not up in time."})
    static final class Start extends HoldCommand {
        @Mixin
        WaitOptions waitOptions;

        @Override
        Holds.Op op() {
            return Holds.Op.START;
        }

        @Override
        WaitOptions waiting() {
            return waitOptions;
        }
    }

    /** {@code procrust restart ID... [--wait [--timeout D]]}. */
    @Command(name = "restart", description = {
            "Stop processes (their whole group, confirmed) and start them again now, one at a time; a oneshot runs "
                    + "again even when COMPLETED; a hold is released. Use it after an edit that waits for the next start.",
            "With an apply running it does the work and this command waits for it; else the command does it.",
            "Exit status: 0 restarted (with --wait: up); 1 unknown id, invalid file, a start failed, or not up in time."})
    static final class Restart extends HoldCommand {
        @Mixin
        WaitOptions waitOptions;

        @Override
        Holds.Op op() {
            return Holds.Op.RESTART;
        }

        @Override
        WaitOptions waiting() {
            return waitOptions;
        }
    }
}
