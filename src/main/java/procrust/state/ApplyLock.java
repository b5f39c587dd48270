package procrust.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@code DIR/<uid>/apply.lock}: an fcntl lock held for the whole life of an apply, so at most one
 * runs per uid. The kernel drops it when the holder dies (kill -9 included), so a stale file never
 * blocks. The file names the holder's pid for messages; whether someone holds it is asked of the
 * kernel ({@code /proc/locks}), never inferred from the file's content.
 */
public final class ApplyLock implements AutoCloseable {

    public static final String FILE_NAME = "apply.lock";

    private final ApplyLock.Held held;

    private ApplyLock(ApplyLock.Held held) {
        this.held = held;
    }

    /** The outcome of {@link #tryAcquire}: the lock, or the pid of the apply that holds it (-1 unknown). */
    public record Attempt(ApplyLock lock, long holderPid) {
        public boolean acquired() {
            return lock != null;
        }
    }

    public static Attempt tryAcquire(Path uidDir) throws IOException {
        StateStore.ensureDir(uidDir);
        Path f = uidDir.resolve(FILE_NAME);
        Held h = Held.take(f, (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII));
        if (h == null) {
            return new Attempt(null, holder(uidDir).orElse(-1));
        }
        return new Attempt(new ApplyLock(h), ProcessHandle.current().pid());
    }

    /** An fcntl lock taken on a file of ours, with the channel that holds it. */
    record Held(FileChannel channel, FileLock lock) implements AutoCloseable {

        @Override
        public void close() throws IOException {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }

        /**
         * Opens {@code f} (0600, never through a link) and takes its lock without waiting; then writes
         * {@code content} in it, on disk. Null when another process holds the lock.
         */
        static Held take(Path f, byte[] content) throws IOException {
            FileChannel ch = FileChannel.open(f, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE, java.nio.file.LinkOption.NOFOLLOW_LINKS),
                    PosixFilePermissions.asFileAttribute(StateStore.FILE_MODE));
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                ch.close();
                return null;
            }
            Files.setPosixFilePermissions(f, StateStore.FILE_MODE);
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(content), 0);
            ch.force(true);
            return new Held(ch, l);
        }
    }

    /**
     * The pid of the process that holds the lock now, or empty when none does. Reads {@code /proc/locks}
     * (matching the lock file's inode), so it takes no lock itself and never disturbs an apply.
     */
    public static OptionalLong holder(Path uidDir) {
        return lockHolder(uidDir.resolve(FILE_NAME));
    }

    /** The pid holding an fcntl lock on {@code f} now (from {@code /proc/locks}), or empty. */
    static OptionalLong lockHolder(Path f) {
        long ino;
        long dev;
        try {
            ino = ((Number) Files.getAttribute(f, "unix:ino")).longValue();
            dev = ((Number) Files.getAttribute(f, "unix:dev")).longValue();
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (IOException | UnsupportedOperationException e) {
            return OptionalLong.empty();
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/locks"))) {
                // "1: POSIX  ADVISORY  WRITE 1234 08:01:5678 0 EOF" (blocked waiters start with "->")
                String[] f2 = line.trim().split("\\s+");
                if (f2.length < 6 || "->".equals(f2[1])) {
                    continue;
                }
                String[] devf = f2[5].split(":");
                if (devf.length == 3 && Long.parseLong(devf[2]) == ino
                        && Long.parseLong(devf[0], 16) == major(dev) && Long.parseLong(devf[1], 16) == minor(dev)) {
                    return OptionalLong.of(Long.parseLong(f2[4]));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    // glibc's gnu_dev_major / gnu_dev_minor
    private static long major(long dev) {
        return ((dev >>> 8) & 0xfffL) | ((dev >>> 32) & ~0xfffL);
    }

    private static long minor(long dev) {
        return (dev & 0xffL) | ((dev >>> 12) & ~0xffL);
    }

    @Override
    public void close() throws IOException {
        held.close();
    }
}
