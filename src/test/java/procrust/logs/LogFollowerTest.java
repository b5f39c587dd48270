package procrust.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import procrust.config.LogPolicy;

class LogFollowerTest {

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Path log() {
        return dir.resolve("web.log");
    }

    void append(String s) throws Exception {
        Files.writeString(log(), s, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    LogFollower follower(Duration poll) throws Exception {
        LogFollower f = new LogFollower(log(), out, poll, Duration.ofMillis(10));
        f.startAt(Files.exists(log()) ? Files.size(log()) : 0);
        return f;
    }

    @Test
    void printsWhatIsAppended() throws Exception {
        append("old\n");
        LogFollower f = follower(Duration.ofMillis(1));
        append("a\n");
        f.step();
        append("b\n");
        f.step();
        assertEquals("a\nb\n", printed());
    }

    @Test
    void acrossOurRotationNothingIsSkippedOrRepeated() throws Exception {
        append("old\n");
        LogFollower f = follower(Duration.ofMillis(1));
        append("a\n");
        f.step();
        append("b\nc\n"); // written, not yet read, when the rotation comes
        LogRotator.rotate(log(), 2);
        append("d\n");
        f.step();
        assertEquals("a\nb\nc\nd\n", printed());
        append("e\n");
        LogRotator.rotate(log(), 2);
        append("f\n");
        f.step();
        assertEquals("a\nb\nc\nd\ne\nf\n", printed());
    }

    @Test
    void truncatedBySomeoneElseItStartsAgainFromTheTop() throws Exception {
        append("one\ntwo\n");
        LogFollower f = follower(Duration.ofMillis(1));
        Files.writeString(log(), "x\n"); // truncate and write, no rotated copy
        f.step();
        assertEquals("", printed(), "first it waits for a rotated copy");
        Thread.sleep(20);
        f.step();
        assertEquals("x\n", printed());
    }

    @Test
    void aReplacedFileIsFollowedFromItsStartAndAMissingOneWaitedFor() throws Exception {
        append("one\n");
        LogFollower f = follower(Duration.ofMillis(1));
        Files.delete(log());
        f.step();
        append("new file\n");
        f.step();
        assertEquals("new file\n", printed());
    }

    /**
     * A real writer, the rotator on a schedule, and the follower on its own thread: every line still
     * on disk at the end was printed, in order, once.
     */
    @Test
    void followsARealWriterThroughManyRotations() throws Exception {
        Process writer = new ProcessBuilder("/bin/sh", "-c",
                "i=0; while [ $i -lt 1000000 ]; do i=$((i+1)); echo \"line $i\"; [ $((i % 50)) -eq 0 ] && sleep 0.01; done")
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(log().toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        ScheduledExecutorService ses = Executors.newScheduledThreadPool(2);
        AtomicBoolean stop = new AtomicBoolean();
        List<Long> rotations = new java.util.concurrent.CopyOnWriteArrayList<>();
        try {
            ses.scheduleWithFixedDelay(() -> {
                try {
                    LogRotator.rotateIfNeeded(log(), new LogPolicy(8 * 1024, 3)).ifPresent(r -> rotations.add(r.copiedBytes()));
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }, 0, 400, TimeUnit.MILLISECONDS); // far apart from the 10 ms polls: one rotation between two polls at most
            var following = ses.submit(() -> {
                new LogFollower(log(), out, Duration.ofMillis(10)).follow(0, stop::get);
                return null;
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (rotations.size() < 5) {
                assertTrue(System.nanoTime() < deadline, "too few rotations: " + rotations);
                Thread.sleep(20);
            }
            writer.destroyForcibly();
            writer.waitFor(30, TimeUnit.SECONDS);
            Thread.sleep(100); // a few polls to catch up
            stop.set(true);
            following.get(30, TimeUnit.SECONDS);
        } finally {
            writer.destroyForcibly();
            ses.shutdownNow();
            ses.awaitTermination(30, TimeUnit.SECONDS);
        }
        List<String> printed = printed().lines().toList();
        long prev = 0;
        for (String l : printed) {
            long n = Long.parseLong(l.substring(5));
            assertTrue(n > prev, "line " + n + " printed after " + prev);
            prev = n;
        }
        Set<String> seen = new LinkedHashSet<>(printed);
        List<String> missing = new ArrayList<>();
        for (int k = 3; k >= 0; k--) {
            Path f = k == 0 ? log() : LogRotator.rotated(log(), k);
            if (Files.exists(f)) {
                for (String l : Files.readAllLines(f)) {
                    if (!seen.contains(l)) {
                        missing.add(f.getFileName() + ": " + l);
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "lines on disk the follower did not print");
        assertTrue(printed.size() > 5 * 8 * 1024 / 12, "printed only " + printed.size() + " lines");
    }
}
