package procrust.logs;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/** Which log file {@code procrust logs ID} reads. */
public final class ProcessLogs {

    private ProcessLogs() {
    }

    /**
     * The log of {@code id} in {@code logDir}, or empty when the id is unknown: not among the file's
     * {@code ids} and without any log (live or rotated) left from an earlier file. A known id whose
     * process has not written yet has a log that does not exist yet.
     */
    public static Optional<Path> locate(Path logDir, Set<String> ids, String id) {
        Path live = LogFiles.fileFor(logDir, id);
        if (ids.contains(id) || Files.exists(live, LinkOption.NOFOLLOW_LINKS)
                || Files.exists(LogRotator.rotated(live, 1), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(live);
        }
        return Optional.empty();
    }
}
