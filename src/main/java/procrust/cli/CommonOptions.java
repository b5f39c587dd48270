package procrust.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Options every command accepts, before or after the command name (SPEC §4). Declared once on the
 * top command with {@link ScopeType#INHERIT}; commands reach them through their parent command
 * ({@link FileCommand#common()}).
 */
public final class CommonOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "The procrust file (default: $PROCRUST_CONFIG, else%n./procrust.toml).")
    Path config;

    @Option(names = "--state-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            // paths start their own lines: picocli may break a line after a dot, inside a path
            description = "Where state lives (default: $PROCRUST_STATE_DIR;%n/var/lib/procrust as root; else "
                    + "%n$XDG_STATE_HOME/procrust or%n~/.local/state/procrust).")
    Path stateDir;

    @Option(names = "--log-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Where process logs go (default: STATE_DIR/<uid>/logs).")
    Path logDir;

    @Option(names = "--output", paramLabel = "FORMAT", scope = ScopeType.INHERIT,
            description = "Output format: text (default) or json; check also takes github.")
    String output = "text";

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, description = "Say more; stack traces on errors.")
    boolean verbose;

    @Option(names = "--no-color", scope = ScopeType.INHERIT, description = "No colour (also when NO_COLOR is set).")
    boolean noColor;

    /** The config file to read: --config, else $PROCRUST_CONFIG, else ./procrust.toml. */
    public Path configFile() {
        if (config != null) {
            return config;
        }
        String env = System.getenv("PROCRUST_CONFIG");
        return Path.of(env != null && !env.isBlank() ? env : "procrust.toml");
    }

    /** The explicitly given --state-dir, or null (see procrust.state for the defaults). */
    public Path stateDirOption() {
        return stateDir;
    }

    public Path logDirOption() {
        return logDir;
    }

    public String output() {
        return output;
    }

    public boolean verbose() {
        return verbose;
    }

    /** Colour only when allowed: not --no-color, no NO_COLOR, and output is a terminal. */
    public boolean color() {
        String noColorEnv = System.getenv("NO_COLOR");
        return !noColor && (noColorEnv == null || noColorEnv.isEmpty()) && System.console() != null;
    }
}
