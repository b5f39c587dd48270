package procrust.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * One end-to-end scenario's host: a temporary folder with the file and the state dir, a fresh uid,
 * running applies, and a cleanup that ends every process this scenario caused: the applies it
 * started, and every process whose environment carries its uid (PROCRUST_UID, set on every spawn,
 * inherited by grandchildren), by process group. Nothing else is ever signalled.
 */
final class Host implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    final Path dir;
    final String uid = UUID.randomUUID().toString();
    final Path config;
    final Path stateDir;
    private final List<Process> applies = new ArrayList<>();
    private final List<Long> extraGroups = new ArrayList<>();

    Host() throws IOException {
        dir = Files.createTempDirectory("procrust-e2e");
        config = dir.resolve("procrust.toml");
        stateDir = dir.resolve("state");
    }

    Path uidDir() {
        return stateDir.resolve(uid);
    }

    Path log(String id) {
        return uidDir().resolve("logs").resolve(id + ".log");
    }

    /** Writes the file: the header (uid, file_format, timezone UTC) and then {@code body}. */
    void write(String body) throws IOException {
        String text = "uid = \"" + uid + "\"\nfile_format = \"0\"\ntimezone = \"UTC\"\n\n" + body;
        Path tmp = dir.resolve(".procrust.toml.tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, config, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** A process group this test started itself, to be killed at the end. */
    void own(long pgid) {
        extraGroups.add(pgid);
    }

    /** Runs procrust to completion with this host's file and state dir. */
    Procrust.Result run(String... args) throws IOException, InterruptedException {
        List<String> a = new ArrayList<>(List.of(args));
        a.addAll(List.of("-c", config.toString(), "--state-dir", stateDir.toString()));
        return Procrust.run(dir, Map.of(), Duration.ofSeconds(60), a.toArray(new String[0]));
    }

    /** {@link #run} for polling conditions: failures to run are an empty result. */
    Procrust.Result run0(String... args) {
        try {
            return run(args);
        } catch (IOException | InterruptedException | RuntimeException e) {
            return new Procrust.Result(-1, "", String.valueOf(e));
        }
    }

    /** Starts {@code procrust apply} in the background; its stderr goes to {@code apply-N.err}. */
    Apply apply(String... extra) throws IOException {
        return apply(Map.of(), extra);
    }

    /** {@link #apply(String...)} with extra environment (e.g. PROCRUST_JAVA_OPTS). */
    Apply apply(Map<String, String> env, String... extra) throws IOException {
        return applyIn(stateDir, env, extra);
    }

    /** {@link #apply(String...)} with another state dir than this host's. */
    Apply applyIn(Path states, Map<String, String> env, String... extra) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Procrust.launcher().toString(), "apply", "-c", config.toString(),
                "--state-dir", states.toString()));
        cmd.addAll(List.of(extra));
        Path err = dir.resolve("apply-" + applies.size() + ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(err.toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(err.toFile()));
        pb.environment().remove("PROCRUST_CONFIG");
        pb.environment().remove("PROCRUST_STATE_DIR");
        pb.environment().putAll(env);
        Process p = pb.start();
        applies.add(p);
        return new Apply(p, err);
    }

    /** A background apply and its event log. */
    record Apply(Process process, Path err) {
        String log() {
            try {
                return Files.readString(err, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }

        long pid() {
            return process.pid();
        }
    }

    /** {@code procrust status --output json}, parsed. */
    JsonNode status() throws IOException, InterruptedException {
        Procrust.Result r = run("status", "--output", "json");
        if (r.exit() != 0 && r.exit() != 3 && r.exit() != 4) {
            throw new AssertionError("status failed: " + r);
        }
        return JSON.readTree(r.out());
    }

    /** The state file as JSON (empty object when absent). */
    JsonNode state() throws IOException {
        Path f = uidDir().resolve("state.json");
        if (!Files.exists(f)) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(f.toFile());
        } catch (IOException e) { // replaced while read: read again
            return JSON.readTree(f.toFile());
        }
    }

    /** The state record of (id, version), or null. */
    JsonNode record(String id) throws IOException {
        for (JsonNode r : state().path("instances")) {
            if (r.path("id").asText().equals(id)) {
                return r;
            }
        }
        return null;
    }

    String stateOf(String id) throws IOException {
        JsonNode r = record(id);
        return r == null ? null : r.path("state").asText();
    }

    long pidOf(String id) throws IOException {
        JsonNode r = record(id);
        return r == null || r.path("pid").isNull() ? -1 : r.path("pid").asLong();
    }

    /** Live (non-zombie) processes whose environment has this uid and PROCRUST_ID=id. */
    List<Long> processesOf(String id) {
        return scan("PROCRUST_ID=" + id);
    }

    /** Live processes whose environment has this uid and {@code entry} (e.g. PROCRUST_HOOK=1). */
    List<Long> processesCarrying(String entry) {
        return scan(entry);
    }

    private List<Long> scan(String idEntry) {
        List<Long> out = new ArrayList<>();
        String uidEntry = "PROCRUST_UID=" + uid;
        try (Stream<Path> s = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    if (stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z")) {
                        continue;
                    }
                    List<String> env = List.of(new String(Files.readAllBytes(p.resolve("environ")),
                            StandardCharsets.UTF_8).split("\0"));
                    if (env.contains(uidEntry) && (idEntry == null || env.contains(idEntry))) {
                        out.add(Long.parseLong(name));
                    }
                } catch (IOException | RuntimeException e) {
                    // gone meanwhile, or not ours to read
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    static boolean alive(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return false;
        }
    }

    /** Polls {@code cond} every 50 ms until true; fails after {@code limit} with {@code what}. */
    static void await(Duration limit, String what, BooleanSupplier cond) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + limit + " waiting for: " + what);
            }
            Thread.sleep(50);
        }
    }

    interface IoCondition {
        boolean get() throws IOException;
    }

    static BooleanSupplier io(IoCondition c) {
        return () -> {
            try {
                return c.get();
            } catch (IOException e) {
                return false;
            }
        };
    }

    /** Ends the applies (SIGKILL) and every process of this uid, by process group; removes the folder. */
    @Override
    public void close() throws Exception {
        for (Process p : applies) {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
        }
        for (int round = 0; round < 3; round++) {
            List<Long> pids = new ArrayList<>(scan(null));
            pids.addAll(extraGroups);
            if (pids.isEmpty()) {
                break;
            }
            for (long pid : pids) {
                long pgid = pgidOf(pid);
                kill(pgid > 1 ? List.of("kill", "-KILL", "--", "-" + pgid) : List.of("kill", "-KILL", "" + pid));
            }
            // a group the test started itself, also by its id: its leader may have exited (an orphaned
            // group: sh -c 'sleep 300 & exit'), and then /proc/PID/stat no longer leads to the group. A
            // pid that leads no group makes this a no-op (a group id is never the pid of another process)
            for (long pg : extraGroups) {
                kill(List.of("kill", "-KILL", "--", "-" + pg));
            }
            extraGroups.clear();
            Thread.sleep(100);
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a file still being written by a dying process: the temp folder is left behind
        }
    }

    private static void kill(List<String> cmd) throws IOException, InterruptedException {
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start().waitFor(5, TimeUnit.SECONDS);
    }

    private static long pgidOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long pgid = Long.parseLong(f[2]);
            long sid = Long.parseLong(f[3]);
            return pgid == sid ? pgid : -1; // only groups that lead their own session (ours), never the test's
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
