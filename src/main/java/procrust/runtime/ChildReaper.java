package procrust.runtime;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One thread that waits for the exit of every child spawned by {@link NativeSpawner}, where the JDK's
 * {@link Process} keeps a "process reaper" thread per child until it exits (issue 18: 100 services, 100
 * threads). Each child gets a pidfd (pidfd_open: close-on-exec, readable once the child has exited);
 * the thread polls all of them and an eventfd that announces a new child, then collects each exited
 * child with {@code waitpid(pid, WNOHANG)}: by its own pid, never {@code waitpid(-1)}, so the exits of
 * the children the JDK still spawns (hooks, health commands, getent) stay the JDK's to collect.
 *
 * <p>The exit future completes on this thread with the status as the JDK reports it: the exit code, or
 * 128+N for a signal N. Its dependents must be short (apply queues the exit and wakes its loop).
 */
final class ChildReaper {

    private record Child(int pid, int pidfd, CompletableFuture<Integer> exit) {
    }

    private static final ChildReaper INSTANCE = new ChildReaper();

    private final List<Child> pending = new ArrayList<>();
    private final byte[] one = {1, 0, 0, 0, 0, 0, 0, 0};
    private int wake = -1;
    private Thread thread;

    static ChildReaper get() {
        return INSTANCE;
    }

    /**
     * Watches a child just spawned (not yet collected by anyone, so its pid is still its own).
     *
     * @throws IOException when no pidfd can be had (descriptors exhausted): the caller ends the child
     */
    CompletableFuture<Integer> watch(int pid) throws IOException {
        int fd = (int) Libc.syscall(Libc.SYS_PIDFD_OPEN, pid, 0);
        if (fd < 0) {
            throw new IOException("cannot watch pid " + pid + ": pidfd_open: " + Libc.strerror(Libc.errno()));
        }
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        synchronized (this) {
            start();
            pending.add(new Child(pid, fd, exit));
        }
        Libc.write(wake, one, 8);
        return exit;
    }

    private void start() throws IOException {
        if (thread != null) {
            return;
        }
        wake = Libc.eventfd(0, Libc.O_CLOEXEC | Libc.O_NONBLOCK);
        if (wake < 0) {
            throw new IOException("cannot create the reaper's eventfd: " + Libc.strerror(Libc.errno()));
        }
        // a small stack: the loop is flat; 256 KiB leaves room for the completions it runs
        thread = new Thread(null, this::loop, "procrust-reaper", 256 * 1024);
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        List<Child> watched = new ArrayList<>();
        Libc.Block fds = new Libc.Block(8 * 64);
        byte[] drain = new byte[8];
        while (true) {
            synchronized (this) {
                watched.addAll(pending);
                pending.clear();
            }
            int n = watched.size() + 1;
            if (fds.size < 8L * n) {
                fds.close();
                fds = new Libc.Block(8L * Math.max(n, (int) (fds.size / 8) * 2));
            }
            fds.p.setInt(0, wake);
            fds.p.setShort(4, Libc.POLLIN);
            fds.p.setShort(6, (short) 0);
            for (int i = 0; i < watched.size(); i++) {
                fds.p.setInt(8L * (i + 1), watched.get(i).pidfd());
                fds.p.setShort(8L * (i + 1) + 4, Libc.POLLIN);
                fds.p.setShort(8L * (i + 1) + 6, (short) 0);
            }
            int ready = Libc.poll(fds.p, n, -1);
            if (ready < 0) {
                if (Libc.errno() != Libc.EINTR) {
                    pause();
                }
                continue;
            }
            if (fds.p.getShort(6) != 0) {
                Libc.read(wake, drain, 8);
            }
            List<Child> still = new ArrayList<>(watched.size());
            for (int i = 0; i < watched.size(); i++) {
                Child c = watched.get(i);
                if (fds.p.getShort(8L * (i + 1) + 6) == 0 || !collect(c)) {
                    still.add(c);
                }
            }
            watched = still;
        }
    }

    /** Collects an exited child and completes its future; false when it has not exited after all. */
    private static boolean collect(Child c) {
        int[] status = new int[1];
        int r;
        do {
            r = Libc.waitpid(c.pid(), status, Libc.WNOHANG);
        } while (r < 0 && Libc.errno() == Libc.EINTR);
        if (r == 0) {
            return false;
        }
        Libc.close(c.pidfd());
        // r < 0 (ECHILD): collected by someone else, which nothing in procrust does; reported as
        // killed, the conservative reading (a restart policy treats it as a failure)
        int code = r < 0 ? 128 + 9 : decode(status[0]);
        try {
            c.exit().complete(code);
        } catch (RuntimeException | Error e) {
            // a dependent's fault must not stop the waiting for the others
        }
        return true;
    }

    /** The JDK's reading of a wait status: the exit code, or 128+N when signal N ended it. */
    static int decode(int status) {
        int sig = status & 0x7f;
        return sig == 0 ? (status >> 8) & 0xff : 128 + sig;
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
