package procrust.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import procrust.logs.LogFollower;
import procrust.logs.MultiLogs;
import procrust.logs.LogTail;
import procrust.logs.ProcessLogs;
import procrust.state.StateDirs;
import procrust.state.StateStore;
import procrust.config.CheckResult;
import procrust.validate.ConfigChecker;

/**
 * {@code procrust logs ID... [-f] [-n N]}: the last lines of a process's log, or follow it like tail -F;
 * several logs with each line prefixed by its id, interleaved by line when followed.
 */
@Command(name = "logs", description = {"Print the last lines of processes' logs (stdout and stderr), or follow them.",
        "Lines just rotated away are read from the rotated files; -f follows across rotations like tail -F, "
                + "until interrupted.",
        "Exit status: 0; 1 unknown id or invalid file."})
final class LogsCommand extends FileCommand {

    @Parameters(paramLabel = "ID", arity = "1..*",
            description = "Process ids, as in the file; with several, each line is prefixed `ID | `.")
    List<String> ids = new ArrayList<>();

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
        output("", Output.text);
        Path file = common.configFile();
        CheckResult checked = ConfigChecker.check(file);
        var err = err();
        Path base = StateDirs.base(common.stateDirOption());
        String uid;
        java.util.Set<String> known;
        if (checked.valid()) {
            uid = checked.config().uid();
            known = checked.config().ids();
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
            known = new java.util.TreeSet<>();
            for (var r : new StateStore(StateDirs.forUid(base, uid), uid, java.time.Clock.systemUTC()).load(false)
                    .state().instances()) {
                known.add(r.id());
            }
            String which = ids.size() == 1 ? "the log of \"" + ids.get(0) + "\" is" : "the logs of " + String.join(", ", ids) + " are";
            err.println("procrust: warning: " + file + " is invalid (procrust check tells why); " + which
                    + " found through the state of uid " + uid + " (from " + found.get().source() + ")");
        }
        Path uidDir = StateDirs.forUid(base, uid);
        Path logDir = StateDirs.logsUsed(uidDir, common.logDirOption(), uid); // where apply put them
        Map<String, Path> logs = new LinkedHashMap<>();
        for (String id : ids) {
            Optional<Path> log = ProcessLogs.locate(logDir, known, id);
            if (log.isEmpty()) {
                err.println("procrust: unknown process id \"" + id + "\": it is not in " + file + " and has no log in "
                        + logDir + " (ids: " + String.join(", ", known) + ")");
                return 1;
            }
            logs.put(id, log.get());
        }
        err.flush();
        PrintStream out = rawOut();
        if (logs.size() > 1) {
            if (follow) {
                MultiLogs.follow(logs, lines, out);
            } else {
                MultiLogs.print(logs, lines, out);
            }
            return 0;
        }
        Path log = logs.values().iterator().next();
        if (follow) {
            new LogFollower(log, out, LogFollower.DEFAULT_POLL).follow(lines, out::checkError);
        } else {
            LogTail.print(log, lines, out);
        }
        return 0;
    }
}
