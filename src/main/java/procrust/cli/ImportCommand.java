package procrust.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import procrust.config.CheckResult;
import procrust.diag.Diagnostic;
import procrust.migrate.Draft;
import procrust.migrate.ImportFailure;
import procrust.migrate.Importer;
import procrust.migrate.TomlText;
import procrust.validate.ConfigChecker;

/**
 * {@code procrust import supervisord|procfile|process-compose FILE}: prints an equivalent procrust
 * file on stdout. What does not carry over is a {@code # procrust import:} comment in it and a
 * warning on stderr. The result is checked before it is printed.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Print a procrust file equivalent to a supervisord file, a Procfile or a process-compose file.",
                "Each setting that does not carry over is a `# procrust import:` comment in the output and a warning "
                        + "on stderr. The output has a fresh uid and every apply_on is now.",
                "Example: procrust import supervisord /etc/supervisor/supervisord.conf > procrust.toml",
                "Exit status: 0 printed, 1 the input cannot be read, 2 usage error."})
final class ImportCommand implements Callable<Integer> {

    /** The formats as the command line names them. */
    enum Kind {
        supervisord(Importer.Format.supervisord), procfile(Importer.Format.procfile),
        process_compose(Importer.Format.process_compose);

        final Importer.Format format;

        Kind(Importer.Format format) {
            this.format = format;
        }

        @Override
        public String toString() {
            return format.cli();
        }
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FORMAT", converter = KindConverter.class,
            completionCandidates = Candidates.class, description = "supervisord, procfile or process-compose.")
    Kind kind;

    @Parameters(index = "1", paramLabel = "FILE", description = "The file to import (supervisord: its [include]s are read too).")
    Path file;

    static final class Candidates implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.List.of("supervisord", "procfile", "process-compose").iterator();
        }
    }

    static final class KindConverter implements picocli.CommandLine.ITypeConverter<Kind> {
        @Override
        public Kind convert(String value) {
            for (Kind k : Kind.values()) {
                if (k.toString().equals(value)) {
                    return k;
                }
            }
            throw new picocli.CommandLine.TypeConversionException(
                    "unknown format '" + value + "': use supervisord, procfile or process-compose");
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConfigChecker.warmUp();
        Draft draft;
        try {
            draft = Importer.read(kind.format, file, System.getenv());
        } catch (ImportFailure e) {
            err.println("procrust: import: " + e.getMessage());
            err.flush();
            return 1;
        }
        String text = TomlText.write(draft, UUID.randomUUID(), LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS), schema());
        CheckResult checked = check(text);
        boolean valid = checked.valid();
        if (!valid) {
            err.println("procrust: import: the procrust file made from " + file + " does not pass check; this is a bug "
                    + "in procrust import, please report it with the input. The problems:");
            for (Diagnostic d : checked.diagnostics()) {
                err.println("  " + d.code() + ": " + d.message());
            }
            err.flush();
            return 1;
        }
        for (Draft.Note n : draft.notes()) {
            err.println("procrust: import: warning: " + n.warning(file.toString()));
        }
        err.flush();
        out.print(text);
        out.flush();
        return 0;
    }

    private static CheckResult check(String text) throws IOException {
        Path tmp = Files.createTempFile("procrust-import", ".toml");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            return ConfigChecker.check(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The schema beside this installation (release archive, package or checkout), else the package's path. */
    static String schema() {
        try {
            Path jar = Path.of(ImportCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path root = jar.getParent() == null ? null : jar.getParent().getParent();
            if (root != null) {
                Path s = root.resolve("schema/procrust.schema.json");
                if (Files.isRegularFile(s)) {
                    return s.toString();
                }
            }
        } catch (Exception e) {
            // fall through to the packaged path
        }
        return "/usr/share/procrust/schema/procrust.schema.json";
    }
}
