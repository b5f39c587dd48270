package procrust.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@link Main#run} builds only the subcommand a command line names (a quicker start): whatever it is
 * asked, it answers exactly as with the whole command tree.
 */
class OneCommandTest {

    @TempDir
    Path dir;

    private static String both(boolean every, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int exit = every ? Main.runWithEveryCommand(o, e, args) : Main.run(o, e, args);
        // uid prints a new random one each time
        return ("exit=" + exit + "\n--- out ---\n" + out.toString(StandardCharsets.UTF_8) + "--- err ---\n"
                + err.toString(StandardCharsets.UTF_8)).replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "UUID");
    }

    private static void same(String... args) {
        assertEquals(both(true, args), both(false, args), () -> String.join(" ", args));
    }

    /** {@link #same}, the instant of each run (plan and status print when they looked) masked. */
    private static void sameButNow(String... args) {
        String now = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z";
        assertEquals(both(true, args).replaceAll(now, "NOW"), both(false, args).replaceAll(now, "NOW"),
                () -> String.join(" ", args));
    }

    @Test
    void everyCommandAnswersAsInTheWholeTree() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.toml"), "uid = \"x\"\n[[process]]\nid = \"a b\"\n");
        Path none = dir.resolve("missing.toml");
        List<String> names = new ArrayList<>(new CommandLine(new Main()).getSubcommands().keySet());
        assertTrue(names.size() >= 14, names::toString);
        for (String name : names) {
            same(name, "--help");
            same(name, "-h");
            same(name, "--version");
            same(name, "--no-such-option");
            if (name.equals("init")) {
                continue; // it writes the file: its refusals are below
            }
            same("-c", bad.toString(), name, "--output", "yaml");
            same("--no-color", "-c", none.toString(), name, "--state-dir", dir.resolve("state").toString(), "x", "y");
            same("--config=" + bad, "--state-dir=" + dir.resolve("state"), name);
        }
        same("init", "-c", bad.toString());
        same("init", "--no-such-option");
        same("check", "-c", bad.toString());
        same("check", "-c", bad.toString(), "--output", "json");
        same("-c", bad.toString(), "plan", "--at", "yesterday");
        same("chek");
        same();
        same("--help");
        same("-v");
    }

    /** check, plan and status parse with QuickModel's models: every option, form and usage error. */
    @Test
    void theQuickModelsAnswerAsTheAnnotations() throws Exception {
        Path good = Files.writeString(dir.resolve("good.toml"), "uid = \"8c6f9a4e-1b2d-4c3e-9f5a-7d8e9f0a1b2c\"\n"
                + "file_format = \"0\"\n[[process]]\nid = \"a\"\ncommand = \"true\"\napply_on = \"2024-01-01T00:00:00\"\n"
                + "label = \"web\"\n");
        String state = dir.resolve("state").toString();
        for (String name : List.of("check", "plan", "status")) {
            sameButNow("-c", good.toString(), name, "--state-dir", state);
            sameButNow(name, "-c", good.toString(), "-c", good.toString());
            sameButNow(name, "--config=" + good, "--output=json", "--state-dir=" + state);
            sameButNow(name, "-c", good.toString(), "--output");
            sameButNow(name, "-c", good.toString(), "--log-dir", state, "-v", "--no-color", "--state-dir", state);
            sameButNow(name, "-c", good.toString(), "-vV");
            sameButNow(name, "-c", good.toString(), "--stat-dir", state);
            sameButNow(name, "-c", good.toString(), "--state-dir", state, "--", "x");
        }
        sameButNow("plan", "-c", good.toString(), "--state-dir", state, "--at", "2024-06-03T09:00:00", "--detailed-exitcode");
        sameButNow("plan", "-c", good.toString(), "--state-dir", state, "--at");
        sameButNow("plan", "-c", good.toString(), "--state-dir", state, "--at", "2024-06-03", "--at", "2024-06-04");
        sameButNow("plan", "-c", good.toString(), "--state-dir", state, "--detailed-exitcode=maybe");
        sameButNow("status", "-c", good.toString(), "--state-dir", state, "a", "b", "--label", "web");
        sameButNow("status", "-c", good.toString(), "--state-dir", state, "--label", "web", "a");
        sameButNow("status", "-c", good.toString(), "--state-dir", state, "--label");
        sameButNow("status", "-c", good.toString(), "--state-dir", state, "--output", "json", "a");
    }

    @Test
    void theCommandIsTheFirstWordAfterTheCommonOptions() {
        assertEquals("check", Commands.named("check", "-c", "f"));
        assertEquals("status", Commands.named("-c", "check", "status"));
        assertEquals("plan", Commands.named("--config=f", "--state-dir", "s", "-v", "--no-color", "plan"));
        assertEquals("tui", Commands.named("--output", "json", "tui"));
        assertNull(Commands.named("--help", "check"));
        assertNull(Commands.named("-vc", "f", "check"));
        assertNull(Commands.named("@args"));
        assertNull(Commands.named("-c"));
        assertNull(Commands.named());
        assertNotNull(Commands.alone("top"));
        assertNull(Commands.alone("completion"), "the completion script needs every command");
        assertNull(Commands.alone("chek"), "suggestions need every command");
        assertTrue(Commands.readsTheFile("status", "status"));
        assertTrue(!Commands.readsTheFile("check", "check", "--help"));
        assertTrue(!Commands.readsTheFile("uid", "uid"));
    }
}
