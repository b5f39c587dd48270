package procrust.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code procrust [OPTIONS] COMMAND [ARGS]}. {@link #run} returns the exit status; only {@link #main}
 * calls {@link System#exit}. Exceptions that escape a command are bugs or I/O failures: one line on
 * stderr (the stack trace only with --verbose), exit 1. Usage errors exit 2. The command's attributes
 * and common options are {@link Root}'s; this class adds every subcommand.
 */
@Command(subcommands = {
        UidCommand.class,
        InitCommand.class,
        CheckCommand.class,
        PlanCommand.class,
        GraphCommand.class,
        TimelineCommand.class,
        ApplyCommand.class,
        StatusCommand.class,
        HoldCommand.Stop.class,
        HoldCommand.Start.class,
        HoldCommand.Restart.class,
        LogsCommand.class,
        CompletionCommand.class,
        TuiCommand.class,
        ImportCommand.class,
})
public final class Main extends Root {

    public static void main(String[] args) {
        nameProcess();
        System.exit(run(System.out, System.err, args));
    }

    /** Runs procrust with these streams and arguments and returns the exit status. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        return run(true, out, err, args);
    }

    /** {@link #run} with the whole command tree, whatever the arguments (the tests compare both). */
    static int runWithEveryCommand(PrintStream out, PrintStream err, String... args) {
        return run(false, out, err, args);
    }

    /**
     * @param quick build only the subcommand the arguments name, under a bare {@link Root}, when they
     *              name one that can be built alone (see {@link Commands})
     */
    private static int run(boolean quick, PrintStream out, PrintStream err, String... args) {
        String name = Commands.named(args);
        boolean readsTheFile = Commands.readsTheFile(name, args);
        if (readsTheFile) {
            if ("tui".equals(name) || "top".equals(name)) {
                TuiCommand.setUpEarly();
            }
            procrust.config.read.ConfigReader.warmUp();
            // the validator's bootstrap is the largest start-up cost after picocli's: on another core
            // meanwhile, unless the file's text is known to pass it (procrust.validate.Validated)
            if (Commands.validatesInFull(name)) {
                procrust.validate.ConfigChecker.warmUp();
            } else {
                procrust.validate.ConfigChecker.warmUpUnlessKnown(Commands.configFile(System.getenv(), args));
            }
        }
        // check, plan and status without help: a model built without reading annotations (QuickModel)
        Root root = new Root();
        CommandLine quickModel = quick && readsTheFile && !Commands.mayPrintHelp(args) ? QuickModel.of(name, root) : null;
        // else from the annotations: the named command alone (on a bare root), or the whole tree
        Object alone = quick && quickModel == null ? Commands.alone(name) : null;
        Root main = quickModel != null || alone != null ? root : new Main();
        CommandLine cl = quickModel != null ? quickModel : new CommandLine(main);
        if (alone != null) {
            // added as the annotations add them: the common options first, then -h and -V, so that its
            // usage lists its options in the same order as in the whole tree
            cl.getCommandSpec().mixinStandardHelpOptions(false);
            cl.addSubcommand(alone);
            cl.getCommandSpec().mixinStandardHelpOptions(true);
        }
        HelpScope.apply(cl);
        if (Commands.mayPrintHelp(args)) {
            // the usage is as wide as the terminal; picocli runs `stty -a` to learn its width as soon as
            // this is set, so it is set only when the usage may be printed, not at every start in a terminal
            cl.setUsageHelpAutoWidth(true);
        }
        main.rawOut = out;
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = commandLine.getErr();
            String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            e.println("procrust: error: " + msg);
            if (main.common.verbose()) {
                ex.printStackTrace(e);
            } else {
                e.println("procrust: run again with --verbose for details");
            }
            e.flush();
            return 1;
        });
        cl.setParameterExceptionHandler((ex, args1) -> {
            CommandLine c = ex.getCommandLine();
            PrintWriter e = c.getErr();
            e.println("procrust: " + usageMessage(ex));
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, e);
            e.println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            e.flush();
            return 2;
        });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli hands Exceptions to the handler above; an Error would escape as a stack trace
            PrintWriter w = cl.getErr();
            w.println("procrust: error: out of memory (" + e.getMessage() + "): the file may be too large for "
                    + "the default heap; give more with PROCRUST_JAVA_OPTS=-Xmx1g (or split the file)");
            w.flush();
            return 1;
        } catch (StackOverflowError e) {
            PrintWriter w = cl.getErr();
            w.println("procrust: error: stack overflow (input nested too deeply?): run again with --verbose and "
                    + "report it");
            if (main.common != null && main.common.verbose()) {
                e.printStackTrace(w);
            }
            w.flush();
            return 1;
        } finally {
            TuiCommand.closeUnused(); // a terminal set up early for a tui that did not run (a usage error)
        }
    }

    /**
     * ps, top and pgrep show a process by its comm (/proc/PID/comm, the executable's name: java):
     * naming it procrust lets an operator find apply among the services (the launcher also gives it
     * procrust as argv[0]). Writing /proc/self/comm renames the main thread of the process, which is
     * what they show. Best effort: nothing depends on it.
     */
    static void nameProcess() {
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("/proc/self/comm"), "procrust");
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux, or /proc read-only: the name stays java
        }
    }

    /**
     * picocli's message, except for arguments nobody takes: "Unmatched argument at index 3" counts the
     * global options before it, which is no help. An unknown command is named as such (the closest
     * ones follow, from picocli's suggestions); other extra arguments are quoted, without an index.
     */
    static String usageMessage(CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            boolean top = u.getCommandLine().getParent() == null;
            if (top && !first.startsWith("-")) {
                return "unknown command '" + first + "'";
            }
            if (first.startsWith("-")) {
                return "unknown option '" + first + "'" + (u.getUnmatched().size() > 1 ? " (and "
                        + (u.getUnmatched().size() - 1) + " more argument(s))" : "");
            }
            return "unexpected argument" + (u.getUnmatched().size() > 1 ? "s" : "") + " for `"
                    + u.getCommandLine().getCommandSpec().qualifiedName() + "`: '"
                    + String.join("' '", u.getUnmatched()) + "'";
        }
        return ex.getMessage();
    }

    /** Reads the version from the jar manifest (Implementation-Version). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"procrust " + (v == null ? "dev" : v)};
        }
    }
}
