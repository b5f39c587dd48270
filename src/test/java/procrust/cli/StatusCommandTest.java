package procrust.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code procrust status} in-process through {@link Main#run}: what a monitoring script reads. */
class StatusCommandTest {

    @TempDir
    Path dir;

    @Test
    void anInvalidFileWithOutputJsonStillPrintsOneJsonDocumentOnStdout() throws Exception {
        // SPEC §4: --output json prints one JSON document on stdout; a script piping status to a JSON
        // parser must learn why it failed, as it does from plan --output json
        Path f = Files.writeString(dir.resolve("p.toml"), "uid = \"x\"\nfile_format = \"0\"\n");
        CliRun r = CliRun.of("status", "-c", f.toString(), "--state-dir", dir.resolve("state").toString(),
                "--output", "json");
        assertEquals(1, r.exit(), r::toString);
        JsonNode doc = new ObjectMapper().readTree(r.out());
        // SPEC §6: the status document, with "file_valid": false and the diagnostics beside the processes
        assertEquals(false, doc.path("file_valid").asBoolean(true), r::toString);
        assertEquals("invalid-value", doc.path("diagnostics").get(0).path("code").asText(), r::toString);
        assertEquals("uid", doc.path("diagnostics").get(0).path("field").asText(), r::toString);
        assertTrue(doc.path("processes").isArray() && doc.path("processes").isEmpty(), r::toString);
        assertTrue(r.err().contains("no uid can be found"), r::toString);
    }
}
