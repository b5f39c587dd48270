package procrust.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import procrust.config.CheckResult;
import procrust.diag.Diagnostic;
import procrust.diag.Severity;
import procrust.security.ConfigPermissions;
import procrust.validate.ConfigChecker;

/**
 * Reads and validates the file the way every command does, adding, when procrust runs as root, the
 * ownership and permission problems of the file (SPEC §5, code {@code insecure-file}). Commands that
 * run or signal processes (apply, start, stop) pass {@link Severity#ERROR}: the file is refused.
 * Commands that only read it (check, plan) pass {@link Severity#WARNING}: they run nothing, and
 * {@code check} in a CI checkout must not fail on its permissions, but it says apply would refuse.
 */
final class ConfigGate {

    private ConfigGate() {
    }

    /** {@link #check} for apply's reloads: an I/O failure reading the permissions counts as an error. */
    static CheckResult checkOrReport(Path file, Severity insecure) {
        try {
            return check(file, insecure);
        } catch (IOException e) {
            return new CheckResult(null, List.of(procrust.diag.Diagnostic.error(procrust.diag.Code.FILE_UNREADABLE,
                    "cannot check who may change the file: " + e.getMessage(), file.toString(), 0, 0, null, null)));
        }
    }

    static CheckResult check(Path file, Severity insecure) throws IOException {
        return withPermissions(ConfigChecker.check(file), file, insecure);
    }

    /** {@link #check} with every rule evaluated, whatever was remembered ({@code procrust check}). */
    static CheckResult checkInFull(Path file, Severity insecure) throws IOException {
        return withPermissions(ConfigChecker.checkInFull(file), file, insecure);
    }

    private static CheckResult withPermissions(CheckResult r, Path file, Severity insecure) throws IOException {
        List<Diagnostic> perms = ConfigPermissions.whenRoot(file, insecure);
        if (perms.isEmpty()) {
            return r;
        }
        List<Diagnostic> all = new ArrayList<>(r.diagnostics());
        all.addAll(perms);
        all.sort(Diagnostic.ORDER);
        return new CheckResult(r.valid() || insecure == Severity.WARNING ? r.config() : null, all);
    }
}
