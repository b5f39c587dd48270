package procrust.validate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import procrust.config.CheckResult;
import procrust.config.Config;
import procrust.config.raw.RawConfig;
import procrust.config.read.ConfigReader;
import procrust.config.read.EntryCheck;
import procrust.config.read.Normaliser;
import procrust.config.read.Sink;
import procrust.config.read.SourceText;
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

    /**
     * {@link #warmUp} unless {@code file} holds a text {@link #check} will not need the validator for
     * (see {@link Validated}): looked up on a background thread, the answer is only a guess about the
     * file as it is now, {@link #check} reads it again. Optional.
     */
    public static void warmUpUnlessKnown(Path file) {
        Thread t = new Thread(() -> {
            try {
                if (file == null) {
                    throw new IllegalArgumentException("no file");
                }
                Validated cache = Validated.open();
                if (cache != null && Files.size(file) < 1 << 20 && cache.knows(Files.readString(file))) {
                    return;
                }
            } catch (java.io.IOException | RuntimeException e) {
                // read again, and reported, by check
            }
            Validators.warmUp();
        }, "validator-lookup");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Reads and checks {@code file}. The field constraints (Hibernate Validator) are not evaluated
     * again for a text this user has seen pass them with this very build (see {@link Validated}):
     * their answer would be the same.
     */
    public static CheckResult check(Path file) {
        return check(file, true, Validated.open());
    }

    /** {@link #check} with every rule evaluated, whatever was remembered ({@code procrust check}). */
    public static CheckResult checkInFull(Path file) {
        return check(file, false, Validated.open());
    }

    /** @param cache where texts that passed are remembered, or null */
    static CheckResult check(Path file, boolean trustRemembered, Validated cache) {
        Sink sink = new Sink(file.toString());
        SourceText src = ConfigReader.text(file, sink);
        boolean known = trustRemembered && src != null && cache != null && cache.knows(src.text());
        AtomicBoolean failed = new AtomicBoolean();
        EntryCheck fields = (entry, s) -> {
            if (FieldRules.checkEntry(entry, s)) {
                failed.set(true);
            }
        };
        if (!known) {
            Validators.warmUp(); // overlaps the validator's bootstrap with parsing
        }
        // a small text is parsed on this thread before the validator's bootstrap is over: its entries
        // are checked after the other rules, which so run while the bootstrap ends instead of after it;
        // a large one is checked entry by entry on the threads that parse its pieces
        boolean entriesLater = !known && src != null && !ConfigReader.inPieces(src);
        RawConfig raw = src == null ? null
                : ConfigReader.parse(src, sink, known || entriesLater ? (entry, s) -> { } : fields);
        Config config = null;
        if (raw != null) {
            ReferenceRules.check(raw, sink);
            HostRules.check(file, raw, sink);
            List<Versions.Version> versions = Versions.of(raw);
            VersionRules.check(versions, sink);
            CycleRules.check(versions, sink);
            if (!known && FieldRules.checkTop(raw, sink)) {
                failed.set(true);
            }
            if (entriesLater) {
                raw.processes().forEach(entry -> fields.check(entry, sink));
            }
            if (!sink.hasErrors()) {
                config = Normaliser.normalise(file, raw);
            }
            if (!known && !failed.get() && cache != null && src != null) {
                cache.remember(src.text());
            }
        }
        List<Diagnostic> diagnostics = new ArrayList<>(sink.diagnostics());
        diagnostics.sort(Diagnostic.ORDER);
        return new CheckResult(config, diagnostics);
    }
}
