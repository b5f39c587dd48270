package procrust.reconcile;

import java.nio.file.Path;
import procrust.config.CheckResult;

/** Reads and validates the file: {@code procrust.validate.ConfigChecker::check}. */
@FunctionalInterface
public interface ConfigLoader {
    CheckResult load(Path file);
}
