package procrust.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** SPEC §4: {@code -h, --help} and {@code -V, --version} are common options, so every command takes them. */
class HelpOptionsTest {

    /** Every name a command answers to (aliases included), with the name its usage shows. */
    private static Map<String, String> commands() {
        Map<String, String> out = new TreeMap<>();
        new CommandLine(new Main()).getSubcommands().forEach((name, cl) -> out.put(name, cl.getCommandName()));
        return out;
    }

    @Test
    void everyCommandPrintsItsHelpWithDashHAndDashDashHelp() {
        commands().forEach((name, shown) -> {
            for (String flag : List.of("-h", "--help")) {
                CliRun r = CliRun.of(name, flag);
                assertEquals(0, r.exit(), () -> name + " " + flag + ": " + r);
                assertTrue(r.out().contains("Usage: procrust " + shown), () -> name + " " + flag + ": " + r);
                assertEquals("", r.err(), () -> name + " " + flag + ": " + r);
            }
        });
    }

    @Test
    void helpAfterACommandsArgumentsStillPrintsHelp() {
        CliRun r = CliRun.of("logs", "web", "-n", "3", "--help");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("Usage: procrust logs"), r::toString);
    }
}
