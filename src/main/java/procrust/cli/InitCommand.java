package procrust.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import picocli.CommandLine.Command;

/** {@code procrust init}: writes a commented starter file with a fresh uid; never overwrites. */
@Command(name = "init", mixinStandardHelpOptions = true, description = {"Write a commented starter procrust.toml (or the -c FILE) with a fresh uid.",
        "Refuses to overwrite an existing file. Exit status: 0 written, 1 not written."})
final class InitCommand extends FileCommand {

    @Override
    public Integer call() throws IOException {
        Path file = file();
        try {
            String uid = InitTemplate.write(file);
            out().println("procrust: wrote " + file + " (uid " + uid + "); next: procrust check -c "
                    + file);
            return 0;
        } catch (FileAlreadyExistsException e) {
            err().println("procrust: " + file + " already exists; init never overwrites a file: "
                    + "remove it first or name another with -c FILE");
            return 1;
        }
    }
}
