package procrust.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code procrust import} on real files: the supervisord.conf Debian's supervisor package installs,
 * what {@code echo_supervisord_conf} prints (as is, and with every example section switched on), and
 * the project's realistic supervisord, Procfile and process-compose fixtures, each imported through
 * bin/procrust, checked, and (where the commands exist) applied for real with {@code apply --once}.
 * CI installs supervisor (.ci/run), so there a missing one is a failure, not a skip.
 */
class ImportIT {

    static final Path FIXTURES = Procrust.root().resolve("src/test/resources/procrust/migrate");
    static final Pattern UID = Pattern.compile("(?m)^uid = \"([0-9a-f-]{36})\"$");

    @TempDir
    Path tmp;

    static Procrust.Result importing(Path dir, Map<String, String> env, String format, Path file) throws Exception {
        return Procrust.run(dir, env, Duration.ofSeconds(60), "import", format, file.toString());
    }

    /** The output is a procrust file with a #:schema line, a fresh uid and one comment per warning, that passes check. */
    Procrust.Result importsAndChecks(String format, Path file, Map<String, String> env) throws Exception {
        Procrust.Result r = importing(tmp, env, format, file);
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().startsWith("#:schema "), r::toString);
        assertTrue(UID.matcher(r.out()).find(), r::toString);
        long comments = r.out().lines().filter(l -> l.startsWith("# procrust import: ")).count();
        long warnings = r.err().lines().filter(l -> l.startsWith("procrust: import: warning: ")).count();
        assertEquals(comments, warnings, () -> "one warning per comment\n" + r);
        Path out = Files.writeString(Files.createTempFile(tmp, "imported", ".toml"), r.out());
        Procrust.Result check = Procrust.run(tmp, Map.of(), Duration.ofSeconds(60), "check", "-c", out.toString());
        assertEquals(0, check.exit(), () -> check + "\n" + r.out());
        return r;
    }

    static void requireInCi(boolean present, String what) {
        if (System.getenv("CI") != null) {
            assertTrue(present, what + " is missing: .ci/run installs it");
        }
        Assumptions.assumeTrue(present, what + " is not installed (Debian: apt-get install supervisor)");
    }

    @Test
    void debiansSupervisordConf() throws Exception {
        Path conf = Path.of("/etc/supervisor/supervisord.conf");
        requireInCi(Files.isRegularFile(conf), conf.toString());
        Procrust.Result r = importsAndChecks("supervisord", conf, Map.of());
        for (String section : List.of("[unix_http_server]", "[rpcinterface:supervisor]", "[supervisorctl]")) {
            assertTrue(r.err().contains(section), section + " is warned about\n" + r);
        }
        Procrust.Result again = importing(tmp, Map.of(), "supervisord", conf);
        Matcher a = UID.matcher(r.out());
        Matcher b = UID.matcher(again.out());
        assertTrue(a.find() && b.find());
        assertNotEquals(a.group(1), b.group(1), "a fresh uid each time");
    }

    @Test
    void whatEchoSupervisordConfPrintsAsIsAndWithEveryExampleOn() throws Exception {
        Path echo = Path.of("/usr/bin/echo_supervisord_conf");
        requireInCi(Files.isExecutable(echo), echo.toString());
        Procrust.Result printed = Cmd.run(tmp, echo.toString());
        assertEquals(0, printed.exit(), printed::toString);
        Path asIs = Files.writeString(tmp.resolve("supervisord.conf"), printed.out());
        importsAndChecks("supervisord", asIs, Map.of());
        // every commented-out example line (";[section]", ";key=value") switched on
        String all = printed.out().replaceAll("(?m)^;([a-z_\\[])", "$1");
        Path on = Files.writeString(tmp.resolve("all-on.conf"), all);
        Procrust.Result r = importsAndChecks("supervisord", on, Map.of());
        assertTrue(r.out().contains("id = \"theprogramname\""), r::toString);
        assertTrue(r.out().contains("command = \"exec /bin/cat\""), r::toString);
        for (String noted : List.of("stopsignal = QUIT", "user = chrism", "[eventlistener:theeventlistenername]",
                "[inet_http_server]")) {
            assertTrue(r.err().contains(noted), noted + "\n" + r);
        }
    }

    @Test
    void unreadableInputExitsOneNamingTheFile() throws Exception {
        Procrust.Result missing = importing(tmp, Map.of(), "procfile", tmp.resolve("Procfile"));
        assertEquals(1, missing.exit(), missing::toString);
        assertTrue(missing.err().contains(tmp.resolve("Procfile") + ": no such file"), missing::toString);
        assertEquals("", missing.out());
        Path bad = Files.writeString(tmp.resolve("pc.yaml"), "processes:\n  a: [\n");
        Procrust.Result yaml = importing(tmp, Map.of(), "process-compose", bad);
        assertEquals(1, yaml.exit(), yaml::toString);
        assertTrue(yaml.err().matches("(?s)procrust: import: .*pc\\.yaml:\\d+:\\d+: .*"), yaml::toString);
        assertTrue(!yaml.err().contains("Exception") && !yaml.err().contains("\tat "), "no stack trace: " + yaml);
        Procrust.Result usage = importing(tmp, Map.of(), "systemd", bad);
        assertEquals(2, usage.exit(), usage::toString);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static boolean onPath(String cmd) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, cmd))) {
                return true;
            }
        }
        return false;
    }

    /** Runs the imported text under this host's uid with apply --once and returns the status. */
    static JsonNode applyOnce(Host host, String imported) throws Exception {
        Matcher m = UID.matcher(imported);
        assertTrue(m.find());
        Files.writeString(host.config, m.replaceFirst("uid = \"" + host.uid + "\""));
        Procrust.Result check = host.run("check");
        assertEquals(0, check.exit(), check::toString);
        Procrust.Result r = Procrust.run(host.dir, Map.of(), Duration.ofSeconds(120), "apply", "--once", "-c",
                host.config.toString(), "--state-dir", host.stateDir.toString());
        assertEquals(0, r.exit(), () -> r + "\n" + imported);
        return host.status();
    }

    static String state(JsonNode status, String id) {
        for (JsonNode p : status.path("processes")) {
            if (p.path("id").asText().equals(id)) {
                return p.path("state").asText();
            }
        }
        return null;
    }

    @Test
    void aRealisticSupervisordConfRunsUnderProcrust() throws Exception {
        Assumptions.assumeTrue(onPath("python3"), "python3 is not installed");
        boolean redis = onPath("redis-server");
        Path dir = copy(FIXTURES.resolve("supervisord"), tmp.resolve("sv"));
        if (!redis) {
            Files.delete(dir.resolve("conf.d/redis.conf"));
        }
        int web = freePort();
        Map<String, String> env = Map.of("WEB_PORT", Integer.toString(web), "REDIS_PORT", Integer.toString(freePort()));
        Procrust.Result r = importsAndChecks("supervisord", dir.resolve("supervisord.conf"), env);
        try (Host host = new Host()) {
            JsonNode status = applyOnce(host, r.out());
            for (String id : redis ? List.of("redis", "web", "consumer", "worker_00", "worker_01")
                    : List.of("web", "consumer", "worker_00", "worker_01")) {
                assertEquals("RUNNING", state(status, id), () -> id + " runs: " + status);
                assertTrue(!host.processesOf(id).isEmpty(), id + " has live processes");
            }
            assertTrue(host.processesOf("cron-like").isEmpty(), "autostart=false: never started");
            Procrust.Result curl = Cmd.run(tmp, "curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1:" + web + "/");
            assertEquals(0, curl.exit(), curl::toString);
        }
    }

    @Test
    void aProcfileRunsUnderProcrust() throws Exception {
        Assumptions.assumeTrue(onPath("python3"), "python3 is not installed");
        int port = freePort();
        Path procfile = Files.writeString(tmp.resolve("Procfile"), "web: python3 -m http.server " + port
                + " --bind 127.0.0.1\nworker: sh -c 'while :; do echo working; sleep 1; done'\nrelease: echo released\n");
        Procrust.Result r = importsAndChecks("procfile", procfile, Map.of());
        try (Host host = new Host()) {
            JsonNode status = applyOnce(host, r.out());
            assertEquals("RUNNING", state(status, "web"), status::toString);
            assertEquals("RUNNING", state(status, "worker"), status::toString);
            Host.await(Duration.ofSeconds(30), "release completes", Host.io(() -> "COMPLETED".equals(host.stateOf("release"))));
            Host.await(Duration.ofSeconds(30), "the worker logs", Host.io(() -> Files.exists(host.log("worker"))
                    && Files.readString(host.log("worker")).contains("working")));
        }
    }

    @Test
    void processComposeServicesRunUnderProcrustInDependencyOrder() throws Exception {
        Path dir = copy(FIXTURES.resolve("process-compose"), tmp.resolve("pc"));
        Procrust.Result r = importsAndChecks("process-compose", dir.resolve("services.yaml"), Map.of());
        importsAndChecks("process-compose", dir.resolve("probes.yaml"), Map.of());
        importsAndChecks("process-compose", dir.resolve("exit-on-failure.yaml"), Map.of());
        try (Host host = new Host()) {
            JsonNode status = applyOnce(host, r.out());
            assertEquals("RUNNING", state(status, "db"), status::toString);
            assertEquals("COMPLETED", state(status, "migrate"), status::toString);
            assertEquals("RUNNING", state(status, "api"), status::toString);
            assertEquals("RUNNING", state(status, "web"), status::toString);
            assertTrue(Files.exists(dir.resolve("ready.flag")), "db ran in the file's folder");
            assertTrue(host.processesOf("debug-shell").isEmpty(), "disabled: never started");
        }
    }

    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return to;
    }
}
