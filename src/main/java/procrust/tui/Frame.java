package procrust.tui;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything one drawing needs, read beforehand: the screen state, the table, and for the detail and
 * log views the selected process's log file and its last lines.
 *
 * @param logFile  the selected process's log file, or null
 * @param logLines its last lines (already {@link Formats#printable}); empty when none or not needed
 * @param now      the wall clock, for the header
 */
public record Frame(UiState ui, ViewModel vm, Path logFile, List<String> logLines, java.time.Instant now) {

    public Frame {
        logLines = List.copyOf(logLines);
    }
}
