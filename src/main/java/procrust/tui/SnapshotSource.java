package procrust.tui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import procrust.config.Config;
import procrust.diag.Diagnostic;
import procrust.plan.Planner;
import procrust.reconcile.Observation;
import procrust.reconcile.StatusBuilder;
import procrust.reconcile.StatusReport;
import procrust.state.StateDirs;
import procrust.config.CheckResult;

/**
 * Reads what the screen shows, the way {@code procrust status} does (the file, the state verified
 * against /proc, the apply lock, the plan), without writing anything. The file is read again only when
 * it changes on disk; an invalid or missing file, or one whose uid changed, leaves the last valid
 * reading in force with the reason shown (as apply does).
 */
public final class SnapshotSource {

    private final Path file;
    private final Path stateBase;
    private final Path logDirOption;
    private final Function<Path, CheckResult> loader;
    private final Observation.Reader observer;
    private Config config;
    private Object stamp;
    private String fileProblem;
    /** True while no valid reading of the file exists yet: the state alone is shown. */
    private boolean noValidReading;

    /** @param first the file as read and validated by the command (its uid is the one shown) */
    public SnapshotSource(Path file, Config first, Path stateBase, Path logDirOption,
                          Function<Path, CheckResult> loader, Observation.Reader observer) {
        this.file = file;
        this.config = first;
        this.stateBase = stateBase;
        this.logDirOption = logDirOption;
        this.loader = loader;
        this.observer = observer;
        this.stamp = stamp(file);
    }

    /**
     * For a file that was invalid from the start (an edit broke it): the state of {@code uid} (found by
     * the command) is shown as recorded, with {@code why} as the banner, until the file is valid again.
     */
    public static SnapshotSource ofBrokenFile(Path file, String uid, String why, Path stateBase, Path logDirOption,
                                              Function<Path, CheckResult> loader, Observation.Reader observer) {
        Config none = new Config(file, uid, "0", java.time.ZoneId.systemDefault(), false, List.of(), null);
        SnapshotSource s = new SnapshotSource(file, none, stateBase, logDirOption, loader, observer);
        s.noValidReading = true;
        s.fileProblem = why;
        return s;
    }

    /** The uid's state folder. */
    public Path uidDir() {
        return StateDirs.forUid(stateBase, config.uid());
    }

    public Snapshot read() throws IOException {
        reloadIfChanged();
        Path uidDir = uidDir();
        Observation seen = observer.read(uidDir, config);
        StatusReport report = noValidReading
                ? StatusBuilder.fromState(seen.state(), seen.applyPid(), seen.problem(), seen.at())
                : seen.status(config, Planner::plan);
        return new Snapshot(file, config, report, fileProblem, StateDirs.logsUsed(uidDir, logDirOption, config.uid()));
    }

    private void reloadIfChanged() {
        Object now = stamp(file);
        if (Objects.equals(now, stamp)) {
            return;
        }
        stamp = now;
        if (now == null) {
            fileProblem = file + " is missing: showing its last valid reading";
            return;
        }
        CheckResult r = loader.apply(file);
        if (!r.valid()) {
            fileProblem = file + " is invalid (" + firstError(r.diagnostics()) + "): showing "
                    + (noValidReading ? "the processes as recorded in the state" : "its last valid reading");
        } else if (!r.config().uid().equals(config.uid())) {
            fileProblem = file + " now has uid " + r.config().uid() + ": this view stays on uid " + config.uid()
                    + " (as apply does); restart the TUI to follow the new uid";
        } else {
            config = r.config();
            fileProblem = null;
            noValidReading = false;
        }
    }

    private static String firstError(List<Diagnostic> ds) {
        for (Diagnostic d : ds) {
            if (d.isError()) {
                return "line " + d.line() + ": " + d.message();
            }
        }
        return "no usable content";
    }

    /** What identifies a version of the file on disk (modification time, size, inode), or null when absent. */
    private static Object stamp(Path f) {
        try {
            BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
            return List.of(a.lastModifiedTime(), a.size(), String.valueOf(a.fileKey()));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return List.of("unreadable", e.getMessage() == null ? "" : e.getMessage());
        }
    }
}
