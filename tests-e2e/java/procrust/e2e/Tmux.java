package procrust.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A private tmux server (its own socket, no user config) running one command in a pane of a given
 * size: keys are typed with send-keys and the screen is read with capture-pane. {@link #close} kills
 * the server and the pane's whole process group, whatever state they are in.
 */
final class Tmux implements AutoCloseable {

    private final String socket = "procrust-e2e-" + UUID.randomUUID();
    private final String target = "e2e";
    private Long panePid;
    private Long serverPid;

    /** Starts {@code command} (run by /bin/sh) in a new detached session of {@code width}x{@code height}. */
    Tmux(String command, int width, int height) throws IOException, InterruptedException {
        tmux("-f", "/dev/null", "new-session", "-d", "-s", target, "-x", Integer.toString(width),
                "-y", Integer.toString(height), command);
        serverPid = Long.parseLong(tmux("display-message", "-p", "-t", target, "#{pid}").trim());
        panePid = Long.parseLong(tmux("display-message", "-p", "-t", target, "#{pane_pid}").trim());
    }

    /** The pid of the pane's command (it leads the pane's session and process group). */
    long panePid() {
        return panePid;
    }

    /** Types keys (tmux key names such as {@code Enter}, {@code Escape}, or literal characters). */
    void send(String... keys) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", target));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
    }

    /** The visible screen as text, one line per row. */
    String screen() throws IOException, InterruptedException {
        return tmux("capture-pane", "-p", "-t", target);
    }

    /** The visible screen with its colour escapes. */
    String screenWithEscapes() throws IOException, InterruptedException {
        return tmux("capture-pane", "-p", "-e", "-t", target);
    }

    void resize(int width, int height) throws IOException, InterruptedException {
        tmux("resize-window", "-t", target, "-x", Integer.toString(width), "-y", Integer.toString(height));
    }

    /**
     * Polls the screen until {@code ok} holds; fails with the last screen and {@code context} (logs...)
     * after {@code limit}, or at once when the pane's command has ended.
     */
    String await(String what, Duration limit, Predicate<String> ok, Supplier<String> context)
            throws IOException, InterruptedException {
        Instant end = Instant.now().plus(limit);
        String last = "";
        while (Instant.now().isBefore(end)) {
            try {
                last = screen();
            } catch (IOException e) {
                throw new AssertionError("waiting for " + what + ", the pane's command ended (" + e.getMessage().trim()
                        + "); last screen:\n" + last + "\n" + context.get());
            }
            if (ok.test(last)) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the screen did not show " + what + " within " + limit + "; it shows:\n" + last
                + "\n" + context.get());
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("TMUX");
        pb.environment().remove("NO_COLOR");
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("tmux " + String.join(" ", args) + " hung");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException("tmux " + String.join(" ", args) + " exited " + p.exitValue() + ": " + text);
        }
        return text;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            tmux("kill-server");
        } catch (IOException e) {
            // already gone
        }
        if (panePid != null) { // the pane's command leads its own session and group
            new ProcessBuilder("kill", "-KILL", "--", "-" + panePid).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(10, TimeUnit.SECONDS);
        }
        if (serverPid != null) {
            ProcessHandle.of(serverPid).ifPresent(ProcessHandle::destroyForcibly);
        }
        Path sock = Path.of("/tmp", "tmux-" + uid(), socket);
        java.nio.file.Files.deleteIfExists(sock);
    }

    private static String uid() throws IOException {
        for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("Uid:")) {
                return line.split("\\s+")[1];
            }
        }
        return "0";
    }
}
