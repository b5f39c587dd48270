package procrust.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import procrust.config.LogPolicy;

/**
 * A real process appends numbered lines as fast as a shell can while the rotator runs on its
 * schedule: the folder must stay within (keep + 1) x (max_size + overshoot), where the overshoot is
 * what the writer adds between two checks, and lines may only go missing at a rotation (the
 * documented race), never inside a file, never twice.
 */
class RotationBoundTest {

    static final long MAX = 64 * 1024;
    static final int KEEP = 3;
    static final Duration EVERY = Duration.ofMillis(50);
    static final String PAD = "x".repeat(80);

    @TempDir
    Path dir;

    @Test
    void theFolderStaysWithinItsBoundUnderAFastWriter() throws Exception {
        Path log = dir.resolve("chatty.log");
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c",
                "i=0; while :; do i=$((i+1)); echo \"line $i " + PAD + "\"; done")
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        ConcurrentLinkedQueue<Long> copied = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ScheduledExecutorService ses = Executors.newSingleThreadScheduledExecutor();
        long maxFolder = 0;
        int maxFiles = 0;
        long started = System.nanoTime();
        Process writer = pb.start();
        try {
            ses.scheduleWithFixedDelay(() -> {
                try {
                    LogRotator.rotateIfNeeded(log, new LogPolicy(MAX, KEEP)).ifPresent(r -> copied.add(r.copiedBytes()));
                } catch (IOException | RuntimeException e) {
                    failures.add(e.toString());
                }
            }, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            // run until 40 rotations, 2 s, and more written than the bound (which grows with the
            // overshoot when the machine is loaded): without rotation the test would then fail
            while (copied.size() < 40 || System.nanoTime() - started < TimeUnit.SECONDS.toNanos(2)
                    || writtenSoFar(copied, log) <= 2 * boundFor(copied, log)) {
                assertTrue(System.nanoTime() < deadline, "only " + copied.size() + " rotations in 60 s");
                assertTrue(writer.isAlive(), "the writer died");
                long[] s = folder();
                maxFolder = Math.max(maxFolder, s[0]);
                maxFiles = (int) Math.max(maxFiles, s[1]);
                Thread.sleep(2);
            }
        } finally {
            writer.destroyForcibly();
            writer.waitFor(30, TimeUnit.SECONDS);
            ses.shutdown(); // no interrupt: a rotation in progress finishes (an interrupt would close its files)
            ses.awaitTermination(30, TimeUnit.SECONDS);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        assertEquals(List.of(), List.copyOf(failures));

        // what was kept, oldest first, and what it says about loss
        List<Path> kept = new ArrayList<>();
        for (int n = KEEP; n >= 1; n--) {
            kept.add(LogRotator.rotated(log, n));
        }
        kept.add(log);
        long prev = -1;
        long lostLines = 0;
        int boundaries = 0;
        for (Path f : kept) {
            List<Long> nums = numbers(f);
            for (int i = 0; i < nums.size(); i++) {
                long n = nums.get(i);
                if (prev >= 0) {
                    assertTrue(n > prev, "line " + n + " after " + prev + " in " + f.getFileName() + ": repeated or out of order");
                    if (i == 0) {
                        lostLines += n - prev - 1;
                        boundaries++;
                    } else {
                        assertEquals(prev + 1, n, "a gap inside " + f.getFileName() + ": lines go missing only at a rotation");
                    }
                }
                prev = n;
            }
        }
        long written = prev * (("line " + prev + " " + PAD + "\n").length());
        long overshoot = overshoot(copied, log);
        long bound = boundFor(copied, log);
        System.out.printf("rotation bound: %d rotations in %.1f s, writer ~%.1f MB/s, max overshoot %d KiB, "
                        + "max folder %d KiB <= bound %d KiB, max files %d, %d lines lost at %d boundaries%n",
                copied.size(), seconds, written / seconds / 1e6, overshoot / 1024, maxFolder / 1024, bound / 1024,
                maxFiles, lostLines, boundaries);

        assertTrue(written > 2 * bound, "the writer wrote too little for the test to mean anything: " + written);
        assertTrue(maxFolder <= bound, "the folder reached " + maxFolder + " bytes, over its bound " + bound);
        assertTrue(maxFiles <= KEEP + 2, "at most the log, " + KEEP + " old files and one copy in progress: " + maxFiles);
        assertTrue(boundaries >= KEEP - 1, "every old file holds lines (the live one may be empty): " + boundaries);
        // how many lines the race costs depends on scheduling (it is reported above, not asserted);
        // that what is written during the copy is kept is shown exactly by LogRotatorTest
    }

    /** How far past max_size a file grew: the largest rotated copy, or the live file if larger. */
    private static long overshoot(java.util.Collection<Long> copied, Path log) throws IOException {
        long live = Files.exists(log) ? Files.size(log) : 0;
        return Math.max(0, Math.max(copied.stream().mapToLong(Long::longValue).max().orElse(0), live) - MAX);
    }

    /** The documented bound for what was seen so far: (keep + 1) x (max_size + overshoot). */
    private static long boundFor(java.util.Collection<Long> copied, Path log) throws IOException {
        return (KEEP + 1) * (MAX + overshoot(copied, log));
    }

    /** Bytes the writer produced so far: everything copied at rotations plus the live file. */
    private static long writtenSoFar(java.util.Collection<Long> copied, Path log) throws IOException {
        return copied.stream().mapToLong(Long::longValue).sum() + (Files.exists(log) ? Files.size(log) : 0);
    }

    /** {total bytes, file count} of the folder right now (files vanish while we look: skip them). */
    private long[] folder() throws IOException {
        long total = 0;
        long count = 0;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                try {
                    total += Files.size(p);
                    count++;
                } catch (NoSuchFileException e) {
                    // rotated away between list and stat
                }
            }
        }
        return new long[] {total, count};
    }

    /**
     * The numbers of the complete lines of a file. The last line of a rotated file may be cut (the
     * race at the truncate), and so may the first line after it.
     */
    private static List<Long> numbers(Path f) throws IOException {
        List<Long> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            boolean edge = i == 0 || i == lines.size() - 1;
            if (l.startsWith("line ") && l.endsWith(" " + PAD)) {
                out.add(Long.parseLong(l.substring(5, l.indexOf(' ', 5))));
            } else if (!edge) {
                throw new AssertionError("a torn line inside " + f.getFileName() + " at " + (i + 1) + ": " + l);
            }
        }
        return out;
    }
}
