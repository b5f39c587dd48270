package procrust.reconcile;

import java.nio.file.Path;
import procrust.validate.CheckResult;

/** Reads and validates the file: {@code procrust.validate.ConfigChecker::check}. */
@FunctionalInterface
public interface ConfigLoader {
    CheckResult load(Path file);
}
