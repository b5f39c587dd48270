package procrust.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static procrust.e2e.Host.await;
import static procrust.e2e.Host.io;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What procrust leaves on disk and on the network: every folder it makes is 0700 and every file 0600
 * whatever the umask (state, lock, logs and their rotated copies, a state file moved aside, requests);
 * and a running apply has no network socket of any kind and no listening socket at all (read from
 * /proc: its descriptors, then /proc/PID/net).
 */
class SecurityIT {

    private static final String FILE = """
            log_max_size = "4KiB"
            log_keep = 2

            [[process]]
            id = "chatty"
            command = "while :; do echo 0123456789012345678901234567890123456789; sleep 0.01; done"
            apply_on = "2024-10-01T12:00:00"

            [[process]]
            id = "checked one"
            command = "exec sleep 1000"
            apply_on = "2024-10-01T12:00:00"
            start_health_check = { command = "true", interval = "100ms" }
            """;

    /** apply started with umask 000 (by a shell that then execs the launcher). */
    private static Process applyWithUmask000(Host h) throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-c", "umask 000; exec \"$0\" \"$@\"", Procrust.launcher().toString(),
                "apply", "-c", h.config.toString(), "--state-dir", h.stateDir.toString())
                .directory(h.dir.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(h.dir.resolve("apply.err").toFile()).redirectErrorStream(true).start();
        h.own(p.pid());
        return p;
    }

    @Test
    void everyFileIsPrivateWhateverTheUmask() throws Exception {
        try (Host h = new Host()) {
            h.write(FILE);
            Files.createDirectory(h.stateDir, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
            Files.createDirectories(h.uidDir());
            // a torn state file someone left world-readable: moved aside, and no more open than the rest
            Path torn = Files.writeString(h.uidDir().resolve("state.json"), "{ torn");
            Files.setPosixFilePermissions(torn, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            Process ap = applyWithUmask000(h);
            await(Duration.ofSeconds(60), "both running and chatty's log rotated twice", io(() ->
                    "RUNNING".equals(h.stateOf("checked one")) && Files.exists(h.uidDir().resolve("logs/chatty.log.2"))));
            Procrust.Result hold = h.run("stop", "chatty"); // a request through the running apply
            assertEquals(0, hold.exit(), hold::toString);
            new ProcessBuilder("kill", "-TERM", Long.toString(ap.pid())).start().waitFor();
            assertTrue(ap.waitFor(10, TimeUnit.SECONDS));

            List<String> open = new ArrayList<>();
            int files = 0;
            try (Stream<Path> s = Files.walk(h.stateDir)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    Set<PosixFilePermission> m = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
                    boolean dir = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
                    files += dir ? 0 : 1;
                    boolean others = m.stream().anyMatch(x -> x.name().startsWith("GROUP") || x.name().startsWith("OTHERS"));
                    if (others || (!dir && m.contains(PosixFilePermission.OWNER_EXECUTE))) {
                        open.add(java.nio.file.attribute.PosixFilePermissions.toString(m) + " " + h.stateDir.relativize(p));
                    }
                }
            }
            assertTrue(open.isEmpty(), () -> "more open than 0700/0600 with umask 000: " + open);
            assertTrue(files >= 6, "state, lock, logs, rotated logs and the moved-aside state were all looked at: " + files);
            try (Stream<Path> s = Files.list(h.uidDir())) {
                assertTrue(s.anyMatch(p -> p.getFileName().toString().startsWith("state.json.corrupt-")));
            }
        }
    }

    @Test
    void applyHasNoNetworkSocketAndNothingListening() throws Exception {
        try (Host h = new Host()) {
            h.write(FILE);
            Host.Apply ap = h.apply();
            await(Duration.ofSeconds(60), "running, rotating, probing", io(() -> "RUNNING".equals(h.stateOf("checked one"))
                    && Files.exists(h.uidDir().resolve("logs/chatty.log.1"))));
            for (int round = 0; round < 3; round++) {
                List<String> found = sockets(ap.pid());
                assertTrue(found.isEmpty(), () -> "apply " + ap.pid() + " holds: " + found);
                Thread.sleep(500);
            }
        }
    }

    /** The check above can fail: a process listening on loopback is seen. */
    @Test
    void theSocketCheckSeesAListenerWhenThereIsOne() throws Exception {
        Process p = new ProcessBuilder("python3", "-c", "import socket,time; s=socket.socket(); "
                + "s.bind(('127.0.0.1', 0)); s.listen(); print('up', flush=True); time.sleep(60)")
                .redirectErrorStream(true).start();
        try {
            assertTrue(new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream())).readLine().equals("up"));
            List<String> found = sockets(p.pid());
            assertTrue(found.stream().anyMatch(l -> l.startsWith("tcp: ")), found::toString);
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The network sockets and the listening or named unix sockets among the descriptors of {@code pid}. */
    static List<String> sockets(long pid) throws Exception {
        Set<String> inodes = new java.util.HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (java.io.IOException e) {
                    // closed meanwhile
                }
            }
        }
        List<String> out = new ArrayList<>();
        Path net = Path.of("/proc/" + pid + "/net");
        for (String table : List.of("tcp", "tcp6", "udp", "udp6", "raw", "raw6", "udplite", "udplite6")) {
            Path f = net.resolve(table);
            if (!Files.exists(f)) {
                continue;
            }
            List<String> lines = Files.readAllLines(f);
            for (String line : lines.subList(1, lines.size())) {
                String[] c = line.trim().split("\\s+");
                if (c.length > 9 && inodes.contains(c[9])) {
                    out.add(table + ": " + line.trim());
                }
            }
        }
        List<String> unix = Files.readAllLines(net.resolve("unix"));
        for (String line : unix.subList(1, unix.size())) {
            String[] c = line.trim().split("\\s+");
            // Num RefCount Protocol Flags Type St Inode [Path]; flag 00010000 = listening
            if (c.length > 6 && inodes.contains(c[6])
                    && ((Integer.parseInt(c[3], 16) & 0x10000) != 0 || c.length > 7)) {
                out.add("unix: " + line.trim());
            }
        }
        Path packet = net.resolve("packet");
        if (Files.exists(packet)) {
            for (String line : Files.readAllLines(packet)) {
                for (String i : inodes) {
                    if (line.trim().endsWith(" " + i)) {
                        out.add("packet: " + line.trim());
                    }
                }
            }
        }
        return out;
    }
}
