package procrust.cli;

import picocli.CommandLine.Command;
import procrust.config.CheckResult;
import procrust.validate.ConfigChecker;
import procrust.diag.Severity;

/** {@code procrust check}: validates the file; exit 0 valid (warnings allowed), 1 invalid. */
@Command(name = "check", mixinStandardHelpOptions = true, description = {"Validate the file: every problem, with file, line and column.",
        "Exit status: 0 valid (warnings allowed), 1 invalid, 2 usage error."})
final class CheckCommand extends FileCommand {

    /**
     * picocli builds every command object before it parses the arguments: starting the validator's
     * bootstrap here lets it run on another core while picocli sets itself up (measured: the largest
     * start-up cost after picocli's). Other commands that read the file benefit too.
     */
    CheckCommand() {
        ConfigChecker.warmUp();
    }

    @Override
    public Integer call() throws java.io.IOException {
        Output output = output("Invalid value for option '--output': '%s' (check takes text, json or github)",
                Output.text, Output.json, Output.github);
        CommonOptions common = common();
        CheckResult result = ConfigGate.check(common.configFile(), Severity.WARNING);
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
