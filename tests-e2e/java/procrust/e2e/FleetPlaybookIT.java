package procrust.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/ansible/procrust.yml run for real by Debian's ansible against this machine
 * ({@code -i localhost, -c local}), as root: a first run installs the package, writes
 * /etc/procrust/procrust.toml (root, 0644), reports the plan as changed and enables the unit (with no
 * systemd as PID 1 here, by {@code systemctl enable}, which works offline: the test sees the
 * multi-user.target.wants link; starting the unit is not possible here and not tested); a --check
 * run with a new file reports the plan as changed and writes nothing; a run with an invalid file
 * fails the play and leaves the old file. Everything is removed after (the package purged).
 */
class FleetPlaybookIT {

    static final Path PLAYBOOK = Procrust.root().resolve("examples/ansible/procrust.yml");
    static final Path CONFIG = Path.of("/etc/procrust/procrust.toml");
    static final Path WANTS = Path.of("/etc/systemd/system/multi-user.target.wants/procrust.service");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    final String uid = UUID.randomUUID().toString();

    String file(String... ids) {
        StringBuilder b = new StringBuilder("uid = \"" + uid + "\"\nfile_format = \"0\"\n");
        for (String id : ids) {
            b.append("\n[[process]]\nid = \"").append(id).append("\"\ncommand = \"sleep 600\"\napply_on = \"2024-01-01T00:00:00\"\n");
        }
        return b.toString();
    }

    /** ansible-playbook with the JSON callback; returns its exit status and the parsed run. */
    record Run(int exit, JsonNode json, String raw) {
        /** The result on localhost of the task of this name. */
        JsonNode task(String name) {
            for (JsonNode play : json.path("plays")) {
                for (JsonNode t : play.path("tasks")) {
                    if (t.path("task").path("name").asText().equals(name)) {
                        return t.path("hosts").path("localhost");
                    }
                }
            }
            throw new AssertionError("no task \"" + name + "\" in\n" + raw);
        }
    }

    Run play(Path hostFile, boolean check) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ansible-playbook", PLAYBOOK.toString(), "-i", "localhost,", "-c", "local",
                "-e", "procrust_hosts=localhost", "-e", "ansible_python_interpreter=/usr/bin/python3",
                "-e", "procrust_deb=" + DebPackageIT.deb(), "-e", "procrust_file=" + hostFile));
        if (check) {
            cmd.add("--check");
        }
        Procrust.Result r = Cmd.run(tmp, Map.of("PATH", "/usr/sbin:/usr/bin:/sbin:/bin", "ANSIBLE_STDOUT_CALLBACK", "json",
                "ANSIBLE_NOCOLOR", "1", "ANSIBLE_LOCAL_TEMP", tmp.resolve("ansible-tmp").toString(),
                "ANSIBLE_RETRY_FILES_ENABLED", "0"), false, Duration.ofSeconds(300), cmd);
        int brace = r.out().indexOf('{');
        assertTrue(brace >= 0, r::toString);
        return new Run(r.exit(), JSON.readTree(r.out().substring(brace)), r.toString());
    }

    @Test
    void thePlaybookInstallsChecksPlansAndEnables() throws Exception {
        DebPackageIT.requireRootInCi();
        boolean ansible = Files.isExecutable(Path.of("/usr/bin/ansible-playbook"));
        if (System.getenv("CI") != null) {
            assertTrue(ansible, "ansible-playbook: .ci/run installs ansible");
        }
        Assumptions.assumeTrue(ansible, "ansible is not installed (Debian: apt-get install ansible)");
        try (FileLock lock = DebPackageIT.machineLock()) {
            Assumptions.assumeFalse(Files.exists(CONFIG), CONFIG + " exists on this machine: not touching it");
            Assumptions.assumeFalse(Files.exists(Path.of("/usr/bin/procrust")), "procrust is installed here by someone else");
            try {
                Path v1 = Files.writeString(tmp.resolve("v1.toml"), file("web"));
                Run first = play(v1, false);
                assertEquals(0, first.exit(), first.raw());
                assertTrue(first.task("procrust is installed").path("changed").asBoolean(), first.raw());
                JsonNode plan = first.task("What apply will change (changed = plan has actions; exit 2)");
                assertEquals(2, plan.path("rc").asInt(), first.raw());
                assertTrue(plan.path("changed").asBoolean(), "a plan with actions is changed: " + first.raw());
                assertEquals(file("web"), Files.readString(CONFIG));
                assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(CONFIG)));
                assertEquals("root", Files.getOwner(CONFIG).getName());
                assertTrue(Files.isSymbolicLink(WANTS), "the unit is enabled: " + first.raw());

                Path v2 = Files.writeString(tmp.resolve("v2.toml"), file("web", "worker"));
                Run check = play(v2, true);
                assertEquals(0, check.exit(), check.raw());
                JsonNode checkPlan = check.task("What apply will change (changed = plan has actions; exit 2)");
                assertTrue(checkPlan.path("changed").asBoolean(), "--check reports the plan: " + check.raw());
                assertTrue(checkPlan.path("stdout").asText().contains("worker"), check.raw());
                assertEquals(file("web"), Files.readString(CONFIG), "--check writes nothing");

                Path bad = Files.writeString(tmp.resolve("bad.toml"), file("web").replace("sleep 600", "") + "bogus_key = 1\n");
                Run invalid = play(bad, false);
                assertNotEquals(0, invalid.exit(), invalid.raw());
                assertTrue(invalid.task("procrust check accepts the file").path("failed").asBoolean(), invalid.raw());
                assertEquals(file("web"), Files.readString(CONFIG), "an invalid file never replaces the old one");
            } finally {
                Cmd.run(tmp, "systemctl", "disable", "procrust.service");
                Files.deleteIfExists(CONFIG);
                Procrust.Result purge = DebPackageIT.run(tmp, "dpkg", "-P", "procrust");
                Files.deleteIfExists(Path.of("/var/cache/procrust.deb"));
                assertEquals(0, purge.exit(), purge::toString);
            }
            assertFalse(Files.exists(WANTS, java.nio.file.LinkOption.NOFOLLOW_LINKS));
            assertFalse(Files.exists(Path.of("/usr/bin/procrust"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        }
    }
}
