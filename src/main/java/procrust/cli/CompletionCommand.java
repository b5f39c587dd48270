package procrust.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code procrust completion bash|zsh}: prints a completion script made by picocli from the command
 * model, so it always matches the commands and options of this procrust. One script serves both
 * shells (in zsh it loads bashcompinit itself).
 */
@Command(name = "completion",
        description = {"Print a shell completion script.",
                // a path is never cut at the end of a line: it starts its own (help is 80 columns wide
                // outside a terminal, and picocli may break a line after a dot)
                "bash: source <(procrust completion bash), or save it as%n/etc/bash_completion.d/procrust.",
                "zsh: source <(procrust completion zsh) in ~/.zshrc."})
final class CompletionCommand implements Callable<Integer> {

    /** The shells the script is for. */
    enum Shell { bash, zsh }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @Override
    public Integer call() {
        // from the command tree as the build makes the shipped script (picocli.AutoComplete on Main), not
        // from this run's, whose help hides the common options a command does not use (HelpScope): every
        // command accepts them all, and the script shipped in a release is the one this prints
        String script = AutoComplete.bash("procrust", new picocli.CommandLine(new Main()));
        if (shell == Shell.zsh) {
            script = "# procrust completion for zsh (through bashcompinit): source <(procrust completion zsh)\n"
                    + script;
        }
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
