package procrust.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code procrust init}: writes a commented starter file with a fresh uid; never overwrites. */
@Command(name = "init", mixinStandardHelpOptions = true, description = {"Write a commented starter procrust.toml (or the -c FILE) with a fresh uid.",
        "Refuses to overwrite an existing file. Exit status: 0 written, 1 not written."})
final class InitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path file = Main.common().configFile();
        try {
            String uid = Starter.write(file);
            spec.commandLine().getOut().println("procrust: wrote " + file + " (uid " + uid + "); next: procrust check -c "
                    + file);
            return 0;
        } catch (FileAlreadyExistsException e) {
            spec.commandLine().getErr().println("procrust: " + file + " already exists; init never overwrites a file: "
                    + "remove it first or name another with -c FILE");
            return 1;
        }
    }
}
