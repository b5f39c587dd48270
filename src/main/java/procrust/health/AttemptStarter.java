package procrust.health;

import java.time.Instant;
import java.util.function.Supplier;
import procrust.config.Probe;
import procrust.logs.LogLineWatch;
import procrust.runtime.SpawnRequest;

/** Starts one attempt of a probe ({@link Attempts} on a real host; scripted in unit tests). */
public interface AttemptStarter {

    /**
     * Starts one attempt of {@code probe}, over by {@code deadline} at the latest.
     *
     * @param command the spawn of a command probe (its environment, working dir, user and log), asked only for one
     * @param watch   the log watch of a log_line probe, else null
     * @param wake    called (from any thread) when an attempt that ends by itself is over
     */
    Attempt start(Probe probe, Instant now, Instant deadline, Supplier<SpawnRequest> command, LogLineWatch watch,
                  Runnable wake);
}
