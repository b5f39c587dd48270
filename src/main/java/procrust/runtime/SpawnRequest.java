package procrust.runtime;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What to run: {@code /bin/sh -c command} in {@code workingDir} (null: procrust's own), with the
 * environment of procrust plus {@code env}, stdout and stderr appended to {@code logFile}, as the
 * user, group, umask and limits of {@code setup}.
 */
public record SpawnRequest(String command, Path workingDir, Map<String, String> env, Path logFile,
                           ProcessSetup setup) {

    public SpawnRequest {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(logFile, "logFile");
        env = env == null ? Map.of() : Map.copyOf(env);
        setup = setup == null ? ProcessSetup.INHERIT : setup;
    }

    /** A command run as procrust's own user, umask and limits. */
    public SpawnRequest(String command, Path workingDir, Map<String, String> env, Path logFile) {
        this(command, workingDir, env, logFile, ProcessSetup.INHERIT);
    }
}
