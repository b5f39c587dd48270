package procrust.validate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import procrust.config.CheckResult;
import procrust.config.Config;
import procrust.config.raw.RawConfig;
import procrust.config.read.ConfigReader;
import procrust.config.read.Normaliser;
import procrust.config.read.Sink;
import procrust.diag.Diagnostic;

/**
 * {@code procrust check} as a function: reads a file, reports every problem in one run (sorted by
 * position) and, when there is no error, returns the normalised {@link Config}. Never throws for a
 * bad or unreadable file; those are diagnostics.
 */
public final class ConfigChecker {

    private ConfigChecker() {
    }

    /**
     * Starts bootstrapping the validator in the background (it takes 100-200 ms), so that a command
     * about to call {@link #check} pays for it in parallel with its own start-up. Optional.
     */
    public static void warmUp() {
        Validators.warmUp();
    }

    public static CheckResult check(Path file) {
        Validators.warmUp(); // overlaps the validator's bootstrap with reading and parsing
        Sink sink = new Sink(file.toString());
        RawConfig raw = ConfigReader.read(file, sink, FieldRules::checkEntry);
        Config config = null;
        if (raw != null) {
            FieldRules.checkTop(raw, sink);
            HostRules.check(raw, sink);
            ReferenceRules.check(raw, sink);
            List<Versions.Version> versions = Versions.of(raw);
            VersionRules.check(versions, sink);
            CycleRules.check(versions, sink);
            if (!sink.hasErrors()) {
                config = Normaliser.normalise(file, raw);
            }
        }
        List<Diagnostic> diagnostics = new ArrayList<>(sink.diagnostics());
        diagnostics.sort(Diagnostic.ORDER);
        return new CheckResult(config, diagnostics);
    }
}
