package procrust.config;

import java.util.List;
import procrust.diag.Diagnostic;

/**
 * The outcome of reading and validating one file: every diagnostic (sorted by position) and, when
 * there is no error, the normalised {@link Config}.
 */
public record CheckResult(Config config, List<Diagnostic> diagnostics) {

    public CheckResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /** True when no diagnostic is an error (warnings allowed); then {@link #config()} is non-null. */
    public boolean valid() {
        return config != null && diagnostics.stream().noneMatch(Diagnostic::isError);
    }
}
