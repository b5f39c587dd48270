package procrust.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The long-running apply stays small: through starts, a request (stop, start) and its own exit it
 * loads no jackson-databind class (the state and request files use a jackson-core streaming codec;
 * databind is for the short-lived JSON views). Read from the JVM's own class-loading log.
 */
class ApplyFootprintIT {

    @Test
    void applyLoadsNoDatabindClass() throws Exception {
        try (Host h = new Host()) {
            h.write("""
                    [[process]]
                    id = "a"
                    command = "exec sleep 300"
                    apply_on = "2024-10-01T12:00:00"

                    [[process]]
                    id = "b"
                    command = "exec sleep 300"
                    apply_on = "2024-10-01T12:00:00"
                    """);
            Path classes = h.dir.resolve("classes.log");
            Host.Apply apply = h.apply(Map.of("PROCRUST_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes));
            HoldIT.allRunning(h, "a", "b");
            Procrust.Result stop = h.run("stop", "b");
            assertEquals(0, stop.exit(), stop::toString);
            Procrust.Result start = h.run("start", "b");
            assertEquals(0, start.exit(), start::toString);
            HoldIT.allRunning(h, "a", "b");
            apply.process().destroy();
            assertTrue(apply.process().waitFor(30, TimeUnit.SECONDS), "apply ends on SIGTERM");

            String log = Files.readString(classes);
            assertTrue(log.contains("procrust.state.StateJson ") && log.contains("procrust.state.Requests "),
                    "the log covers the state and request codecs");
            List<String> databind = log.lines().filter(l -> l.contains("com.fasterxml.jackson.databind")).toList();
            assertEquals(List.of(), databind, apply.log());
        }
    }
}
