package procrust.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs any command (a shell, tar, an unpacked launcher) with a bounded wait, stdin from /dev/null,
 * and optionally a clean environment; on time-out the command and its descendants are killed.
 */
final class Cmd {

    private Cmd() {
    }

    /**
     * @param env  the whole environment when {@code clean}, else added to the inherited one
     */
    static Procrust.Result run(Path dir, Map<String, String> env, boolean clean, Duration limit, List<String> cmd)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        if (clean) {
            pb.environment().clear();
        } else {
            pb.environment().remove("PROCRUST_CONFIG");
            pb.environment().remove("PROCRUST_STATE_DIR");
        }
        pb.environment().putAll(env);
        Path out = Files.createTempFile("cmd-out", ".txt");
        Path err = Files.createTempFile("cmd-err", ".txt");
        try {
            pb.redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            Process p = pb.start();
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor();
                throw new AssertionError(String.join(" ", cmd) + " did not finish within " + limit + "\n"
                        + Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8));
            }
            return new Procrust.Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** A command in {@code dir} with the inherited environment and a 60 s bound. */
    static Procrust.Result run(Path dir, String... cmd) throws IOException, InterruptedException {
        return run(dir, Map.of(), false, Duration.ofSeconds(60), List.of(cmd));
    }
}
