package procrust.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * procrust run as nobody (through setpriv, as an unprivileged operator would run it): an entry whose
 * user is nobody's own runs; one that asks for root is refused with a clear note, FAILED at once and
 * not tried again by the next apply; plan says so beforehand.
 */
class NotRootIT {

    /** bin/procrust ARGS as nobody, with the host's file and state dir. */
    private static Procrust.Result asNobody(Host h, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--",
                Procrust.launcher().toString()));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("-c", h.config.toString(), "--state-dir", h.stateDir.toString()));
        Path out = Files.createTempFile("procrust-out", ".txt");
        Path err = Files.createTempFile("procrust-err", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(h.dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().put("HOME", h.stateDir.toString());
            Process p = pb.start();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "procrust as nobody did not finish");
            return new Procrust.Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void anApplyThatIsNotRootRefusesAnotherUserOnceAndRunsItsOwn() throws Exception {
        RunAsIT.assumeRoot();
        try (Host h = new Host()) {
            Files.setPosixFilePermissions(h.dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.createDirectories(h.stateDir);
            new ProcessBuilder("chown", "65534:65534", h.stateDir.toString()).start().waitFor();
            h.write("""
                    [[process]]
                    id = "mine"
                    command = "exec sleep 300"
                    apply_on = "2024-10-01T12:00:00"
                    user = "nobody"

                    [[process]]
                    id = "rooty"
                    command = "touch /tmp/procrust-should-never-run; exec sleep 300"
                    apply_on = "2024-10-01T12:00:00"
                    user = "root"
                    """);
            Files.setPosixFilePermissions(h.config, PosixFilePermissions.fromString("rw-r--r--"));
            Procrust.Result plan = asNobody(h, "plan");
            assertEquals(0, plan.exit(), plan::toString);
            assertTrue(plan.out().matches("(?s).*rooty.*refused.*not root.*"), plan::toString);

            Procrust.Result first = asNobody(h, "apply", "--once");
            assertEquals(1, first.exit(), first::toString);
            assertTrue(first.err().contains("refused"), first::toString);
            long mine = h.pidOf("mine");
            assertTrue(Host.alive(mine), first::toString);
            assertEquals("65534", RunAsIT.statusField(mine, "Uid").split("\t")[0]);
            assertTrue(h.processesOf("rooty").isEmpty(), "nothing of rooty ran");
            JsonNode rooty = h.record("rooty");
            assertEquals("FAILED", rooty.path("state").asText(), rooty::toString);
            assertTrue(rooty.path("note").asText().contains("not root"), rooty::toString);

            Procrust.Result second = asNobody(h, "apply", "--once");
            assertFalse(second.err().contains("started rooty@") || second.err().contains("failed rooty@"),
                    "FAILED holds until the file changes: no retry\n" + second);
            assertTrue(second.err().contains("waiting rooty@"), second::toString);
            assertEquals("FAILED", h.stateOf("rooty"));
            assertEquals(rooty.path("restarts").asInt(), h.record("rooty").path("restarts").asInt());
            assertTrue(h.processesOf("rooty").isEmpty());
            Procrust.Result status = asNobody(h, "status");
            assertTrue(status.out().matches("(?s).*rooty.*FAILED.*refused.*"), status::toString);
        }
    }
}
