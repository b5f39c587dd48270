package procrust.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** examples/systemd/procrust.service: the settings the operations guide promises, and systemd accepts it. */
class SystemdUnitIT {

    static final Path UNIT = Procrust.root().resolve("examples/systemd/procrust.service");

    @TempDir
    Path tmp;

    List<String> settings() throws Exception {
        return Files.readAllLines(UNIT).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    @Test
    void itAppliesTheEtcFileAndNeverTakesTheServicesDownWithIt() throws Exception {
        List<String> s = settings();
        assertTrue(s.contains("ExecStart=/opt/procrust/bin/procrust -c /etc/procrust/procrust.toml apply"), s::toString);
        assertTrue(s.contains("KillMode=process"), s::toString);
        assertTrue(s.contains("Restart=on-failure"), s::toString);
        assertTrue(s.contains("TasksMax=infinity"), s::toString);
        for (String namespaced : List.of("PrivateTmp", "ProtectSystem", "ProtectHome", "PrivateDevices",
                "NoNewPrivileges", "MemoryDenyWriteExecute")) {
            assertTrue(s.stream().noneMatch(l -> l.startsWith(namespaced + "=")), namespaced + " would reach the services");
        }
    }

    @Test
    void systemdAcceptsEveryDirective() throws Exception {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        Assumptions.assumeTrue(Files.isExecutable(analyze), "systemd-analyze is not installed");
        // the same unit, pointing at this checkout's launcher so that verify can check ExecStart
        String unit = Files.readString(UNIT)
                .replace("/opt/procrust/bin/procrust", Procrust.launcher().toString())
                .replace("Documentation=man:procrust(1)", "");
        Path copy = Files.writeString(tmp.resolve("procrust.service"), unit);
        Procrust.Result r = Cmd.run(tmp, analyze.toString(), "verify", copy.toString());
        assertEquals(0, r.exit(), r::toString);
        assertEquals("", r.err().strip(), r::toString);
    }
}
