package procrust.cli;

import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code procrust uid}: prints a new random UUID for a file's {@code uid}. */
@Command(name = "uid", mixinStandardHelpOptions = true, description = "Print a new random UUID for a file's uid.")
final class UidCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println(UUID.randomUUID());
        return 0;
    }
}
