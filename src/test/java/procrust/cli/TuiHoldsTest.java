package procrust.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import procrust.reconcile.Holds;
import procrust.tui.HoldActions;

/**
 * The TUI's s and S run {@code procrust stop} and {@code procrust start} themselves: here with no
 * apply running, so the command's own code acts under the lock. Nothing is spawned: the process is
 * not running when held, and its version lies in the future when released.
 */
class TuiHoldsTest {

    @TempDir
    Path dir;
    private final String uid = UUID.randomUUID().toString();
    private CommonOptions common;
    private TuiHolds holds;

    @BeforeEach
    void setUp() throws Exception {
        Path cfg = dir.resolve("procrust.toml");
        Files.writeString(cfg, "uid = \"" + uid + "\"\nfile_format = \"0\"\n\n[[process]]\nid = \"later\"\n"
                + "command = \"sleep 60\"\napply_on = \"2999-01-01T00:00:00\"\n");
        common = new CommonOptions();
        common.config = cfg;
        common.stateDir = dir.resolve("state");
        holds = new TuiHolds(common, LinuxHost.create());
    }

    private List<String> heldIds() throws Exception {
        JsonNode s = new ObjectMapper().readTree(dir.resolve("state").resolve(uid).resolve("state.json").toFile());
        return new ObjectMapper().convertValue(s.path("holds"), new com.fasterxml.jackson.core.type.TypeReference<>() { });
    }

    @Test
    void holdThenReleaseGoThroughTheCommands() throws Exception {
        CompletableFuture<HoldActions.Outcome> stop = new CompletableFuture<>();
        holds.hold("later", stop::complete);
        HoldActions.Outcome o = stop.get(60, TimeUnit.SECONDS);
        assertTrue(o.ok(), o.message());
        assertTrue(o.message().startsWith("later: "), o.message());
        assertEquals(List.of("later"), heldIds());

        CompletableFuture<HoldActions.Outcome> start = new CompletableFuture<>();
        holds.release("later", start::complete);
        HoldActions.Outcome r = start.get(60, TimeUnit.SECONDS);
        assertTrue(r.ok(), r.message());
        assertEquals(List.of(), heldIds());
    }

    @Test
    void anUnknownIdIsRefusedAsByTheCommand() {
        HoldActions.Outcome o = holds.run(Holds.Op.STOP, "nope");
        assertFalse(o.ok());
        assertTrue(o.message().contains("nope"), o.message());
        assertFalse(o.message().startsWith("procrust: "), o.message());
        assertFalse(Files.exists(dir.resolve("state")), "nothing was written: " + o.message());
    }

    @Test
    void anInvalidFileChangesNothing() throws Exception {
        Files.writeString(common.configFile(), "uid = \"" + uid + "\"\nfile_format = \"0\"\n[[process]]\nid = \"x\"\n");
        HoldActions.Outcome o = holds.run(Holds.Op.STOP, "x");
        assertFalse(o.ok());
        // with an invalid file only a running apply could act (by its last valid file): none runs, nothing is done
        assertTrue(o.message().contains("is invalid: nothing was done"), o.message());
        assertFalse(Files.exists(dir.resolve("state")), "nothing was written: " + o.message());
    }
}
