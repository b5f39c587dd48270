package procrust.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code bin/procrust} as a black box, the way a user does. The repository root comes from the
 * {@code procrust.root} system property (set by failsafe), else the working directory.
 */
public final class Procrust {

    /** What one run printed and returned. */
    public record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit=" + exit + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }
    }

    private Procrust() {
    }

    public static Path root() {
        return Path.of(System.getProperty("procrust.root", System.getProperty("user.dir"))).toAbsolutePath();
    }

    public static Path launcher() {
        return root().resolve("bin/procrust");
    }

    /** Runs {@code bin/procrust ARGS} in {@code dir} with extra environment, waiting at most {@code limit}. */
    public static Result run(Path dir, Map<String, String> env, Duration limit, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(launcher().toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().remove("PROCRUST_CONFIG");
        pb.environment().remove("PROCRUST_STATE_DIR");
        pb.environment().putAll(env);
        Path out = Files.createTempFile("procrust-out", ".txt");
        Path err = Files.createTempFile("procrust-err", ".txt");
        try {
            pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Process p = pb.start();
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor();
                throw new AssertionError("procrust " + String.join(" ", args) + " did not finish within " + limit
                        + "\n" + Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8));
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Runs {@code bin/procrust ARGS} in the repository root with a 60 s bound. */
    public static Result run(String... args) throws IOException, InterruptedException {
        return run(root(), Map.of(), Duration.ofSeconds(60), args);
    }
}
