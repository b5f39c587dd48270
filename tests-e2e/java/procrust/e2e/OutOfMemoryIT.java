package procrust.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file too large for the heap (found with a 53 MB file of 600,000 processes under the launcher's
 * default heap) ends with one line that says what to do, never a Java stack trace. Reproduced here with
 * a small heap and a small file.
 */
class OutOfMemoryIT {

    @TempDir
    Path tmp;

    @Test
    void runningOutOfMemoryIsOneLineThatSaysWhatToDo() throws Exception {
        StringBuilder sb = new StringBuilder("uid = \"550e8400-e29b-41d4-a716-446655440000\"\nfile_format = \"0\"\n");
        for (int i = 0; i < 60_000; i++) {
            sb.append("[[process]]\nid = \"s").append(i).append("\"\ncommand = \"exec sleep 1000\"\n")
                    .append("apply_on = \"2024-10-01T12:00:00\"\n\n");
        }
        Path f = Files.writeString(tmp.resolve("procrust.toml"), sb);
        Procrust.Result r = Procrust.run(tmp, Map.of("PROCRUST_JAVA_OPTS", "-Xmx16m"), Duration.ofSeconds(120),
                "check", "-c", f.toString());
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().contains("procrust: error: out of memory"), r::toString);
        assertTrue(r.err().contains("PROCRUST_JAVA_OPTS=-Xmx"), r::toString);
        assertTrue(r.err().lines().noneMatch(l -> l.startsWith("\tat ") || l.startsWith("Exception in thread")), r::toString);
    }
}
