package procrust.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Debian package from {@code ./mvnw package}: installed with {@code dpkg -i} (root only: CI is
 * root), its files where Debian expects them, {@code procrust check} and {@code systemd-analyze
 * verify} on what it installed, then {@code dpkg -r}: no file of the package is left, and the
 * package is gone from dpkg's database after {@code dpkg -P}. Installing is global to the machine,
 * so every test of this kind takes {@link #machineLock()} first (one at a time across JVMs).
 */
class DebPackageIT {

    @TempDir
    Path tmp;

    static Path deb() throws IOException {
        try (Stream<Path> s = Files.list(Procrust.root().resolve("target"))) {
            List<Path> found = s.filter(p -> p.getFileName().toString().matches("procrust_.+_all\\.deb")).toList();
            assertEquals(1, found.size(), "one package in target/: " + found);
            return found.get(0);
        }
    }

    static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** One package test at a time on this machine (dpkg and /etc are global). */
    static FileLock machineLock() throws IOException {
        FileChannel ch = FileChannel.open(Path.of("/tmp/procrust-dpkg-tests.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        return ch.lock();
    }

    static Procrust.Result run(Path dir, String... cmd) throws IOException, InterruptedException {
        return Cmd.run(dir, Map.of("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"), false, Duration.ofSeconds(300), List.of(cmd));
    }

    static void requireRootInCi() {
        if (System.getenv("CI") != null) {
            assertTrue(root(), "CI runs as root");
        }
        Assumptions.assumeTrue(root(), "installing a package needs root");
    }

    @Test
    void theControlFileDependsOnAJava17Runtime() throws Exception {
        Procrust.Result r = run(tmp, "dpkg-deb", "--field", deb().toString(), "Package", "Architecture", "Depends");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("Package: procrust"), r::toString);
        assertTrue(r.out().contains("Architecture: all"), r::toString);
        assertTrue(r.out().contains("java17-runtime-headless"), r::toString);
        Procrust.Result files = run(tmp, "dpkg-deb", "--contents", deb().toString());
        for (String f : List.of("./usr/bin/procrust -> ../share/procrust/bin/procrust", "./usr/share/procrust/lib/procrust.jar",
                "./lib/systemd/system/procrust.service", "./usr/share/man/man1/procrust.1", "./usr/share/man/man5/procrust.toml.5",
                "./usr/share/bash-completion/completions/procrust", "./usr/share/zsh/vendor-completions/_procrust",
                "./usr/share/procrust/schema/procrust.schema.json", "./usr/share/doc/procrust/examples/quickstart.toml",
                "./usr/share/doc/procrust/docs/operations.md")) {
            assertTrue(files.out().contains(f), f + " in\n" + files.out());
        }
    }

    @Test
    void itInstallsChecksVerifiesAndRemovesCleanly() throws Exception {
        requireRootInCi();
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        try (FileLock lock = machineLock()) {
            Procrust.Result before = run(tmp, "dpkg-query", "-W", "-f", "${Status}", "procrust");
            Assumptions.assumeFalse(before.exit() == 0 && before.out().contains("installed") && !before.out().contains("not-installed"),
                    "procrust is installed on this machine by someone else: not touching it");
            List<String> paths = new ArrayList<>();
            Procrust.Result listing = run(tmp, "sh", "-c", "dpkg-deb --fsys-tarfile \"$0\" | tar -t", deb().toString());
            assertEquals(0, listing.exit(), listing::toString);
            for (String line : listing.out().lines().toList()) {
                if (!line.endsWith("/")) {
                    paths.add(line.substring(1)); // "./usr/..." -> "/usr/..."
                }
            }
            assertTrue(paths.size() > 20, paths::toString);
            try {
                Procrust.Result install = run(tmp, "dpkg", "-i", deb().toString());
                assertEquals(0, install.exit(), install::toString);
                Path bin = Path.of("/usr/bin/procrust");
                assertTrue(Files.isSymbolicLink(bin) && Files.isExecutable(bin), "/usr/bin/procrust");
                Procrust.Result version = run(tmp, "procrust", "--version");
                assertEquals(0, version.exit(), version::toString);
                assertTrue(version.out().startsWith("procrust "), version::toString);
                Procrust.Result check = run(tmp, "procrust", "check", "-c", "/usr/share/doc/procrust/examples/quickstart.toml");
                assertEquals(0, check.exit(), check::toString);
                Procrust.Result imported = run(tmp, "procrust", "import", "procfile",
                        Files.writeString(tmp.resolve("Procfile"), "web: sleep 60\n").toString());
                assertEquals(0, imported.exit(), imported::toString);
                assertTrue(imported.out().startsWith("#:schema /usr/share/procrust/schema/procrust.schema.json\n"), imported::toString);
                assertTrue(Files.isRegularFile(Path.of("/usr/share/procrust/lib/procrust.jsa")),
                        "postinst made the class-data archive, so /usr is not written at run time");
                Procrust.Result man = run(tmp, "man", "-w", "procrust");
                assertEquals(0, man.exit(), man::toString);
                if (System.getenv("CI") != null) {
                    assertTrue(Files.isExecutable(analyze), "systemd-analyze: .ci/run installs systemd");
                }
                if (Files.isExecutable(analyze)) {
                    Procrust.Result verify = run(tmp, analyze.toString(), "verify", "/lib/systemd/system/procrust.service");
                    assertEquals(0, verify.exit(), verify::toString);
                    assertEquals("", verify.err().strip(), verify::toString);
                }
                if (Files.isExecutable(Path.of("/usr/bin/zsh"))) {
                    zshCompletesFromThePackagedFunction();
                }
                String unit = Files.readString(Path.of("/lib/systemd/system/procrust.service"));
                assertTrue(unit.contains("\nKillMode=process\n"), unit);
                assertTrue(unit.contains("\nExecStart=/usr/bin/procrust -c /etc/procrust/procrust.toml apply\n"), unit);
            } finally {
                Procrust.Result remove = run(tmp, "dpkg", "-r", "procrust");
                assertEquals(0, remove.exit(), remove::toString);
            }
            for (String p : paths) {
                assertFalse(Files.exists(Path.of(p), LinkOption.NOFOLLOW_LINKS), p + " is left after dpkg -r");
            }
            assertFalse(Files.exists(Path.of("/usr/share/procrust")), "/usr/share/procrust is left after dpkg -r");
            Procrust.Result purge = run(tmp, "dpkg", "-P", "procrust");
            assertEquals(0, purge.exit(), purge::toString);
            Procrust.Result after = run(tmp, "dpkg-query", "-W", "-f", "${Status}", "procrust");
            assertTrue(after.exit() != 0 || after.out().contains("not-installed"), after::toString);
        }
    }

    /** zsh finds _procrust in its vendor-completions folder and Tab completes a command and its argument. */
    static void zshCompletesFromThePackagedFunction() throws Exception {
        try (Tmux t = new Tmux("zsh -f", 120, 20)) {
            t.send("autoload -U compinit && compinit -u -D && print ready-$((6*7))", "Enter");
            t.await("zsh's completion is on", Duration.ofSeconds(30), sc -> sc.contains("ready-42"), () -> "");
            t.send("procrust imp", "Tab");
            t.await("import completes", Duration.ofSeconds(60), sc -> sc.contains("procrust import"), () -> "");
            t.send(" sup", "Tab");
            String screen = t.await("supervisord completes", Duration.ofSeconds(60),
                    sc -> sc.matches("(?s).*procrust import +supervisord.*"), () -> "");
            assertFalse(screen.contains("command not found"), screen);
        }
    }
}
