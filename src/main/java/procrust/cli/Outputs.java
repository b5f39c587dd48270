package procrust.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The one check, and the one wording, for an {@code --output} a command does not support: a usage
 * error (exit 2) naming the command and what it takes, the same on every command.
 */
final class Outputs {

    private Outputs() {
    }

    static void require(CommandSpec spec, String output, String... supported) {
        if (List.of(supported).contains(output)) {
            return;
        }
        throw new CommandLine.ParameterException(spec.commandLine(), "--output " + output + " is not supported by `"
                + spec.qualifiedName() + "`: it takes " + String.join(" or ", supported));
    }
}
