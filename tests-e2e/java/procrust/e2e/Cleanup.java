package procrust.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Ends what a test started, by pid and process group only: the services procrust spawned for a
 * test's uid are found by the {@code PROCRUST_UID} in their environment (they lead their own process
 * groups), so nothing else on the machine is touched.
 */
final class Cleanup {

    private Cleanup() {
    }

    /** SIGKILL to the process group {@code pgid} (nothing when it is gone; never the test's own group). */
    static void killGroup(long pgid) throws IOException, InterruptedException {
        if (pgid <= 1 || pgid == pgidOf(ProcessHandle.current().pid())) {
            return;
        }
        Process p = new ProcessBuilder("kill", "-KILL", "--", "-" + pgid).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor(10, TimeUnit.SECONDS);
    }

    /** The pids whose environment holds {@code PROCRUST_UID=uid}. */
    static List<Long> pidsOfUid(String uid) throws IOException {
        byte[] needle = ("PROCRUST_UID=" + uid).getBytes(StandardCharsets.UTF_8);
        List<Long> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path d : ds) {
                try {
                    byte[] env = Files.readAllBytes(d.resolve("environ"));
                    if (contains(env, needle)) {
                        out.add(Long.parseLong(d.getFileName().toString()));
                    }
                } catch (IOException | NumberFormatException e) {
                    // gone, or not ours to read
                }
            }
        }
        return out;
    }

    /** Kills the process group of every process that carries this uid, until none is left. */
    static void killServicesOf(String uid) throws IOException, InterruptedException {
        for (int round = 0; round < 20; round++) {
            List<Long> pids = pidsOfUid(uid);
            if (pids.isEmpty()) {
                return;
            }
            for (long pid : pids) {
                killGroup(pgidOf(pid));
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
            Thread.sleep(100);
        }
    }

    /** Ends a child process: SIGTERM, then SIGKILL after {@code graceMillis}. */
    static void stop(Process p, long graceMillis) throws InterruptedException {
        if (p == null) {
            return;
        }
        p.destroy();
        if (!p.waitFor(graceMillis, TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static long pgidOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[2]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            if (i > 0 && hay[i - 1] != 0) {
                continue; // only at the start of a variable
            }
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            if (i + needle.length == hay.length || hay[i + needle.length] == 0) {
                return true;
            }
        }
        return false;
    }
}
