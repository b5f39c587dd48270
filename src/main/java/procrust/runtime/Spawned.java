package procrust.runtime;

import java.util.concurrent.CompletableFuture;

/**
 * A process procrust just started. It leads its own session and process group, so
 * {@code pid == pgid}.
 *
 * @param startTicks its start time (field 22 of /proc stat), or -1 when it exited before it was read
 * @param exit       completes with the exit status (128+N for a signal N) when the leader exits
 * @param gate       for a {@link Launcher#spawnGated gated} spawn: opening it lets the command run
 */
public record Spawned(long pid, long startTicks, CompletableFuture<Integer> exit, Gate gate) {

    /** An ungated process: its command runs at once. */
    public Spawned(long pid, long startTicks, CompletableFuture<Integer> exit) {
        this(pid, startTicks, exit, Gate.OPEN);
    }

    /** What holds a gated process before its command. */
    public interface Gate {
        /** Nothing to open: the command already runs. */
        Gate OPEN = new Gate() {
            @Override
            public void open() {
            }

            @Override
            public void close() {
            }
        };

        /** Lets the command run (its stdin becomes /dev/null). */
        void open();

        /** Ends the process without running its command (what procrust's death does too). */
        void close();
    }
}
