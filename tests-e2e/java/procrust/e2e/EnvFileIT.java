package procrust.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static procrust.e2e.Host.await;
import static procrust.e2e.Host.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * env_file through bin/procrust: the values reach the service (env overriding them), a missing file is
 * a failed start naming it, a rotated file is read at the next start only, and no value ever appears
 * in what procrust prints or records (plan, status, check, their JSON, the event log, the state file).
 */
class EnvFileIT {

    private static final Duration LONG = Duration.ofSeconds(60);

    private static List<String> environ(long pid) throws IOException {
        return List.of(new String(Files.readAllBytes(Path.of("/proc/" + pid + "/environ")), StandardCharsets.UTF_8)
                .split("\0"));
    }

    /** Everything procrust prints or records for this host; none of it may hold a value of an env file. */
    private static List<String> outputs(Host h, String... more) throws Exception {
        List<String> out = new ArrayList<>(List.of(more));
        for (List<String> args : List.of(List.of("plan"), List.of("plan", "--output", "json"), List.of("status"),
                List.of("status", "--output", "json"), List.of("check"), List.of("check", "--output", "json"))) {
            Procrust.Result r = h.run(args.toArray(new String[0]));
            out.add(r.out());
            out.add(r.err());
        }
        out.add(Files.readString(h.uidDir().resolve("state.json")));
        if (Files.exists(h.uidDir().resolve("state.journal"))) {
            out.add(Files.readString(h.uidDir().resolve("state.journal")));
        }
        return out;
    }

    private static void assertNoSecret(List<String> outputs) {
        for (String o : outputs) {
            assertFalse(o.contains("s3cr3t"), "a value of an env file was printed or recorded:\n" + o);
        }
    }

    @Test
    void valuesReachTheServiceAreNeverPrintedAndARotationWaitsForTheNextStart() throws Exception {
        try (Host h = new Host()) {
            Path secrets = h.dir.resolve("secrets.env");
            Files.writeString(secrets, "# the database\nSECRET=s3cr3t-one\nOTHER=\"s3cr3t-overridden\"\n");
            Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));
            h.write("""
                    [[process]]
                    id = "app"
                    command = 'echo "other=$OTHER"; exec sleep 300'
                    apply_on = "2024-10-01T12:00:00"
                    env_file = "secrets.env"
                    env = { OTHER = "from-env" }
                    [process.restart]
                    delay = "0"

                    [[process]]
                    id = "broken"
                    command = "exec sleep 300"
                    apply_on = "2024-10-01T12:00:00"
                    env_file = ["secrets.env", "missing.env"]
                    [process.restart]
                    max_attempts = 1
                    """);
            Procrust.Result once = h.run("apply", "--once");
            assertEquals(1, once.exit(), "a start failed:\n" + once);
            long pid = h.pidOf("app");
            List<String> env = environ(pid);
            assertTrue(env.contains("SECRET=s3cr3t-one"), env::toString);
            assertTrue(env.contains("OTHER=from-env"), "env overrides the env file: " + env);
            assertTrue(Files.readString(h.log("app")).contains("other=from-env"));
            assertTrue(h.processesOf("broken").isEmpty(), "nothing of broken ran");
            JsonNode status = h.status();
            JsonNode broken = null;
            for (JsonNode p : status.path("processes")) {
                if (p.path("id").asText().equals("broken")) {
                    broken = p;
                }
            }
            assertTrue(broken != null && broken.path("note").asText().contains(h.dir.resolve("missing.env")
                    + " does not exist"), status::toString);
            assertNoSecret(outputs(h, once.out(), once.err()));

            // rotate the secret: the running instance keeps what it started with, the next start reads it
            Files.writeString(secrets, "SECRET=s3cr3t-two\n");
            Procrust.Result plan = h.run("plan", "--output", "json");
            assertFalse(plan.out().contains("\"id\":\"app\",\"version\":\"2024-10-01T12:00:00\",\"reason\":\"changed"),
                    "the file list did not change, so the plan keeps app: " + plan);
            Host.Apply apply = h.apply();
            await(LONG, "apply adopts app", () -> apply.log().contains("adopt"));
            assertTrue(environ(pid).contains("SECRET=s3cr3t-one"), "no restart for a rotated file");
            new ProcessBuilder("kill", "-KILL", "--", "-" + pid).start().waitFor();
            await(LONG, "app started again with a new pid", io(() -> h.pidOf("app") != pid
                    && "RUNNING".equals(h.stateOf("app"))));
            long again = h.pidOf("app");
            assertTrue(environ(again).contains("SECRET=s3cr3t-two"), () -> {
                try {
                    return environ(again).toString();
                } catch (IOException e) {
                    return e.toString();
                }
            });
            assertNoSecret(outputs(h, apply.log()));
        }
    }
}
