package procrust.runtime;

import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Spawns through glibc's posix_spawn, as the JDK itself does, but without a {@link Process} and so
 * without its reaper thread: the child's exit comes from the one {@link ChildReaper}. The child gets
 * what the JDK path gave it: a new session and process group (POSIX_SPAWN_SETSID, where the JDK path
 * ran {@code setsid(1)}), stdin from /dev/null or the gate's pipe, stdout and stderr appended to the
 * log file, no other descriptor of procrust (closefrom 3, as the JDK's child closes them), the working
 * directory, procrust's environment plus the request's; and more than the JDK gave it: no blocked
 * signal and every signal at its default disposition.
 */
final class NativeSpawner {

    /** A spawned child: its pid, its exit, and the write end of its gate's pipe (-1 when ungated). */
    record Child(int pid, CompletableFuture<Integer> exit, int gateFd) {
    }

    private static final String SH = "/bin/sh";

    private NativeSpawner() {
    }

    static Child spawn(List<String> argv, Path dir, Map<String, String> extraEnv, Path log, boolean gated)
            throws IOException {
        int[] gate = {-1, -1};
        if (gated && Libc.pipe2(gate, Libc.O_CLOEXEC) != 0) {
            throw new IOException("cannot create the start gate's pipe: " + Libc.strerror(Libc.errno()));
        }
        int pid;
        try (Libc.Block actions = new Libc.Block(Libc.ACTIONS_SIZE);
             Libc.Block attr = new Libc.Block(Libc.ATTR_SIZE);
             Libc.Block noSignals = new Libc.Block(Libc.SIGSET_SIZE);
             Libc.Block allSignals = new Libc.Block(Libc.SIGSET_SIZE);
             Libc.Block args = Libc.Block.strings(argv.toArray(new String[0]));
             Libc.Block envp = Libc.Block.strings(environment(extraEnv))) {
            pid = spawn(actions.p, attr.p, noSignals.p, allSignals.p, args.p, envp.p, dir, log, gated ? gate[0] : -1);
        } catch (IOException e) {
            if (gated) {
                Libc.close(gate[1]);
            }
            throw e;
        } finally {
            if (gated) {
                Libc.close(gate[0]);
            }
        }
        CompletableFuture<Integer> exit;
        try {
            exit = ChildReaper.get().watch(pid);
        } catch (IOException e) {
            Libc.kill(-pid, 9);
            Libc.kill(pid, 9);
            if (gated) {
                Libc.close(gate[1]);
            }
            throw e;
        }
        return new Child(pid, exit, gate[1]);
    }

    private static int spawn(Pointer actions, Pointer attr, Pointer noSignals, Pointer allSignals, Pointer argv,
                             Pointer envp, Path dir, Path log, int gateIn) throws IOException {
        Libc.posix_spawn_file_actions_init(actions);
        Libc.posix_spawnattr_init(attr);
        try {
            check(Libc.posix_spawn_file_actions_addopen(actions, 1, log.toAbsolutePath().toString(),
                    Libc.O_WRONLY | Libc.O_APPEND | Libc.O_CREAT | Libc.O_NOCTTY, 0600), "log file");
            check(Libc.posix_spawn_file_actions_adddup2(actions, 1, 2), "stderr");
            if (gateIn >= 0) {
                check(Libc.posix_spawn_file_actions_adddup2(actions, gateIn, 0), "gate");
            } else {
                check(Libc.posix_spawn_file_actions_addopen(actions, 0, "/dev/null", Libc.O_RDONLY | Libc.O_NOCTTY, 0),
                        "stdin");
            }
            check(Libc.posix_spawn_file_actions_addclosefrom_np(actions, 3), "closefrom");
            if (dir != null) {
                check(Libc.posix_spawn_file_actions_addchdir_np(actions, dir.toAbsolutePath().toString()), "chdir");
            }
            Libc.sigemptyset(noSignals);
            Libc.sigfillset(allSignals);
            check(Libc.posix_spawnattr_setsigmask(attr, noSignals), "signal mask");
            check(Libc.posix_spawnattr_setsigdefault(attr, allSignals), "signal dispositions");
            check(Libc.posix_spawnattr_setflags(attr, (short) (Libc.POSIX_SPAWN_SETSID | Libc.POSIX_SPAWN_SETSIGMASK
                    | Libc.POSIX_SPAWN_SETSIGDEF)), "flags");
            int[] out = new int[1];
            int err = Libc.posix_spawn(out, SH, actions, attr, argv, envp);
            if (err != 0) {
                throw new IOException(Libc.strerror(err) + (err == 2 || err == 13 ? " (" + SH + ", the log file "
                        + log + " or the working directory)" : ""));
            }
            return out[0];
        } finally {
            Libc.posix_spawn_file_actions_destroy(actions);
            Libc.posix_spawnattr_destroy(attr);
        }
    }

    /** procrust's environment with {@code extra} laid over it, as {@code KEY=VALUE} words. */
    private static String[] environment(Map<String, String> extra) {
        Map<String, String> env = new TreeMap<>(System.getenv());
        env.putAll(extra);
        List<String> words = new ArrayList<>(env.size());
        env.forEach((k, v) -> words.add(k + "=" + v));
        return words.toArray(new String[0]);
    }

    private static void check(int err, String what) throws IOException {
        if (err != 0) {
            throw new IOException("cannot prepare the spawn (" + what + "): " + Libc.strerror(err));
        }
    }

    /** The gate of a natively spawned child: its pipe's write end, written to or closed exactly once. */
    static final class PipeGate implements Spawned.Gate {
        private final AtomicInteger fd;

        PipeGate(int fd) {
            this.fd = new AtomicInteger(fd);
        }

        @Override
        public void open() {
            int f = fd.getAndSet(-1);
            if (f >= 0) {
                Libc.write(f, new byte[] {'\n'}, 1); // EPIPE when it is gone already: its exit is reported
                Libc.close(f);
            }
        }

        @Override
        public void close() {
            int f = fd.getAndSet(-1);
            if (f >= 0) {
                Libc.close(f);
            }
        }
    }
}
