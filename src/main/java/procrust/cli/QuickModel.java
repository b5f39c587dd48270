package procrust.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ScopeType;

/**
 * The command models of the commands run most often ({@code check}, {@code plan}, {@code status}), built
 * with picocli's programmatic API instead of read from their annotations: reading annotations parses
 * them and makes a proxy class per annotation type, about half of picocli's start-up
 * (docs/benchmarks.md#start-up). Only what parsing needs is here: names, parameter labels, types,
 * arity, converters, scope. The descriptions stay on the annotations, the one source of every help and
 * usage text: {@link Main#run} builds this model only for a command line that cannot print either, and
 * {@code OneCommandTest} checks that every command line gets the same answer as from the whole tree.
 */
final class QuickModel {

    private QuickModel() {
    }

    /** A command line with {@code root} and the command {@code name}, or null when it has no quick model. */
    static CommandLine of(String name, Root root) {
        FileCommand cmd;
        switch (name) {
            case "check" -> cmd = new CheckCommand();
            case "plan" -> cmd = new PlanCommand();
            case "status" -> cmd = new StatusCommand();
            default -> {
                return null;
            }
        }
        root.common = new CommonOptions();
        CommandSpec top = CommandSpec.wrapWithoutInspection(root).name("procrust");
        top.versionProvider(new Main.Version());
        CommonOptions c = root.common;
        top.addOption(option(new Bind(c, Bind.CONFIG), Path.class, "FILE", "-c", "--config"));
        top.addOption(option(new Bind(c, Bind.STATE_DIR), Path.class, "DIR", "--state-dir"));
        top.addOption(option(new Bind(c, Bind.LOG_DIR), Path.class, "DIR", "--log-dir"));
        top.addOption(option(new Bind(c, Bind.OUTPUT), String.class, "FORMAT", "--output"));
        top.addOption(option(new Bind(c, Bind.VERBOSE), boolean.class, null, "-v", "--verbose"));
        top.addOption(option(new Bind(c, Bind.NO_COLOR), boolean.class, null, "--no-color"));
        CommandSpec sub = CommandSpec.wrapWithoutInspection(cmd).name(name);
        sub.versionProvider(new Main.Version());
        if (cmd instanceof PlanCommand p) {
            sub.addOption(bound(OptionSpec.builder("--at"), new Bind(p, Bind.AT)).paramLabel("DATETIME")
                    .type(DateTimeArg.class).converters(new DateTimeArg.Converter()).build());
            sub.addOption(bound(OptionSpec.builder("--detailed-exitcode"), new Bind(p, Bind.DETAILED))
                    .type(boolean.class).build());
        } else if (cmd instanceof StatusCommand s) {
            sub.addOption(bound(OptionSpec.builder("--label"), new Bind(s, Bind.LABEL)).paramLabel("L")
                    .type(String.class).build());
            sub.addPositional(bound(PositionalParamSpec.builder(), new Bind(s, Bind.IDS)).paramLabel("ID")
                    .arity("0..*").type(List.class).auxiliaryTypes(String.class).build());
        }
        help(sub);
        top.addSubcommand(name, sub);
        help(top); // after the command, as Main#run adds them: the command's options keep their order
        cmd.main = root;
        cmd.spec = sub;
        return new CommandLine(top);
    }

    /** -h/--help and -V/--version, as picocli's mixinStandardHelpOptions declares them. */
    private static void help(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).type(boolean.class).build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).type(boolean.class).build());
    }

    private static OptionSpec option(Bind bind, Class<?> type, String label, String... names) {
        OptionSpec.Builder b = bound(OptionSpec.builder(names), bind).type(type).scopeType(ScopeType.INHERIT);
        if (label != null) {
            b.paramLabel(label);
        }
        return b.build();
    }

    /** {@code b} reading and writing the field of {@code bind}, whose value now is its initial one. */
    private static OptionSpec.Builder bound(OptionSpec.Builder b, Bind bind) {
        return b.setter(bind).getter(bind).initialValue(bind.get()).hasInitialValue(true);
    }

    private static PositionalParamSpec.Builder bound(PositionalParamSpec.Builder b, Bind bind) {
        return b.setter(bind).getter(bind).initialValue(bind.get()).hasInitialValue(true);
    }

    /** One field of a command or of the common options, read and written directly (no reflection). */
    private static final class Bind implements IGetter, ISetter {
        static final int CONFIG = 0;
        static final int STATE_DIR = 1;
        static final int LOG_DIR = 2;
        static final int OUTPUT = 3;
        static final int VERBOSE = 4;
        static final int NO_COLOR = 5;
        static final int AT = 6;
        static final int DETAILED = 7;
        static final int LABEL = 8;
        static final int IDS = 9;

        private final Object target;
        private final int field;

        Bind(Object target, int field) {
            this.target = target;
            this.field = field;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get() {
            return (T) switch (field) {
                case CONFIG -> ((CommonOptions) target).config;
                case STATE_DIR -> ((CommonOptions) target).stateDir;
                case LOG_DIR -> ((CommonOptions) target).logDir;
                case OUTPUT -> ((CommonOptions) target).output;
                case VERBOSE -> ((CommonOptions) target).verbose;
                case NO_COLOR -> ((CommonOptions) target).noColor;
                case AT -> ((PlanCommand) target).at;
                case DETAILED -> ((PlanCommand) target).detailedExitcode;
                case LABEL -> ((StatusCommand) target).group;
                case IDS -> ((StatusCommand) target).ids;
                default -> throw new IllegalStateException("field " + field);
            };
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T set(T value) {
            T old = get();
            switch (field) {
                case CONFIG -> ((CommonOptions) target).config = (Path) value;
                case STATE_DIR -> ((CommonOptions) target).stateDir = (Path) value;
                case LOG_DIR -> ((CommonOptions) target).logDir = (Path) value;
                case OUTPUT -> ((CommonOptions) target).output = (String) value;
                case VERBOSE -> ((CommonOptions) target).verbose = (Boolean) value;
                case NO_COLOR -> ((CommonOptions) target).noColor = (Boolean) value;
                case AT -> ((PlanCommand) target).at = (DateTimeArg) value;
                case DETAILED -> ((PlanCommand) target).detailedExitcode = (Boolean) value;
                case LABEL -> ((StatusCommand) target).group = (String) value;
                case IDS -> ((StatusCommand) target).ids = (List<String>) value;
                default -> throw new IllegalStateException("field " + field);
            }
            return old;
        }
    }
}
