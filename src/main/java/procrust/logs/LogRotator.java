package procrust.logs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import procrust.config.LogPolicy;

/**
 * Size rotation of a log file that a service appends to directly (SPEC §5): procrust must never sit
 * between a service and its log, so the file is rotated by copy-then-truncate, like logrotate's
 * {@code copytruncate}. When {@code x.log} is larger than {@code max_size}:
 * <ol>
 *   <li>{@code x.log.KEEP} (the oldest) is deleted;</li>
 *   <li>{@code x.log} is copied to a hidden temporary file in the same folder and synced; what the
 *       service writes meanwhile is copied too, until the size stops moving;</li>
 *   <li>{@code x.log} is truncated to 0 at once: the service's next append (O_APPEND) lands at 0;</li>
 *   <li>right after, {@code x.log.N} becomes {@code x.log.N+1}, and the copy becomes {@code x.log.1} (a
 *       rename, so a reader sees it whole or not at all).</li>
 * </ol>
 * The bounded race: what the service writes between the last size check of step 2 and the truncate
 * of step 3 (a few microseconds of Java code) is lost. With {@code keep = 0} the file is simply
 * truncated. A copy left behind by a crash during step 2 or 3 is taken in as {@code x.log.1} by the
 * next rotation (it may repeat lines of {@code x.log}, never lose them). See docs/operations.md.
 *
 * <p>Thread-safety: one rotator per log folder; it is not meant to run twice at once on a file.
 */
public final class LogRotator {

    /** Suffix of the hidden copy being made: {@code .x.log.NNNN.rotating}. */
    static final String TEMP_SUFFIX = ".rotating";
    private static final int CATCH_UP_ROUNDS = 64;

    /** What one rotation did: the file, and how many bytes went to {@code x.log.1}. */
    public record Rotation(Path file, long copiedBytes) {
    }

    private LogRotator() {
    }

    /** {@code x.log.n} beside {@code x.log}. */
    public static Path rotated(Path file, int n) {
        return file.resolveSibling(file.getFileName() + "." + n);
    }

    /**
     * Rotates {@code file} when it is larger than {@code policy.maxSize()}; a missing file is left
     * alone.
     *
     * @return the rotation done, or empty when none was needed
     */
    public static Optional<Rotation> rotateIfNeeded(Path file, LogPolicy policy) throws IOException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return size > policy.maxSize() ? Optional.of(rotate(file, policy.keep(), policy.group(), () -> { }))
                : Optional.empty();
    }

    /** Rotates {@code file} now, keeping {@code keep} old files. */
    public static Rotation rotate(Path file, int keep) throws IOException {
        return rotate(file, keep, () -> { });
    }

    /** {@link #rotate(Path, int)}, running {@code afterBulkCopy} between the bulk copy and the catch-up. */
    static Rotation rotate(Path file, int keep, Runnable afterBulkCopy) throws IOException {
        return rotate(file, keep, null, afterBulkCopy);
    }

    /** {@link #rotate(Path, int, Runnable)}; the old files are readable by {@code group} (log_group) when not null. */
    private static Rotation rotate(Path file, int keep, String group, Runnable afterBulkCopy) throws IOException {
        if (keep <= 0) {
            try (FileChannel live = openLive(file)) {
                long size = live.size();
                live.truncate(0);
                return new Rotation(file, size);
            }
        }
        long copied;
        Path tmp;
        try (FileChannel live = openLive(file)) {
            adoptLeftovers(file, keep);
            Files.deleteIfExists(rotated(file, keep));
            tmp = procrust.security.PrivateFiles.createTempFile(file.getParent(), "." + file.getFileName() + ".",
                    TEMP_SUFFIX);
            try (FileChannel copy = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                try {
                    copied = copyAll(live, copy, 0);
                    copy.force(false); // the bulk is on disk before anything is truncated
                    afterBulkCopy.run();
                } catch (IOException | RuntimeException e) {
                    Files.deleteIfExists(tmp); // nothing truncated yet: the live file still has it all
                    throw e;
                }
                // from here on the copy may hold the only trace of some lines: a failure leaves it
                // behind, and the next rotation takes it in
                copied = catchUpAndTruncate(live, copy, copied);
                // the copy takes its place at once (a follower waits for it), then is synced
                shift(file, keep);
                if (group != null) {
                    LogAccess.share(tmp, group); // a log_group reader reads the old files too (else: 0600)
                }
                Files.move(tmp, rotated(file, 1), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                copy.force(false);
            }
        }
        return new Rotation(file, copied);
    }

    /** The live file, for reading and truncating; never through a symbolic link. */
    private static FileChannel openLive(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    }

    /** Copies {@code live} from {@code from} to its current end; returns the new position. */
    private static long copyAll(FileChannel live, FileChannel copy, long from) throws IOException {
        long pos = from;
        long end = live.size();
        while (pos < end) {
            long n = live.transferTo(pos, end - pos, copy);
            if (n <= 0) {
                break;
            }
            pos += n;
        }
        return pos;
    }

    /**
     * Copies what the service appended during the bulk copy until the size stops moving, then
     * truncates at once. Only the bytes appended between the last size check and the truncate are
     * lost; a service that never pauses is cut after {@link #CATCH_UP_ROUNDS} rounds all the same.
     */
    private static long catchUpAndTruncate(FileChannel live, FileChannel copy, long pos) throws IOException {
        for (int i = 0; i < CATCH_UP_ROUNDS; i++) {
            long size = live.size();
            if (size == pos) {
                break;
            }
            if (size < pos) { // truncated by someone else meanwhile: what we copied stands
                return pos;
            }
            pos = copyAll(live, copy, pos);
        }
        live.truncate(0);
        return pos;
    }

    /** {@code x.log.N} becomes {@code x.log.N+1}, from the oldest kept down to 1. */
    private static void shift(Path file, int keep) throws IOException {
        for (int n = keep - 1; n >= 1; n--) {
            Path from = rotated(file, n);
            if (Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(from, rotated(file, n + 1), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Copies a crash left half-way are older than the live file: shift each in as {@code x.log.1}. */
    private static void adoptLeftovers(Path file, int keep) throws IOException {
        List<Path> found = leftovers(file);
        found.sort(Comparator.comparing(LogRotator::mtime));
        for (Path p : found) {
            Files.deleteIfExists(rotated(file, keep));
            shift(file, keep);
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
            Files.move(p, rotated(file, 1), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Hidden copies of {@code file} left by an interrupted rotation. */
    static List<Path> leftovers(Path file) throws IOException {
        List<Path> out = new ArrayList<>();
        String prefix = "." + file.getFileName() + ".";
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(file.getParent(),
                p -> isLeftoverOf(p.getFileName().toString(), prefix))) {
            ds.forEach(out::add);
        }
        return out;
    }

    /** {@code .x.log.DIGITS.rotating} exactly: {@code .x.log.log.1.rotating} belongs to another id. */
    private static boolean isLeftoverOf(String name, String prefix) {
        if (!name.startsWith(prefix) || !name.endsWith(TEMP_SUFFIX)) {
            return false;
        }
        String middle = name.substring(prefix.length(), name.length() - TEMP_SUFFIX.length());
        return !middle.isEmpty() && middle.chars().allMatch(Character::isDigit);
    }

    private static FileTime mtime(Path p) {
        try {
            return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
