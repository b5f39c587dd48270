package procrust.cli;

import picocli.CommandLine.Command;
import procrust.config.CheckResult;
import procrust.diag.Severity;

/** {@code procrust check}: validates the file; exit 0 valid (warnings allowed), 1 invalid. */
@Command(name = "check", mixinStandardHelpOptions = true, description = {"Validate the file: every problem, with file, line and column.",
        "Exit status: 0 valid (warnings allowed), 1 invalid, 2 usage error."})
final class CheckCommand extends FileCommand {

    @Override
    public Integer call() throws java.io.IOException {
        Output output = output("Invalid value for option '--output': '%s' (check takes text, json or github)",
                Output.text, Output.json, Output.github);
        CommonOptions common = common();
        CheckResult result = ConfigGate.checkInFull(common.configFile(), Severity.WARNING);
        var out = out();
        switch (output) {
            case json -> CheckViews.json(result, out);
            case github -> CheckViews.github(result, common.configFile().toString(), out);
            default -> CheckViews.text(result, common.configFile().toString(), common.color(), out);
        }
        out.flush();
        return result.valid() ? 0 : 1;
    }
}
