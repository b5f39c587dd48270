package procrust.runtime;

import java.io.IOException;

/** Starts processes in their own session and process group. */
public interface Launcher {

    /**
     * Starts the command.
     *
     * @throws IOException when it cannot start (missing working directory, log file not writable...):
     *                     the message says why in words an operator understands
     */
    Spawned spawn(SpawnRequest request) throws IOException;
}
