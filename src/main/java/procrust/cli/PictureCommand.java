package procrust.cli;

import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine;
import procrust.config.CheckResult;
import procrust.config.Config;
import procrust.diag.Severity;

/**
 * What {@code graph} and {@code timeline} share: the format (from {@code --format}, else {@code
 * --output json}, else the command's default) and the file, read as plan reads it (an invalid file is
 * reported like {@code check} does, and the command exits 1).
 */
abstract class PictureCommand extends FileCommand {

    /** The format asked for; a usage error when it is not one of {@code allowed}. */
    String format(String format, String fallback, String... allowed) {
        String f = format;
        if (f == null) {
            f = "json".equals(common().output()) ? "json" : fallback;
        }
        for (String a : allowed) {
            if (a.equals(f)) {
                return f;
            }
        }
        throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--format': '" + f
                + "' (" + spec.name() + " takes " + String.join(", ", allowed) + ")");
    }

    /** The valid file, or null after reporting its diagnostics (as JSON on stdout for the json format). */
    Config config(boolean json) throws IOException {
        Path file = file();
        CheckResult checked = ConfigGate.check(file, Severity.WARNING);
        CheckViews.insecure(checked, common().color(), err());
        if (checked.valid()) {
            return checked.config();
        }
        if (json) {
            CheckViews.json(checked, out());
        } else {
            CheckViews.text(checked, file.toString(), common().color(), err());
        }
        out().flush();
        err().flush();
        return null;
    }
}
