package procrust.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import procrust.config.LogPolicy;

class LogRotatorTest {

    @TempDir
    Path dir;

    Path log() {
        return dir.resolve("web.log");
    }

    void append(String s) throws IOException {
        Files.writeString(log(), s, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void nothingHappensUpToTheLimitNorToAMissingFile() throws Exception {
        assertEquals(Optional.empty(), LogRotator.rotateIfNeeded(log(), new LogPolicy(10, 3)));
        append("0123456789");
        assertEquals(Optional.empty(), LogRotator.rotateIfNeeded(log(), new LogPolicy(10, 3)));
        assertEquals(List.of("web.log"), names());
    }

    @Test
    void pastTheLimitTheContentMovesToDot1AndTheFileIsEmptied() throws Exception {
        append("first line\nsecond line\n");
        LogRotator.Rotation r = LogRotator.rotateIfNeeded(log(), new LogPolicy(10, 3)).orElseThrow();
        assertEquals(23, r.copiedBytes());
        assertEquals(List.of("web.log", "web.log.1"), names());
        assertEquals("first line\nsecond line\n", Files.readString(LogRotator.rotated(log(), 1)));
        assertEquals(0, Files.size(log()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(LogRotator.rotated(log(), 1))));
    }

    @Test
    void onlyKeepOldFilesRemainNewestFirst() throws Exception {
        for (int i = 1; i <= 5; i++) {
            append("generation " + i + "\n");
            LogRotator.rotate(log(), 3);
        }
        assertEquals(List.of("web.log", "web.log.1", "web.log.2", "web.log.3"), names());
        assertEquals("generation 5\n", Files.readString(LogRotator.rotated(log(), 1)));
        assertEquals("generation 4\n", Files.readString(LogRotator.rotated(log(), 2)));
        assertEquals("generation 3\n", Files.readString(LogRotator.rotated(log(), 3)));
    }

    @Test
    void whatTheServiceWritesDuringTheCopyIsKept() throws Exception {
        append("before\n");
        LogRotator.Rotation r = LogRotator.rotate(log(), 2, () -> {
            try {
                append("during the copy\n");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertEquals("before\nduring the copy\n", Files.readString(LogRotator.rotated(log(), 1)));
        assertEquals(23, r.copiedBytes());
        assertEquals(0, Files.size(log()));
    }

    @Test
    void keepZeroOnlyTruncates() throws Exception {
        append("x".repeat(100));
        assertTrue(LogRotator.rotateIfNeeded(log(), new LogPolicy(50, 0)).isPresent());
        assertEquals(List.of("web.log"), names());
        assertEquals(0, Files.size(log()));
    }

    @Test
    void aCopyLeftByACrashIsTakenInNotLost() throws Exception {
        append("old generation\n");
        LogRotator.rotate(log(), 3);
        Path leftover = dir.resolve(".web.log.12345.rotating");
        Files.writeString(leftover, "copied before the crash\n");
        Path otherIds = dir.resolve(".web.log.log.777.rotating"); // the leftover of id "web.log"
        Files.writeString(otherIds, "not ours\n");
        append("live\n");
        LogRotator.rotate(log(), 3);
        assertEquals("live\n", Files.readString(LogRotator.rotated(log(), 1)));
        assertEquals("copied before the crash\n", Files.readString(LogRotator.rotated(log(), 2)));
        assertEquals("old generation\n", Files.readString(LogRotator.rotated(log(), 3)));
        assertFalse(Files.exists(leftover));
        assertTrue(Files.exists(otherIds), "another id's leftover is left alone");
    }

    @Test
    void aLinkInPlaceOfTheLogIsNeverFollowed() throws Exception {
        Path victim = Files.writeString(dir.resolve("victim"), "x".repeat(100));
        Files.createSymbolicLink(log(), victim);
        assertThrows(IOException.class, () -> LogRotator.rotate(log(), 2));
        assertEquals(100, Files.size(victim));
        assertEquals(List.of("victim", "web.log"), names(), "no copy is left behind");
    }

    @Test
    void theTaskRotatesEachFileByItsPolicyAndReportsFailures() throws Exception {
        Path a = dir.resolve("a.log");
        Path b = dir.resolve("b.log");
        Files.writeString(a, "x".repeat(20));
        Files.writeString(b, "x".repeat(20));
        Path bad = dir.resolve("bad.log");
        Files.createSymbolicLink(bad, a);
        List<String> warnings = new java.util.ArrayList<>();
        java.util.Map<Path, LogPolicy> files = new java.util.LinkedHashMap<>();
        files.put(bad, new LogPolicy(1, 1));
        files.put(a, new LogPolicy(10, 1));
        files.put(b, new LogPolicy(100, 1));
        new RotationTask(() -> files, warnings::add).run();
        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).contains("bad.log"), warnings::toString);
        assertEquals(0, Files.size(a));
        assertTrue(Files.exists(LogRotator.rotated(a, 1)));
        assertEquals(20, Files.size(b));
    }

    @Test
    void aQuietLogIsLookedAtLessOftenButAtLeastEveryFewRunsAndAGrowingOneOnEveryRun() throws Exception {
        Path quiet = dir.resolve("quiet.log");
        Path busy = dir.resolve("busy.log");
        Files.writeString(quiet, "x".repeat(10));
        Files.writeString(busy, "x".repeat(10));
        java.util.Map<Path, LogPolicy> files = new java.util.LinkedHashMap<>();
        files.put(quiet, new LogPolicy(100, 1));
        files.put(busy, new LogPolicy(100, 1));
        List<String> warnings = new java.util.ArrayList<>();
        RotationTask task = new RotationTask(() -> files, warnings::add);
        for (int i = 0; i < 20; i++) { // the quiet file's gap grows to its longest
            task.run();
            Files.writeString(busy, "y", java.nio.file.StandardOpenOption.APPEND);
        }
        // both pass their bound now: the busy one, looked at on every run, rotates at the next run
        Files.writeString(quiet, "x".repeat(200), java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(busy, "x".repeat(200), java.nio.file.StandardOpenOption.APPEND);
        task.run();
        assertTrue(Files.exists(LogRotator.rotated(busy, 1)), "a growing log is looked at on every run");
        int runs = 1;
        while (!Files.exists(LogRotator.rotated(quiet, 1))) {
            assertTrue(runs < RotationTask.QUIET_RUNS, "a quiet log is looked at within " + RotationTask.QUIET_RUNS + " runs");
            task.run();
            runs++;
        }
        assertTrue(runs > 1, "a quiet log is not looked at on every run (else idle apply pays a stat per log per second)");
        assertEquals(0, Files.size(quiet));
        assertEquals(List.of(), warnings);
    }

    @Test
    void whenEveryLogIsQuietTheTaskSleepsSeveralIntervalsAndCountsThem() throws Exception {
        Path quiet = dir.resolve("quiet.log");
        Files.writeString(quiet, "x".repeat(10));
        java.util.Map<Path, LogPolicy> files = java.util.Map.of(quiet, new LogPolicy(100, 1));
        RotationTask task = new RotationTask(() -> files, w -> { });
        task.run();
        assertEquals(1, task.runsUntilNext(), "a new log is looked at again at the next interval");
        for (int i = 0; i < 6; i++) {
            task.run();
        }
        assertEquals(RotationTask.QUIET_RUNS, task.runsUntilNext(), "all quiet: the thread sleeps " + RotationTask.QUIET_RUNS + " intervals");
        Files.writeString(quiet, "x".repeat(200), java.nio.file.StandardOpenOption.APPEND);
        task.run(); // the wake after the long sleep: the log is due and rotated
        assertTrue(Files.exists(LogRotator.rotated(quiet, 1)));
        assertEquals(1, task.runsUntilNext(), "a log that moved is looked at every interval again");
    }

    @Test
    void theScheduledTaskRunsUntilItsExecutorIsShutDown() throws Exception {
        Path log = dir.resolve("s.log");
        Files.writeString(log, "x".repeat(200));
        var ses = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try {
            new RotationTask(() -> java.util.Map.of(log, new LogPolicy(100, 1)), w -> { })
                    .scheduleOn(ses, java.time.Duration.ofMillis(10));
            long end = System.nanoTime() + 10_000_000_000L;
            while (!Files.exists(LogRotator.rotated(log, 1)) && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            assertTrue(Files.exists(LogRotator.rotated(log, 1)), "the first run is at once");
        } finally {
            ses.shutdownNow();
        }
        assertTrue(ses.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS));
    }
}
