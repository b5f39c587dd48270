package procrust.migrate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The entry point of {@code procrust import}: the formats and the reading of one file into a {@link Draft}. */
public final class Importer {

    /** The formats procrust imports, named as on the command line. */
    public enum Format {
        supervisord, procfile, process_compose;

        /** The name on the command line ({@code process-compose}). */
        public String cli() {
            return name().replace('_', '-');
        }
    }

    private Importer() {
    }

    /**
     * Reads {@code file} as {@code format}. {@code env} is the environment {@code %(ENV_X)s} is
     * expanded from (supervisord).
     *
     * @throws ImportFailure when the file cannot be read or is not of that format
     */
    public static Draft read(Format format, Path file, Map<String, String> env) throws ImportFailure {
        if (Files.isDirectory(file)) {
            throw new ImportFailure("cannot read " + file + ": it is a directory; name the " + format.cli() + " file");
        }
        return switch (format) {
            case supervisord -> Supervisord.read(file, env);
            case procfile -> Procfile.read(file);
            case process_compose -> ProcessCompose.read(file);
        };
    }
}
