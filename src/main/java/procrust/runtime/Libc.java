package procrust.runtime;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * The few glibc calls that Java 17 lacks for spawning and waiting for children without a thread each
 * (issue 18): posix_spawn with its file actions, pidfd_open, poll, waitpid, pipe2, eventfd, kill.
 * JNA direct mapping (static natives bound once): no proxy classes, no reflection per call.
 *
 * <p>{@link #AVAILABLE} is false when JNA or one of these symbols cannot be loaded (not glibc 2.34 or
 * newer, a kernel without pidfd_open, no JNA native part for this machine): the launcher then keeps
 * the JDK's {@link Process}.
 */
final class Libc {

    static final int O_RDONLY = 0;
    static final int O_WRONLY = 1;
    static final int O_CREAT = 0100;
    static final int O_NOCTTY = 0400;
    static final int O_APPEND = 02000;
    static final int O_NONBLOCK = 04000;
    static final int O_CLOEXEC = 02000000;
    static final short POSIX_SPAWN_SETSIGDEF = 0x04;
    static final short POSIX_SPAWN_SETSIGMASK = 0x08;
    static final short POSIX_SPAWN_SETSID = 0x80;
    static final int WNOHANG = 1;
    static final int EINTR = 4;
    static final int EAGAIN = 11;
    static final short POLLIN = 1;
    /** pidfd_open's number: the same on every architecture (added after the tables were unified). */
    static final long SYS_PIDFD_OPEN = 434;
    /** Generous upper bounds of glibc's posix_spawn_file_actions_t (80), posix_spawnattr_t (336), sigset_t (128). */
    static final int ACTIONS_SIZE = 256;
    static final int ATTR_SIZE = 512;
    static final int SIGSET_SIZE = 256;

    /** Why the native calls are not used (null when they are). */
    static final String UNAVAILABLE;
    static final boolean AVAILABLE;

    static {
        String why = null;
        try {
            if (!Platform.isLinux()) {
                why = "not Linux";
            } else {
                Native.register(Libc.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
                int fd = (int) syscall(SYS_PIDFD_OPEN, getpid(), 0);
                if (fd < 0) {
                    why = "pidfd_open failed (errno " + Native.getLastError() + "): the kernel is older than 5.3";
                } else {
                    close(fd);
                }
            }
        } catch (Throwable e) { // UnsatisfiedLinkError, NoClassDefFoundError: JNA or a symbol missing
            why = e.toString();
        }
        UNAVAILABLE = why;
        AVAILABLE = why == null;
    }

    private Libc() {
    }

    static native int posix_spawn(int[] pid, String path, Pointer fileActions, Pointer attr, Pointer argv,
                                  Pointer envp);

    static native int posix_spawn_file_actions_init(Pointer fileActions);

    static native int posix_spawn_file_actions_destroy(Pointer fileActions);

    static native int posix_spawn_file_actions_addopen(Pointer fileActions, int fd, String path, int flags, int mode);

    static native int posix_spawn_file_actions_adddup2(Pointer fileActions, int fd, int newFd);

    static native int posix_spawn_file_actions_addclosefrom_np(Pointer fileActions, int from);

    static native int posix_spawn_file_actions_addchdir_np(Pointer fileActions, String dir);

    static native int posix_spawnattr_init(Pointer attr);

    static native int posix_spawnattr_destroy(Pointer attr);

    static native int posix_spawnattr_setflags(Pointer attr, short flags);

    static native int posix_spawnattr_setsigmask(Pointer attr, Pointer sigset);

    static native int posix_spawnattr_setsigdefault(Pointer attr, Pointer sigset);

    static native int sigemptyset(Pointer sigset);

    static native int sigfillset(Pointer sigset);

    static native long syscall(long number, int a, int b);

    static native int getpid();

    static native int waitpid(int pid, int[] status, int options);

    static native int poll(Pointer fds, long count, int timeoutMillis);

    static native int pipe2(int[] fds, int flags);

    static native int eventfd(int initial, int flags);

    static native long read(int fd, byte[] buf, long count);

    static native long write(int fd, byte[] buf, long count);

    static native int close(int fd);

    static native int kill(int pid, int signal);

    static native String strerror(int errno);

    /**
     * A zeroed block of native memory, freed by {@link Block#close()}: malloc'd, not a JNA {@code Memory},
     * which would start JNA's cleaner thread for the life of apply.
     */
    static final class Block implements AutoCloseable {
        final Pointer p;
        final long size;

        Block(long size) {
            long addr = Native.malloc(size);
            if (addr == 0) {
                throw new OutOfMemoryError("malloc(" + size + ")");
            }
            this.p = new Pointer(addr);
            this.size = size;
            p.setMemory(0, size, (byte) 0);
        }

        /** A NULL-ended array of C strings (argv, envp), in JNA's string encoding. */
        static Block strings(String[] words) {
            byte[][] bytes = new byte[words.length][];
            long total = 8L * (words.length + 1);
            for (int i = 0; i < words.length; i++) {
                bytes[i] = Native.toByteArray(words[i]); // NUL-ended
                total += bytes[i].length;
            }
            Block b = new Block(total);
            long at = 8L * (words.length + 1);
            for (int i = 0; i < words.length; i++) {
                b.p.write(at, bytes[i], 0, bytes[i].length);
                b.p.setPointer(8L * i, b.p.share(at));
                at += bytes[i].length;
            }
            return b;
        }

        @Override
        public void close() {
            Native.free(Pointer.nativeValue(p));
        }
    }

    static final int ESRCH = 3;

    /**
     * True when no task at all is left in the process group {@code pgid} ({@code kill(-pgid, 0)} fails
     * with ESRCH); false when one may be (zombies count), or when the native calls are not available.
     */
    static boolean noSuchGroup(long pgid) {
        return pgid > 1 && pgid <= Integer.MAX_VALUE && AVAILABLE && kill((int) -pgid, 0) != 0 && errno() == ESRCH;
    }

    /** errno after the last call of this thread. */
    static int errno() {
        return Native.getLastError();
    }
}
