package procrust.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static procrust.e2e.Host.await;
import static procrust.e2e.Host.io;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * apply rotates the log of a service that writes fast: the log folder stays within
 * (log_keep + 1) x (log_max_size + what is written between two checks), and {@code logs -f}, running
 * all along, prints every line still on disk, once and in order.
 */
class LogRotationIT {

    static final String PAD = "x".repeat(80);

    @Test
    void theLogFolderStaysBoundedAndLogsFollowFollowsEveryRotation() throws Exception {
        try (Host h = new Host()) {
            h.write("""
                    log_max_size = "64KiB"
                    log_keep = 2

                    [[process]]
                    id = "chatty"
                    command = "i=0; while :; do i=$((i+1)); echo \\"line $i %s\\"; [ $((i %% 200)) -eq 0 ] && sleep 0.02; done"
                    apply_on = "2024-10-01T12:00:00"
                    """.formatted(PAD));
            h.apply();
            await(Duration.ofSeconds(30), "chatty running", io(() -> "RUNNING".equals(h.stateOf("chatty"))));
            Path logs = h.log("chatty").getParent();
            Path out = h.dir.resolve("follow.out");
            Process follower = new ProcessBuilder(Procrust.launcher().toString(), "logs", "-f", "-n", "0", "chatty",
                    "-c", h.config.toString(), "--state-dir", h.stateDir.toString())
                    .redirectOutput(out.toFile()).redirectError(h.dir.resolve("follow.err").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            h.own(follower.pid());
            long maxFolder = 0;
            long maxFile = 0;
            int maxFiles = 0;
            Set<Long> rotatedSizes = new HashSet<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            long written = 0;
            try {
                while (true) {
                    long total = 0;
                    int files = 0;
                    try (Stream<Path> s = Files.list(logs)) {
                        for (Path p : s.toList()) {
                            try {
                                long size = Files.size(p);
                                total += size;
                                files++;
                                maxFile = Math.max(maxFile, size);
                                if (p.getFileName().toString().equals("chatty.log.1")) {
                                    rotatedSizes.add(size);
                                }
                            } catch (NoSuchFileException e) {
                                // rotated away meanwhile
                            }
                        }
                    }
                    maxFolder = Math.max(maxFolder, total);
                    maxFiles = Math.max(maxFiles, files);
                    written = lastLine(h.log("chatty")) * (PAD.length() + 12);
                    if (rotatedSizes.size() >= 4 && written > 2 * 3 * maxFile) {
                        break;
                    }
                    assertTrue(System.nanoTime() < deadline, "too few rotations: " + rotatedSizes);
                    Thread.sleep(20);
                }
                Procrust.Result stop = h.run("stop", "chatty");
                assertEquals(0, stop.exit(), stop::toString);
                // a rotation just before the stop may have emptied the live file: the last line is then in .1
                long last = Math.max(lastLine(h.log("chatty")), lastLine(h.log("chatty").resolveSibling("chatty.log.1")));
                await(Duration.ofSeconds(30), "logs -f prints line " + last,
                        io(() -> Files.readString(out, StandardCharsets.UTF_8).contains("line " + last + " ")));
            } finally {
                follower.destroy();
                follower.waitFor(10, TimeUnit.SECONDS);
            }
            long bound = 3 * maxFile; // (log_keep + 1) x the largest a file grew to
            System.out.printf("apply rotation: %d rotations seen, largest file %d KiB, folder at most %d KiB, bound %d KiB,"
                    + " %d files at most, ~%d KiB written%n", rotatedSizes.size(), maxFile / 1024, maxFolder / 1024,
                    bound / 1024, maxFiles, written / 1024);
            assertTrue(maxFiles <= 4, "the log, 2 old files and one copy in progress at most: " + maxFiles);
            assertTrue(maxFolder <= bound, "folder " + maxFolder + " over its bound " + bound);
            assertTrue(written > 2 * bound, "too little written to tell: " + written);

            List<Long> printed = new ArrayList<>();
            for (String l : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                if (l.startsWith("line ") && l.endsWith(PAD)) {
                    printed.add(Long.parseLong(l.substring(5, l.indexOf(' ', 5))));
                }
            }
            for (int i = 1; i < printed.size(); i++) {
                assertTrue(printed.get(i) > printed.get(i - 1), "printed twice or out of order at " + printed.get(i));
            }
            Set<Long> seen = new HashSet<>(printed);
            long first = printed.isEmpty() ? Long.MAX_VALUE : printed.get(0);
            List<Long> missing = new ArrayList<>();
            for (String name : List.of("chatty.log.2", "chatty.log.1", "chatty.log")) {
                Path f = logs.resolve(name);
                if (Files.exists(f)) {
                    for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                        if (l.startsWith("line ") && l.endsWith(PAD)) {
                            long n = Long.parseLong(l.substring(5, l.indexOf(' ', 5)));
                            if (n >= first && !seen.contains(n)) {
                                missing.add(n);
                            }
                        }
                    }
                }
            }
            assertEquals(List.of(), missing, "lines on disk that logs -f did not print");
        }
    }

    /** The number of the last complete line of a log (0 when none). */
    static long lastLine(Path log) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            return 0;
        }
        for (int i = lines.size() - 1; i >= 0; i--) {
            String l = lines.get(i);
            if (l.startsWith("line ") && l.endsWith(PAD)) {
                return Long.parseLong(l.substring(5, l.indexOf(' ', 5)));
            }
        }
        return 0;
    }
}
