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

    /**
     * Starts the process (its pid, session and identity exist) but runs nothing of the command until
     * {@link Spawned#gate()} is opened; if procrust dies before, the process ends without running it. A
     * start is recorded in the state file in between, so no crash can leave a service nobody tracks.
     * The default, for launchers without gates, runs the command at once.
     */
    default Spawned spawnGated(SpawnRequest request) throws IOException {
        return spawn(request);
    }
}
