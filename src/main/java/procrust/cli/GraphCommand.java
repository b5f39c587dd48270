package procrust.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import procrust.config.Config;
import procrust.runtime.Host;
import procrust.pictures.GraphDot;
import procrust.pictures.GraphViews;
import procrust.plan.ActiveGraph;

/**
 * {@code procrust graph [--at T] [--format mermaid|dot|json]}: the dependency graph of the versions
 * active at T, each node with the recorded state of its instance when there is one. Read-only.
 */
@Command(name = "graph", description = {"Show the dependency graph of the versions active now (or at --at), with "
        + "each process's state when one is recorded.",
        "Arrows go from a dependency to what depends on it. Exit status: 0; 1 invalid file."})
final class GraphCommand extends PictureCommand {

    @Option(names = "--at", paramLabel = "DATETIME", converter = DateTimeArg.Converter.class,
            description = "The instant whose active versions to draw: ISO-8601, local (read in the file's timezone) "
                    + "or with an offset. Default: now.")
    DateTimeArg at;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "mermaid (a flowchart; default), dot (Graphviz) or json.")
    String format;

    @Override
    public Integer call() throws IOException {
        String f = format(format, "mermaid", "mermaid", "dot", "json");
        Config config = config(f.equals("json"));
        if (config == null) {
            return 1;
        }
        Host host = LinuxHost.create();
        Instant instant = at == null ? host.clock().instant().truncatedTo(ChronoUnit.SECONDS)
                : at.toInstant(config.zone());
        ActiveGraph graph = ActiveGraph.of(config, PlanCommand.observed(config, common(), host), instant);
        PrintWriter out = out();
        switch (f) {
            case "dot":
                out.print(GraphDot.render(graph, config.zone()));
                break;
            case "json":
                out.print(GraphViews.json(graph, config.zone()));
                break;
            default:
                out.print(GraphViews.mermaid(graph, config.zone()));
        }
        out.flush();
        return 0;
    }
}
