package procrust.runtime;

import java.util.concurrent.CompletableFuture;

/**
 * A process procrust just started. It leads its own session and process group, so
 * {@code pid == pgid}.
 *
 * @param startTicks its start time (field 22 of /proc stat), or -1 when it exited before it was read
 * @param exit       completes with the exit status (128+N for a signal N) when the leader exits
 */
public record Spawned(long pid, long startTicks, CompletableFuture<Integer> exit) {
}
