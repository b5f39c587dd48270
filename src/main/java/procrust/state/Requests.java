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
 * each {@code {"op": "hold" | "release" | "restart", "ids": ["web", ...]}}, written to a temporary name and
 * renamed in. apply reads them in name order, applies them to its state and deletes them. With no
 * apply running, a command applies the same {@link #applyTo} to state.json itself under the apply lock.
 */
public final class Requests {

    public static final String DIR_NAME = "requests";
    /** The note of an instance stopped for a restart (the stop's reason in the event log too). */
    public static final String RESTART_NOTE = "restart asked by an operator (procrust restart)";
    private static final java.util.Set<String> OPS = java.util.Set.of("hold", "release", "restart");

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
        return applyTo(s, r, null); // hold and release need no time; a restart does (below)
    }

    /**
     * {@link #applyTo(StateFile, Request)} at {@code now}. restart: the hold is lifted; each live
     * process of the ids becomes STOPPING, to be forgotten once no process of its group remains (the
     * stop is done by the one-at-a-time stop of apply, SIGTERM then SIGKILL); a record that is done
     * (COMPLETED, STOPPED, FAILED, BACKOFF) is forgotten at once. The plan then starts each id that
     * is due now, as if it had never run: a COMPLETED oneshot runs again.
     */
    public static StateFile applyTo(StateFile s, Request r, java.time.Instant now) {
        if ("restart".equals(r.op())) {
            java.util.Objects.requireNonNull(now, "a restart is applied at an instant");
            Set<String> held = new LinkedHashSet<>(s.holds());
            held.removeAll(r.ids());
            StateFile out = s.withHolds(new ArrayList<>(held));
            for (InstanceRecord rec : s.instances()) {
                if (!r.ids().contains(rec.id())) {
                    continue;
                }
                if (rec.claimsLive()) {
                    out = out.put(rec.toBuilder().state(InstanceState.STOPPING, now).afterStop(null)
                            .note(RESTART_NOTE).build());
                } else {
                    out = out.remove(rec.id(), rec.version());
                }
            }
            return out;
        }
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
        if (!OPS.contains(r.op())) {
            throw new IOException("unknown op \"" + r.op() + "\" (hold, release or restart)");
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
