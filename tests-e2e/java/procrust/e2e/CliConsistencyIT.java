package procrust.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static procrust.e2e.Host.await;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One behaviour for every command (issue 19): usage errors, --output, several ids for logs. */
class CliConsistencyIT {

    private static final String FILE = """
            [[process]]
            id = "web"
            command = "i=0; while :; do i=$((i+1)); echo web-$i; sleep 0.2; done"
            apply_on = "2024-10-01T12:00:00"

            [[process]]
            id = "worker"
            command = "i=0; while :; do i=$((i+1)); echo worker-$i; sleep 0.2; done"
            apply_on = "2024-10-01T12:00:00"
            """;

    @Test
    void usageErrorsExit2AndSayWhatIsWrong() throws Exception {
        try (Host h = new Host()) {
            h.write(FILE);
            Procrust.Result unknown = h.run("statsu");
            assertEquals(2, unknown.exit(), unknown::toString);
            assertTrue(unknown.err().contains("unknown command 'statsu'"), unknown::toString);
            assertTrue(unknown.err().contains("Did you mean: procrust status"), unknown::toString);

            Procrust.Result extra = h.run("uid", "more");
            assertEquals(2, extra.exit(), extra::toString);
            assertTrue(extra.err().contains("unexpected argument for `procrust uid`: 'more'"), extra::toString);
            assertFalse(extra.err().contains("index"), extra::toString);

            for (String cmd : List.of("stop", "start", "restart")) {
                Procrust.Result none = h.run(cmd);
                assertEquals(2, none.exit(), none::toString);
                assertTrue(none.err().contains("Missing process id"), none::toString);
            }
            for (String[] c : List.of(new String[] {"status", "text or json"}, new String[] {"plan", "text or json"},
                    new String[] {"logs", "text"}, new String[] {"stop", "text"})) {
                List<String> args = c[0].equals("logs") || c[0].equals("stop")
                        ? List.of(c[0], "web", "--output", "github") : List.of(c[0], "--output", "github");
                Procrust.Result r = h.run(args.toArray(new String[0]));
                assertEquals(2, r.exit(), r::toString);
                assertTrue(r.err().contains("--output github is not supported by `procrust " + c[0] + "`: it takes "
                        + c[1]), r::toString);
            }
        }
    }

    @Test
    void logsOfSeveralIdsArePrefixedAndFollowedTogether() throws Exception {
        try (Host h = new Host()) {
            h.write(FILE);
            h.apply();
            HoldIT.allRunning(h, "web", "worker");
            await(Duration.ofSeconds(20), "both have written", Host.io(() -> Files.readString(h.log("worker"))
                    .contains("worker-3") && Files.readString(h.log("web")).contains("web-3")));

            Procrust.Result last = h.run("logs", "web", "worker", "-n", "2");
            assertEquals(0, last.exit(), last::toString);
            List<String> lines = last.out().lines().toList();
            assertEquals(4, lines.size(), last::toString);
            assertTrue(lines.get(0).startsWith("web | web-") && lines.get(2).startsWith("worker | worker-"),
                    last::toString);

            // -f: both followed at once, each line whole and prefixed
            Path out = h.dir.resolve("follow.out");
            List<String> cmd = List.of(Procrust.launcher().toString(), "logs", "web", "worker", "-f", "-n", "0",
                    "-c", h.config.toString(), "--state-dir", h.stateDir.toString());
            Process f = new ProcessBuilder(cmd).directory(h.dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try {
                await(Duration.ofSeconds(30), "lines of both followed", Host.io(() -> {
                    String s = Files.readString(out, StandardCharsets.UTF_8);
                    return s.split("\nweb \\| web-", -1).length > 3 && s.split("\nworker \\| worker-", -1).length > 3;
                }));
            } finally {
                f.destroy();
                f.waitFor();
            }
            for (String l : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                assertTrue(l.matches("web \\| web-\\d+") || l.matches("worker \\| worker-\\d+"), l);
            }
            Procrust.Result unknown = h.run("logs", "web", "nope");
            assertEquals(1, unknown.exit(), unknown::toString);
        }
    }
}
