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
        if (refused(checked, Diagnostics.WHEN_INVALID_PLAIN, "cannot tell where the logs are while " + file
                + " is invalid: fix it (procrust check)")) {
            return 1;
        }
        Path uidDir = StateDirs.forUid(StateDirs.base(common.stateDirOption()), checked.config().uid());
        Path logDir = StateDirs.logs(uidDir, common.logDirOption());
        Map<String, Path> logs = new LinkedHashMap<>();
        for (String id : ids) {
            Optional<Path> log = ProcessLogs.locate(logDir, checked.config().ids(), id);
            if (log.isEmpty()) {
                err.println("procrust: unknown process id \"" + id + "\": it is not in " + file + " and has no log in "
                        + logDir + " (ids: " + String.join(", ", checked.config().ids()) + ")");
                return 1;
            }
            logs.put(id, log.get());
        }
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
