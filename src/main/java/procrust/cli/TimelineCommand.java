package procrust.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import procrust.config.Config;
import procrust.pictures.TimelineGantt;
import procrust.pictures.TimelineJson;
import procrust.pictures.TimelineText;
import procrust.plan.Timeline;

/**
 * {@code procrust timeline [--from T] [--days N] [--format text|mermaid|json]}: when each process is
 * wanted over the next N days (active version and window; holds and dependencies aside), from the
 * planner's own version and window rules. Reads only the file.
 */
@Command(name = "timeline", description = {"Show when each process will run over the next days: windows opening "
        + "and closing, versions switching (holds and dependencies aside).",
        "Exit status: 0; 1 invalid file."})
final class TimelineCommand extends PictureCommand {

    static final int MAX_DAYS = 366;

    @Option(names = "--from", paramLabel = "DATETIME", converter = DateTimeArg.Converter.class,
            description = "Start here instead of now: ISO-8601, local (read in the file's timezone), with an offset, "
                    + "or a date (its midnight).")
    DateTimeArg from;

    @Option(names = "--days", paramLabel = "N", defaultValue = "7",
            description = "How many days to show (local calendar days, 1-" + MAX_DAYS + "; default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "text (a bar per day; default), mermaid (a gantt chart) or json.")
    String format;

    @Override
    public Integer call() throws IOException {
        String f = format(format, "text", "text", "mermaid", "json");
        if (days < 1 || days > MAX_DAYS) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '--days': " + days + " (give 1 to " + MAX_DAYS + ")");
        }
        Config config = config(f.equals("json"));
        if (config == null) {
            return 1;
        }
        Instant start = from == null ? Instant.now().truncatedTo(ChronoUnit.SECONDS) : from.toInstant(config.zone());
        Instant end = start.atZone(config.zone()).plusDays(days).toInstant();
        Timeline.Result t = Timeline.of(config, start, end);
        PrintWriter out = out();
        switch (f) {
            case "json":
                out.print(TimelineJson.render(t));
                break;
            case "mermaid":
                out.print(TimelineGantt.render(t));
                break;
            default:
                out.print(TimelineText.render(t));
        }
        out.flush();
        return 0;
    }
}
