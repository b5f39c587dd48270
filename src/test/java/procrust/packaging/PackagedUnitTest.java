package procrust.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Debian package's unit (src/deb/procrust.service) is examples/systemd/procrust.service with the
 * packaged launcher and a condition on the file: every other setting is the same, so a change to one
 * that is not made to the other fails here.
 */
class PackagedUnitTest {

    static List<String> settings(Path unit) throws Exception {
        return Files.readAllLines(unit).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    @Test
    void thePackagedUnitIsTheExampleForUsrBin() throws Exception {
        List<String> example = settings(Path.of("examples/systemd/procrust.service")).stream()
                .map(l -> l.replace("ExecStart=/opt/procrust/bin/procrust ", "ExecStart=/usr/bin/procrust "))
                .toList();
        List<String> packaged = settings(Path.of("src/deb/procrust.service")).stream()
                .filter(l -> !l.equals("ConditionFileNotEmpty=/etc/procrust/procrust.toml"))
                .toList();
        assertEquals(example, packaged);
    }
}
