package procrust.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import procrust.logs.LogFollower;
import procrust.logs.LogTail;
import procrust.logs.ProcessLogs;
import procrust.state.StateDirs;
import procrust.state.StateStore;
import procrust.config.CheckResult;
import procrust.validate.ConfigChecker;

/** {@code procrust logs ID [-f] [-n N]}: the last lines of a process's log, or follow it like tail -F. */
@Command(name = "logs", description = {"Print the last lines of a process's log (stdout and stderr), or follow it.",
        "Lines just rotated away are read from the rotated files; -f follows across rotations like tail -F, "
                + "until interrupted.",
        "Exit status: 0; 1 unknown id or invalid file."})
final class LogsCommand extends FileCommand {

    @Parameters(paramLabel = "ID", description = "The process id, as in the file.")
    String id;

    @Option(names = {"-f", "--follow"}, description = "Then print what the process writes, until interrupted.")
    boolean follow;

    @Option(names = {"-n", "--lines"}, paramLabel = "N", defaultValue = "10",
            description = "How many of the last lines to print first (default: ${DEFAULT-VALUE}).")
    int lines;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (lines < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '--lines': " + lines + " (a number of lines, 0 or more)");
        }
        CommonOptions common = common();
        Path file = common.configFile();
        CheckResult checked = ConfigChecker.check(file);
        var err = err();
        Path base = StateDirs.base(common.stateDirOption());
        String uid;
        java.util.Set<String> ids;
        if (checked.valid()) {
            uid = checked.config().uid();
            ids = checked.config().ids();
        } else {
            // a broken file must not hide the logs of the services apply keeps running (SPEC §6)
            Optional<UidSources.Found> found = UidSources.find(file, base);
            if (found.isEmpty()) {
                CheckViews.text(checked, file.toString(), false, err);
                err.println("procrust: cannot tell where the logs are: " + file + " is invalid and no uid can be found "
                        + "for it (not in its text, nor a single uid folder in " + base + ", nor a running apply of this "
                        + "file): fix it (procrust check) or give --state-dir");
                return 1;
            }
            uid = found.get().uid();
            ids = new java.util.TreeSet<>();
            for (var r : new StateStore(StateDirs.forUid(base, uid), uid, java.time.Clock.systemUTC()).load(false)
                    .state().instances()) {
                ids.add(r.id());
            }
            err.println("procrust: warning: " + file + " is invalid (procrust check tells why); the log of \"" + id
                    + "\" is found through the state of uid " + uid + " (from " + found.get().source() + ")");
        }
        Path uidDir = StateDirs.forUid(base, uid);
        Path logDir = StateDirs.logsUsed(uidDir, common.logDirOption(), uid);
        Optional<Path> log = ProcessLogs.locate(logDir, ids, id);
        if (log.isEmpty()) {
            err.println("procrust: unknown process id \"" + id + "\": it is not in " + file + " and has no log in "
                    + logDir + " (ids: " + String.join(", ", ids) + ")");
            return 1;
        }
        err.flush();
        PrintStream out = rawOut();
        if (follow) {
            new LogFollower(log.get(), out, LogFollower.DEFAULT_POLL).follow(lines, out::checkError);
        } else {
            LogTail.print(log.get(), lines, out);
        }
        return 0;
    }
}
