package procrust.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Ids that are valid but look like paths or tricks (dots, spaces, a trailing dot, 64 characters) run
 * under apply with their log files inside the log folder under names that cannot collide; commands and
 * environment values with newlines run as written; nothing is written anywhere else.
 */
class HostileIdsIT {

    static final String LONG = "L" + "o".repeat(62) + "g";

    @Test
    void oddButValidIdsKeepTheirFilesInTheirFolders() throws Exception {
        try (Host h = new Host()) {
            StringBuilder body = new StringBuilder();
            for (String id : List.of("example_process 2", "a..b", "x.", "9", LONG, "dots.and-dash_")) {
                body.append("[[process]]\nid = \"").append(id).append("\"\n")
                        .append("command = \"\"\"\necho \"$PROCRUST_ID|$WEIRD\"\nexec sleep 1000\n\"\"\"\n")
                        .append("apply_on = \"2024-10-01T12:00:00\"\n")
                        .append("env = { WEIRD = \"line1\\nline2 ../../etc\" }\n\n");
            }
            h.write(body.toString());
            Set<String> before = tree(h.dir);
            Procrust.Result r = h.run("apply", "--once");
            assertEquals(0, r.exit(), r::toString);
            Path logs = h.uidDir().resolve("logs");
            Set<String> names;
            try (Stream<Path> s = Files.list(logs)) {
                names = s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
            }
            assertEquals(new TreeSet<>(List.of("example_process%202.log", "a..b.log", "x..log", "9.log", LONG + ".log",
                    "dots.and-dash_.log")), names);
            // the service's own lines, after procrust's start marker (issue 19: "procrust: ... started pid N")
            String own = Files.readString(logs.resolve("a..b.log")).replaceAll("(?m)^procrust: .*\n", "");
            assertTrue(own.startsWith("a..b|line1\nline2 ../../etc\n"), Files.readString(logs.resolve("a..b.log")));
            JsonNode st = h.status();
            assertEquals(6, st.path("processes").size(), st::toString);
            for (JsonNode p : st.path("processes")) {
                assertEquals("RUNNING", p.path("state").asText(), p::toString);
            }
            Set<String> added = tree(h.dir);
            added.removeAll(before);
            added.removeIf(p -> p.equals("state") || p.startsWith("state/"));
            assertEquals(Set.of(), added, "written outside the state folder");
        }
    }

    private static Set<String> tree(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p).toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
