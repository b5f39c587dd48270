package procrust.cli;

import java.util.Set;

/**
 * What a command line asks for, read before picocli parses it, to start quickly: which subcommand it
 * names (so {@link Main#run} builds only that one) and whether that command reads the file (so the
 * validator's bootstrap starts at once, in the background, while picocli sets itself up). A guess
 * that fails costs time, never behaviour: anything unusual (an option before the command that is not
 * a common one, help or version asked for, the completion script, which needs every command) builds
 * the whole tree, and picocli parses every command line the same way either way.
 */
final class Commands {

    /** The common options that take a value, as picocli reads them before a command's name. */
    private static final Set<String> VALUED = Set.of("-c", "--config", "--state-dir", "--log-dir", "--output");

    /** The common options without a value. */
    private static final Set<String> FLAGS = Set.of("-v", "--verbose", "--no-color");

    /** Help and version: picocli prints them instead of running the command. */
    private static final Set<String> HELP = Set.of("-h", "--help", "-V", "--version");

    /** The commands that evaluate every rule of the file each time (the others trust what passed before). */
    private static final Set<String> IN_FULL = Set.of("check", "import");

    /** The commands that read and validate the file. */
    private static final Set<String> READ_FILE = Set.of("check", "plan", "graph", "timeline", "apply", "status",
            "stop", "start", "restart", "logs", "tui", "top", "import");

    private Commands() {
    }

    /** The command a command line names when only common options come before it, else null. */
    static String named(String... args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (VALUED.contains(a)) {
                i++;
            } else if (!FLAGS.contains(a) && !hasValue(a)) {
                return a.startsWith("-") || a.startsWith("@") ? null : a;
            }
        }
        return null;
    }

    private static boolean hasValue(String arg) {
        for (String v : VALUED) {
            if (v.startsWith("--") && arg.startsWith(v + "=")) {
                return true;
            }
        }
        return false;
    }

    /** A new instance of the command {@code name}, when it can be built alone; else null. */
    static Object alone(String name) {
        if (name == null) {
            return null;
        }
        return switch (name) {
            case "uid" -> new UidCommand();
            case "init" -> new InitCommand();
            case "check" -> new CheckCommand();
            case "plan" -> new PlanCommand();
            case "graph" -> new GraphCommand();
            case "timeline" -> new TimelineCommand();
            case "apply" -> new ApplyCommand();
            case "status" -> new StatusCommand();
            case "stop" -> new HoldCommand.Stop();
            case "start" -> new HoldCommand.Start();
            case "restart" -> new HoldCommand.Restart();
            case "logs" -> new LogsCommand();
            case "tui", "top" -> new TuiCommand();
            case "import" -> new ImportCommand();
            default -> null; // completion (the script needs every command), a typo (suggestions), help
        };
    }

    /**
     * True when the command line may ask for the usage: {@code --help}, or a short option or a cluster of
     * them with an {@code h} (picocli reads {@code -vh} as {@code -v -h}), or no command at all (the
     * usage follows the "Missing command." error). A few more than picocli would print it for.
     */
    static boolean mayPrintHelp(String... args) {
        if (named(args) == null) {
            return true;
        }
        for (String a : args) {
            if (a.equals("--help") || (a.startsWith("-") && !a.startsWith("--") && a.indexOf('h') > 0)) {
                return true;
            }
        }
        return false;
    }

    /** True for the commands that evaluate every rule each time: {@code check} and {@code import}. */
    static boolean validatesInFull(String name) {
        return IN_FULL.contains(name);
    }

    /**
     * The file the command line names, as {@link CommonOptions#configFile} will read it: the first
     * {@code -c}/{@code --config}, else {@code $PROCRUST_CONFIG}, else {@code ./procrust.toml}; null
     * when that is no path (picocli says so when it parses the arguments).
     */
    static java.nio.file.Path configFile(java.util.Map<String, String> env, String... args) {
        try {
            return givenFile(env, args);
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    private static java.nio.file.Path givenFile(java.util.Map<String, String> env, String... args) {
        for (int i = 0; i < args.length; i++) {
            if ((args[i].equals("-c") || args[i].equals("--config")) && i + 1 < args.length) {
                return java.nio.file.Path.of(args[i + 1]);
            }
            if (args[i].startsWith("--config=")) {
                return java.nio.file.Path.of(args[i].substring("--config=".length()));
            }
        }
        String e = env.get("PROCRUST_CONFIG");
        return java.nio.file.Path.of(e != null && !e.isBlank() ? e : "procrust.toml");
    }

    /** True when the command line runs a command that reads the file (help and version do not). */
    static boolean readsTheFile(String name, String... args) {
        if (name == null || !READ_FILE.contains(name)) {
            return false;
        }
        for (String a : args) { // a loop, not a stream: the first stream of a run costs milliseconds to set up
            if (HELP.contains(a)) {
                return false;
            }
        }
        return true;
    }
}
