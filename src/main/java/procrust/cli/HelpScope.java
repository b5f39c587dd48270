package procrust.cli;

import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Which of the common options each command's help shows (issue 19: {@code uid -h} listed
 * {@code --state-dir}). Every command still accepts every common option before or after its name
 * (SPEC §4: one command line works whatever the command), but its help and synopsis show only those
 * it uses; the others stay accepted and hidden. {@code -v}, {@code --no-color}, {@code -h} and
 * {@code -V} mean something to every command and are always shown.
 */
final class HelpScope {

    private static final String CONFIG = "--config";
    private static final String STATE = "--state-dir";
    private static final String LOGS = "--log-dir";
    private static final String OUTPUT = "--output";

    /** The common options a command uses, by command name; a command not named here shows them all. */
    private static final Map<String, Set<String>> USED = Map.ofEntries(
            Map.entry("uid", Set.of()),
            Map.entry("completion", Set.of()),
            Map.entry("import", Set.of()),
            Map.entry("init", Set.of(CONFIG)),
            Map.entry("check", Set.of(CONFIG, OUTPUT)),
            Map.entry("plan", Set.of(CONFIG, STATE, OUTPUT)),
            Map.entry("graph", Set.of(CONFIG, STATE, OUTPUT)),
            Map.entry("timeline", Set.of(CONFIG, OUTPUT)),
            Map.entry("apply", Set.of(CONFIG, STATE, LOGS)),
            Map.entry("status", Set.of(CONFIG, STATE, OUTPUT)),
            Map.entry("stop", Set.of(CONFIG, STATE, LOGS)),
            Map.entry("start", Set.of(CONFIG, STATE, LOGS)),
            Map.entry("restart", Set.of(CONFIG, STATE, LOGS)),
            Map.entry("logs", Set.of(CONFIG, STATE, LOGS)),
            Map.entry("tui", Set.of(CONFIG, STATE, LOGS)));

    private static final List<String> SCOPED = List.of(CONFIG, STATE, LOGS, OUTPUT);

    private HelpScope() {
    }

    /** Hides, in each subcommand of {@code top}, the common options it does not use. */
    static void apply(CommandLine top) {
        for (CommandLine sub : top.getSubcommands().values()) {
            CommandSpec spec = sub.getCommandSpec();
            Set<String> used = USED.get(spec.name());
            if (used == null) {
                continue;
            }
            for (String name : SCOPED) {
                OptionSpec o = spec.findOption(name);
                if (o != null && !used.contains(name) && !o.hidden()) {
                    spec.remove(o);
                    spec.addOption(OptionSpec.builder(o).hidden(true).build());
                }
            }
        }
    }
}
