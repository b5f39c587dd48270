package procrust.tui;

import java.nio.file.Path;
import java.time.Instant;
import procrust.config.Config;
import procrust.reconcile.StatusReport;

/**
 * What the screen shows at one refresh: the file in force, the status of its processes, and where
 * their logs are.
 *
 * @param file        the config file as given
 * @param config      the last valid reading of it
 * @param report      status at {@code report().at()}, as {@code procrust status} computes it
 * @param fileProblem why the file on disk is not the one shown (invalid since), or null
 * @param logDir      the folder of the processes' logs
 */
public record Snapshot(Path file, Config config, StatusReport report, String fileProblem, Path logDir) {

    public Instant at() {
        return report.at();
    }
}
