package procrust.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each command's help shows the common options it uses; paths are never cut at a line's end (issue 19). */
class HelpScopeTest {

    private static String help(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void uidShowsNoFileOrStateOptions() {
        String h = help("uid", "-h");
        for (String o : List.of("--state-dir", "--log-dir", "--config", "--output")) {
            assertFalse(h.contains(o), o + " in:\n" + h);
        }
        assertTrue(h.contains("--verbose"), h);
    }

    @Test
    void eachCommandShowsWhatItUses() {
        assertTrue(help("status", "-h").contains("--state-dir"));
        assertTrue(help("status", "-h").contains("--output"));
        assertFalse(help("status", "-h").contains("--log-dir"));
        assertTrue(help("apply", "-h").contains("--log-dir"));
        assertFalse(help("apply", "-h").contains("--output"));
        assertTrue(help("check", "-h").contains("--config"));
        assertFalse(help("check", "-h").contains("--state-dir"));
        assertFalse(help("init", "-h").contains("--state-dir"));
    }

    @Test
    void hiddenOptionsAreStillAccepted() {
        // SPEC §4: the common options work before or after any command name
        String a = help("uid", "--state-dir", "/nonexistent", "--output", "json");
        String b = help("--log-dir", "/nonexistent", "uid");
        assertTrue(a.strip().matches("[0-9a-f-]{36}"), a);
        assertTrue(b.strip().matches("[0-9a-f-]{36}"), b);
    }

    @Test
    void pathsStayWhole() {
        StringBuilder all = new StringBuilder(help("-h"));
        for (String c : List.of("uid", "init", "check", "plan", "graph", "timeline", "apply", "status", "stop",
                "start", "restart", "logs", "completion", "tui", "import")) {
            all.append(help(c, "-h"));
        }
        String h = all.toString();
        for (String path : List.of("/etc/bash_completion.d/procrust", "~/.local/state/procrust", "./procrust.toml",
                "$XDG_STATE_HOME/procrust", "/var/lib/procrust")) {
            assertTrue(h.contains(path), path + " cut in the help:\n" + h);
        }
    }
}
