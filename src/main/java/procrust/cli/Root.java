package procrust.cli;

import java.io.PrintStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The {@code procrust} command itself: its attributes and common options, without its subcommands.
 * {@link Main} adds them all (help, completion, man pages); {@link Main#run} builds this alone with only
 * the one subcommand a command line names when nothing else is asked for, which saves picocli reading
 * the annotations of the other commands at every start (docs/benchmarks.md#start-up).
 */
@Command(name = "procrust", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        scope = CommandLine.ScopeType.INHERIT, // -h/--help and -V/--version on every command (SPEC §4)
        sortOptions = false, // usage as wide as the terminal: set by Main#run when help is asked for
        description = "A small, secure, declarative process scheduler for one host.")
class Root implements Runnable {

    @Mixin
    CommonOptions common;

    /** The standard output of this invocation as bytes (for output passed through unchanged, like logs). */
    PrintStream rawOut = System.out;

    PrintStream rawOut() {
        return rawOut;
    }

    @Override
    public void run() {
        // no command given: print usage, exit 2 like any usage error
        throw new CommandLine.ParameterException(new CommandLine(this), "Missing command.");
    }
}
