package procrust.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive from {@code ./mvnw package}, unpacked into a temporary folder whose name has a
 * space, run with nothing but a JDK: no source tree, no Maven, an empty environment but PATH,
 * JAVA_HOME and HOME.
 */
class ArchiveIT {

    @TempDir
    static Path tmp;

    static Path home;
    static Map<String, String> env;

    @BeforeAll
    static void unpack() throws Exception {
        Path archive;
        try (Stream<Path> s = Files.list(Procrust.root().resolve("target"))) {
            List<Path> found = s.filter(p -> p.getFileName().toString().matches("procrust-.+\\.tar\\.gz")).toList();
            assertEquals(1, found.size(), "one release archive in target/: " + found);
            archive = found.get(0);
        }
        Path into = Files.createDirectories(tmp.resolve("opt dir"));
        Procrust.Result r = Cmd.run(into, "tar", "xzf", archive.toString());
        assertEquals(0, r.exit(), r::toString);
        String name = archive.getFileName().toString().replace(".tar.gz", "");
        home = into.resolve(name);
        assertTrue(Files.isDirectory(home), "the archive unpacks into " + name + "/");
        Path userHome = Files.createDirectories(tmp.resolve("home"));
        env = Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", System.getProperty("java.home"),
                "HOME", userHome.toString());
    }

    static Procrust.Result procrust(String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(home.resolve("bin/procrust").toString());
        cmd.addAll(List.of(args));
        return Cmd.run(tmp, env, true, Duration.ofSeconds(60), cmd);
    }

    /** The build's own man tree works with man(1): MANPATH=target/man man procrust (and procrust.toml). */
    @Test
    void theBuiltManPagesAreAManTree() throws Exception {
        Path tree = Procrust.root().resolve("target/man");
        assertTrue(Files.isRegularFile(tree.resolve("man1/procrust.1")));
        assertTrue(Files.isRegularFile(tree.resolve("man1/procrust-apply.1")));
        assertTrue(Files.isRegularFile(tree.resolve("man5/procrust.toml.5")));
        if (Files.isExecutable(Path.of("/usr/bin/man"))) {
            for (String page : List.of("procrust", "procrust.toml")) {
                Procrust.Result r = Cmd.run(tmp, Map.of("PATH", "/usr/bin:/bin", "MANPATH", tree.toString()), true,
                        Duration.ofSeconds(30), List.of("man", "-w", page));
                assertEquals(0, r.exit(), r::toString);
                assertTrue(r.out().trim().startsWith(tree.toString()), r::toString);
            }
        }
    }

    @Test
    void theLayoutHasEverythingAnOperatorNeeds() throws Exception {
        assertTrue(Files.isExecutable(home.resolve("bin/procrust")));
        assertTrue(Files.isRegularFile(home.resolve("lib/procrust.jar")));
        assertTrue(Files.isRegularFile(home.resolve("lib/picocli-4.7.7.jar")) || hasJar("picocli-"), "dependency jars in lib/");
        assertTrue(Files.isRegularFile(home.resolve("README.md")));
        String man = Files.readString(home.resolve("man/man1/procrust.1"));
        assertTrue(man.contains(".TH \"PROCRUST\" \"1\""), "a roff man page: " + man.substring(0, Math.min(200, man.length())));
        for (String page : List.of("procrust-logs.1", "procrust-completion.1", "procrust-check.1")) {
            assertTrue(Files.isRegularFile(home.resolve("man/man1").resolve(page)), "a man page per command: " + page);
        }
        String format = Files.readString(home.resolve("man/man5/procrust.toml.5"));
        assertTrue(format.contains(".TH \"PROCRUST.TOML\" \"5\""), "the file format's page: " + format.substring(0, 200));
        assertTrue(format.contains("log_group"), "it names every top-level key");
        assertTrue(Files.isRegularFile(home.resolve("completion/procrust")));
        assertTrue(Files.isRegularFile(home.resolve("examples/systemd/procrust.service")));
        assertTrue(Files.isRegularFile(home.resolve("docs/operations.md")));
        for (String dir : List.of("schema", "examples", "docs")) {
            Path src = Procrust.root().resolve(dir);
            if (!Files.isDirectory(src)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(src)) {
                for (Path f : s.filter(Files::isRegularFile).toList()) {
                    Path rel = Procrust.root().relativize(f);
                    assertTrue(Files.isRegularFile(home.resolve(rel)), rel + " is in the archive");
                }
            }
        }
    }

    private static boolean hasJar(String prefix) throws IOException {
        try (Stream<Path> s = Files.list(home.resolve("lib"))) {
            return s.anyMatch(p -> p.getFileName().toString().startsWith(prefix));
        }
    }

    @Test
    void itRunsWithOnlyAJdkAndMakesItsClassDataArchive() throws Exception {
        Procrust.Result v = procrust("--version");
        assertEquals(0, v.exit(), v::toString);
        assertTrue(v.out().matches("procrust \\d+\\.\\d+\\.\\d+.*\\n"), v::toString);
        assertTrue(!v.err().contains("building"), "no build from an archive: " + v);
        Procrust.Result u = procrust("uid");
        assertEquals(0, u.exit(), u::toString);
        UUID.fromString(u.out().trim());
        assertTrue(Files.isRegularFile(home.resolve("lib/procrust.jsa")), "the class-data archive is made on first use");
    }

    @Test
    void itChecksTheQuickstart() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(home.resolve("examples/quickstart.toml")),
                "examples/quickstart.toml is not in this tree yet");
        Procrust.Result c = Cmd.run(home, env, true, Duration.ofSeconds(60),
                List.of(home.resolve("bin/procrust").toString(), "check", "-c", "examples/quickstart.toml"));
        assertEquals(0, c.exit(), c::toString);
        assertTrue(c.out().contains("valid"), c::toString);
    }

    /**
     * apply --once of the quickstart from the unpacked archive: both processes run (the second after
     * the first), then {@code stop --all} ends them. Whatever happens, their groups are killed after.
     */
    @Test
    void itAppliesTheQuickstartOnceAndStopsIt() throws Exception {
        Path state = Files.createDirectories(tmp.resolve("qs-state"));
        List<String> base = List.of("-c", "examples/quickstart.toml", "--state-dir", state.toString());
        try {
            Procrust.Result once = inHome(base, "apply", "--once");
            assertEquals(0, once.exit(), once::toString);
            Procrust.Result st = inHome(base, "status", "--output", "json");
            assertEquals(0, st.exit(), st::toString);
            List<String> rows = new java.util.ArrayList<>();
            Host.JSON.readTree(st.out()).path("processes")
                    .forEach(p -> rows.add(p.path("id").asText() + " " + p.path("state").asText()));
            assertEquals(List.of("clock RUNNING", "greeter RUNNING"), rows, st::toString);
            Procrust.Result stop = inHome(base, "stop", "--all");
            assertEquals(0, stop.exit(), stop::toString);
            assertTrue(stop.out().contains("clock: stopped and held") && stop.out().contains("greeter: stopped and held"),
                    stop::toString);
        } finally {
            killGroupsIn(state);
        }
    }

    /** {@code bin/procrust ARGS COMMON} run from the unpacked folder with only a JDK. */
    private static Procrust.Result inHome(List<String> common, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(home.resolve("bin/procrust").toString()));
        cmd.addAll(List.of(args));
        cmd.addAll(common);
        return Cmd.run(home, env, true, Duration.ofSeconds(90), cmd);
    }

    /** Kills, by process group, every pid recorded in the state files under {@code state}. */
    private static void killGroupsIn(Path state) throws Exception {
        try (Stream<Path> s = Files.walk(state)) {
            for (Path f : s.filter(p -> p.getFileName().toString().equals("state.json")
                    || p.getFileName().toString().equals("state.journal")).toList()) {
                var m = java.util.regex.Pattern.compile("\"pid\"\\s*:\\s*(\\d+)").matcher(Files.readString(f));
                while (m.find()) {
                    Cmd.run(tmp, "kill", "-KILL", "--", "-" + m.group(1));
                }
            }
        }
    }

    @Test
    void theShippedCompletionScriptIsTheOneTheCommandPrints() throws Exception {
        Procrust.Result c = procrust("completion", "bash");
        assertEquals(0, c.exit(), c::toString);
        assertEquals(Files.readString(home.resolve("completion/procrust")), c.out());
    }
}
