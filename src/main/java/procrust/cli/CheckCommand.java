package procrust.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import procrust.validate.CheckResult;
import procrust.validate.ConfigChecker;
import procrust.diag.Severity;

/** {@code procrust check}: validates the file; exit 0 valid (warnings allowed), 1 invalid. */
@Command(name = "check", mixinStandardHelpOptions = true, description = {"Validate the file: every problem, with file, line and column.",
        "Exit status: 0 valid (warnings allowed), 1 invalid, 2 usage error."})
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

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
        CommonOptions common = Main.common();
        String output = common.output();
        Outputs.require(spec, output, "text", "json", "github");
        CheckResult result = ConfigGate.check(common.configFile(), Severity.WARNING);
        var out = spec.commandLine().getOut();
        switch (output) {
            case "json" -> CheckViews.json(result, out);
            case "github" -> CheckViews.github(result, common.configFile().toString(), out);
            default -> CheckViews.text(result, common.configFile().toString(), common.color(), out);
        }
        out.flush();
        return result.valid() ? 0 : 1;
    }
}
