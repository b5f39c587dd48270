package procrust.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code procrust plan} in-process through {@link Main#run}: options, exit statuses, streams. */
class PlanCommandTest {

    private static final String HEAD = "uid = \"550e8400-e29b-41d4-a716-446655440000\"\nfile_format = \"0\"\n"
            + "timezone = \"Europe/Madrid\"\n";

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run run(String toml, String... args) throws Exception {
        Path f = dir.resolve("p.toml");
        Files.writeString(f, HEAD + toml);
        String[] all = new String[args.length + 5];
        all[0] = "plan";
        all[1] = "-c";
        all[2] = f.toString();
        all[3] = "--state-dir";
        all[4] = dir.resolve("state").toString();
        System.arraycopy(args, 0, all, 5, args.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), all);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static final String WEB = "[[process]]\nid = \"web\"\ncommand = \"sleep 100\"\napply_on = \"2024-10-01T12:00:00\"\n";

    @Test
    void detailedExitcodeSaysWhetherThereAreChanges() throws Exception {
        Run changes = run(WEB, "--at", "2024-10-07T09:00:00", "--detailed-exitcode");
        assertEquals(2, changes.exit(), changes.toString());
        assertTrue(changes.out().contains("+ start   web"), changes.out());

        Run none = run(WEB, "--at", "2024-09-01T00:00:00", "--detailed-exitcode");
        assertEquals(0, none.exit(), none.toString());
        assertTrue(none.out().contains("No changes"), none.out());
        assertTrue(none.out().contains("not active until 2024-10-01T12:00:00+02:00"), none.out());

        Run plain = run(WEB, "--at", "2024-10-07T09:00:00");
        assertEquals(0, plain.exit(), plain.toString());
    }

    @Test
    void atWithAnOffsetAndLocalAtAreTheSameInstant() throws Exception {
        Run local = run(WEB, "--at", "2024-10-07T09:00:00", "--output", "json");
        Run offset = run(WEB, "--at", "2024-10-07T07:00:00Z", "--output", "json");
        assertEquals(local.out(), offset.out());
        assertTrue(local.out().startsWith("{\"at\":\"2024-10-07T09:00:00+02:00\""), local.out());
    }

    @Test
    void outputGithubIsAUsageErrorForPlan() throws Exception {
        Run r = run(WEB, "--output", "github");
        assertEquals(2, r.exit(), r.toString());
        // the wording every command uses (issue 19)
        assertTrue(r.err().contains("--output github is not supported by `procrust plan`: it takes text or json"),
                r.err());
    }

    @Test
    void invalidFileInJsonPrintsTheCheckDocument() throws Exception {
        Run r = run("[[process]]\nid = \"web\"\n", "--output", "json");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().startsWith("{\"valid\":false"), r.out());
        assertTrue(r.out().contains("\"code\":\"missing-field\""), r.out());
    }

    @Test
    void planWithoutAtUsesNowAndNeverCreatesTheStateDirectory() throws Exception {
        Run r = run(WEB);
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("Plan for "), r.out());
        assertFalse(Files.exists(dir.resolve("state")));
    }
}
