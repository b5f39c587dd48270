package procrust.runtime;

import java.io.File;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * {@link Signaller} through kill(2) of {@code -PGID} ({@link Libc}); where that is not available, through
 * {@code kill -s SIG -- -PGID} (Java alone signals single pids only): the {@code kill} of procps run
 * directly, without a shell, its own output to /dev/null.
 */
public final class KillSignaller implements Signaller {

    private static final File DEV_NULL = new File("/dev/null");
    private final String kill;

    public KillSignaller() {
        this(new File("/usr/bin/kill").canExecute() ? "/usr/bin/kill" : "/bin/kill");
    }

    KillSignaller(String kill) {
        this.kill = kill;
    }

    @Override
    public void signalGroup(long pgid, Signal signal) {
        if (pgid <= 1) {
            throw new IllegalArgumentException("refusing to signal process group " + pgid);
        }
        if (Libc.AVAILABLE) {
            // kill(2) itself: no process spawned per signal (ESRCH, no such group any more, is the goal)
            Libc.kill((int) -pgid, signal.number());
            return;
        }
        ProcessBuilder pb = new ProcessBuilder(kill, "-s", signal.name(), "--", "-" + pgid)
                .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL))
                .redirectOutput(ProcessBuilder.Redirect.to(DEV_NULL))
                .redirectError(ProcessBuilder.Redirect.to(DEV_NULL));
        try {
            Process p = pb.start();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            // exit 1 = no such group any more: the goal is reached either way
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot run " + kill + " to signal group " + pgid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
