package procrust.logs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Follows a log across rotations, like {@code tail -F}, and better where it can: procrust's own
 * rotation copies the log to {@code x.log.1} before emptying it, so when a new {@code x.log.1}
 * appears the follower first prints what it had not yet read from there, then goes on from the start
 * of the emptied log: nothing is skipped or printed twice. Other changes are handled like tail -F: a
 * log truncated by someone else (and no new {@code x.log.1}) is read again from its start; a log
 * replaced by a new file is followed from the new file's start; a missing log is waited for.
 *
 * <p>It polls (every 250 ms by default): a {@code stat} of two files per poll. If two rotations
 * happen between two polls, the older of the two copies is not printed.
 */
public final class LogFollower {

    public static final Duration DEFAULT_POLL = Duration.ofMillis(250);

    /**
     * How long an emptied log waits for its rotated copy before it is taken as truncated by someone
     * else (procrust renames the copy into place microseconds after the truncate).
     */
    static final Duration TRUNCATION_GRACE = Duration.ofSeconds(2);

    private final Path live;
    private final Path firstRotated;
    private final OutputStream out;
    private final Duration poll;
    private final Duration truncationGrace;

    private long pos;
    private Object liveKey;
    private Ident rotatedSeen;
    private long truncatedAtNanos = -1;

    /**
     * @param live  the log to follow
     * @param out   where its bytes go, unchanged
     * @param poll  how often to look
     */
    public LogFollower(Path live, OutputStream out, Duration poll) {
        this(live, out, poll, TRUNCATION_GRACE);
    }

    LogFollower(Path live, OutputStream out, Duration poll, Duration truncationGrace) {
        this.live = Objects.requireNonNull(live, "live");
        this.firstRotated = LogRotator.rotated(live, 1);
        this.out = Objects.requireNonNull(out, "out");
        this.poll = Objects.requireNonNull(poll, "poll");
        this.truncationGrace = Objects.requireNonNull(truncationGrace, "truncationGrace");
    }

    /**
     * Prints the last {@code n} lines ({@link LogTail}), then what is appended, until {@code stop}
     * says so (checked after each poll) or the thread is interrupted. The files are looked at before
     * the last lines are found, so a rotation in between is seen and nothing is lost.
     */
    public void follow(int n, BooleanSupplier stop) throws IOException, InterruptedException {
        start();
        pos = LogTail.print(live, n, out);
        while (!stop.getAsBoolean()) {
            step();
            out.flush();
            Thread.sleep(poll.toMillis());
        }
    }

    /** Notes who the files are now, before anything is read. */
    void start() throws IOException {
        BasicFileAttributes a = attrs(live);
        liveKey = a == null ? null : a.fileKey();
        rotatedSeen = Ident.of(firstRotated);
    }

    /** Starts following at byte {@code from} of the live file (tests). */
    void startAt(long from) throws IOException {
        start();
        pos = from;
    }

    /** One look at the files: prints what is new. */
    void step() throws IOException {
        Ident r = Ident.of(firstRotated);
        if (r != null && !r.equals(rotatedSeen)) {
            // a rotation finished: its copy holds the tail we had not read yet
            long size = r.size();
            if (size > pos) {
                pos += LogTail.copy(firstRotated, pos, size, out);
            }
            rotatedSeen = r;
            pos = 0;
            truncatedAtNanos = -1;
        }
        BasicFileAttributes a = attrs(live);
        if (a == null) {
            liveKey = null; // not there (yet, or any more): wait for it, then read it from its start
            return;
        }
        if (!Objects.equals(a.fileKey(), liveKey)) {
            liveKey = a.fileKey(); // a new file under the same name: follow it from its start
            pos = 0;
        }
        long size = a.size();
        if (size < pos) {
            // emptied: procrust renames its copy into place right after; anyone else, read from 0
            long now = System.nanoTime();
            if (truncatedAtNanos < 0) {
                truncatedAtNanos = now;
                return;
            }
            if (now - truncatedAtNanos < truncationGrace.toNanos()) {
                return;
            }
            pos = 0;
        }
        truncatedAtNanos = -1;
        if (size > pos) {
            pos += LogTail.copy(live, pos, size, out);
        }
    }

    private static BasicFileAttributes attrs(Path p) throws IOException {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Who a rotated copy is: a new rotation gives a new file (new inode, size or time). */
    private record Ident(Object key, long size, long modifiedNanos) {
        static Ident of(Path p) throws IOException {
            try {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                return new Ident(a.fileKey(), a.size(), a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS));
            } catch (NoSuchFileException e) {
                return null;
            }
        }
    }
}
