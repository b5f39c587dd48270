package procrust.state;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import procrust.plan.InstanceState;

/**
 * Operator requests to a running apply (docs/apply.md "Requests"): {@code DIR/<uid>/requests/*.json},
 * each {@code {"op": "hold" | "release", "ids": ["web", ...]}}, written to a temporary name and
 * renamed in. apply reads them in name order, applies them to its state and deletes them. With no
 * apply running, a command applies the same {@link #applyTo} to state.json itself under the apply lock.
 */
public final class Requests {

    public static final String DIR_NAME = "requests";

    /** One request. */
    public record Request(String op, List<String> ids) {
        public Request {
            ids = List.copyOf(ids);
        }
    }

    private Requests() {
    }

    /**
     * hold: the ids are added to the holds (the planner stops them and starts nothing of them).
     * release: the ids leave the holds, and their STOPPED and FAILED records are forgotten so that
     * they start again (a release is also how an operator retries a FAILED process).
     */
    public static StateFile applyTo(StateFile s, Request r) {
        Set<String> holds = new LinkedHashSet<>(s.holds());
        if ("hold".equals(r.op())) {
            holds.addAll(r.ids());
            return s.withHolds(new ArrayList<>(holds));
        }
        if ("release".equals(r.op())) {
            holds.removeAll(r.ids());
            StateFile out = s.withHolds(new ArrayList<>(holds));
            for (InstanceRecord rec : s.instances()) {
                if (r.ids().contains(rec.id())
                        && (rec.state() == InstanceState.STOPPED || rec.state() == InstanceState.FAILED)) {
                    out = out.remove(rec.id(), rec.version());
                }
            }
            return out;
        }
        throw new IllegalArgumentException("unknown request op: " + r.op());
    }

    /** Reads a request file; a malformed one gives an IOException naming the problem. */
    public static Request read(Path file) throws IOException {
        Request r = StateJson.readRequest(Files.readAllBytes(file));
        if (!r.op().equals("hold") && !r.op().equals("release")) {
            throw new IOException("unknown op \"" + r.op() + "\" (hold or release)");
        }
        return r;
    }

    /** Writes a request for a running apply to pick up (atomically: temporary name, then rename). */
    public static Path submit(Path uidDir, Request r) throws IOException {
        Path dir = uidDir.resolve(DIR_NAME);
        StateStore.ensureDir(dir);
        String name = System.currentTimeMillis() + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        Path tmp = dir.resolve("." + name + ".tmp");
        Files.write(tmp, StateJson.write(r));
        Files.setPosixFilePermissions(tmp, StateStore.FILE_MODE);
        Path target = dir.resolve(name + ".json");
        Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    /** Pending request files, oldest name first. */
    public static List<Path> pending(Path uidDir) throws IOException {
        Path dir = uidDir.resolve(DIR_NAME);
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json")) {
            ds.forEach(out::add);
        }
        out.sort(null);
        return out;
    }
}
