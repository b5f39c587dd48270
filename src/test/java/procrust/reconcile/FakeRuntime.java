package procrust.reconcile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import procrust.runtime.Launcher;
import procrust.runtime.ProcStat;
import procrust.runtime.ProcessTable;
import procrust.runtime.Signal;
import procrust.runtime.SpawnRequest;
import procrust.runtime.Spawned;
import procrust.runtime.Signaller;

/**
 * A recording fake of the runtime: a process table, a launcher and a signaller in one. Every effect
 * is appended to {@link #effects} ("spawn CMD", "TERM 1001", "KILL 1001"). A group obeys SIGTERM
 * (exits 143) unless its command is in {@link #ignoreTerm}; SIGKILL always works.
 */
final class FakeRuntime implements Launcher, Signaller, ProcessTable {

    static final String BOOT = "boot-1";

    final class Proc {
        final long pid;
        final long ticks;
        final SpawnRequest req;
        final CompletableFuture<Integer> exit = new CompletableFuture<>();
        char state = 'S';
        /** Members besides the leader (grandchildren) still alive after the leader exits. */
        final Set<Long> extra = new HashSet<>();

        Proc(long pid, long ticks, SpawnRequest req) {
            this.pid = pid;
            this.ticks = ticks;
            this.req = req;
        }
    }

    final List<String> effects = new ArrayList<>();
    final Map<Long, Proc> procs = new LinkedHashMap<>();
    final Set<String> ignoreTerm = new HashSet<>();
    final Map<String, String> spawnFailures = new LinkedHashMap<>();
    String bootId = BOOT;
    private long nextPid = 1001;

    @Override
    public Spawned spawn(SpawnRequest r) throws IOException {
        String fail = spawnFailures.get(r.command());
        if (fail != null) {
            effects.add("spawn-failed " + r.command());
            throw new IOException(fail);
        }
        long pid = nextPid++;
        Proc p = new Proc(pid, pid * 10, r);
        procs.put(pid, p);
        effects.add("spawn " + r.command());
        return new Spawned(pid, p.ticks, p.exit);
    }

    /** Gate events of gated spawns ("open PID", "close PID"), apart from {@link #effects}. */
    final List<String> gates = new ArrayList<>();
    /** Runs when a gate opens (to look at what is on disk at that moment). */
    java.util.function.LongConsumer onGateOpen = pid -> { };

    @Override
    public Spawned spawnGated(SpawnRequest r) throws IOException {
        Spawned s = spawn(r);
        return new Spawned(s.pid(), s.startTicks(), s.exit(), new Spawned.Gate() {
            @Override
            public void open() {
                gates.add("open " + s.pid());
                onGateOpen.accept(s.pid());
            }

            @Override
            public void close() {
                gates.add("close " + s.pid());
                exit(s.pid(), procrust.runtime.LinuxLauncher.GATE_CLOSED_EXIT);
            }
        });
    }

    /** An adopted-looking process (not spawned by this fake's launcher). */
    Proc existing(long pid, long ticks, String command) {
        Proc p = new Proc(pid, ticks, new SpawnRequest(command, null, Map.of(), java.nio.file.Path.of("/dev/null")));
        procs.put(pid, p);
        return p;
    }

    /** The leader exits with {@code code}; grandchildren in {@code extra} stay. */
    void exit(long pid, int code) {
        Proc p = procs.get(pid);
        p.state = 'X';
        p.exit.complete(code);
    }

    /** The last spawned process running this command. */
    Proc last(String command) {
        Proc found = null;
        for (Proc p : procs.values()) {
            if (p.req.command().equals(command)) {
                found = p;
            }
        }
        if (found == null) {
            throw new AssertionError("never spawned: " + command + "; effects " + effects);
        }
        return found;
    }

    @Override
    public void signalGroup(long pgid, Signal signal) {
        effects.add(signal + " " + pgid);
        Proc p = procs.get(pgid);
        if (p == null) {
            return;
        }
        if (signal == Signal.KILL || !ignoreTerm.contains(p.req.command())) {
            p.extra.clear();
            if (p.state != 'X') {
                p.state = 'X';
                p.exit.complete(signal == Signal.KILL ? 137 : 143);
            }
        }
    }

    @Override
    public Optional<ProcStat> stat(long pid) {
        Proc p = procs.get(pid);
        if (p == null || p.state == 'X') {
            return Optional.empty();
        }
        return Optional.of(new ProcStat(pid, p.state, 1, pid, pid, p.ticks));
    }

    @Override
    public String bootId() {
        return bootId;
    }

    @Override
    public List<Long> groupMembers(long pgid) {
        Proc p = procs.get(pgid);
        List<Long> out = new ArrayList<>();
        if (p == null) {
            return out;
        }
        if (p.state != 'X' && p.state != 'Z') {
            out.add(pgid);
        }
        out.addAll(p.extra);
        return out;
    }

    /** Live leaders whose spawn environment carries the uid (probes aside), as the /proc scan finds them. */
    @Override
    public List<procrust.runtime.UidGroup> groupsOfUid(String uid) {
        List<procrust.runtime.UidGroup> out = new ArrayList<>();
        for (Proc p : procs.values()) {
            Map<String, String> env = p.req.env();
            if (p.state == 'X' || !uid.equals(env.get("PROCRUST_UID")) || env.containsKey("PROCRUST_HEALTH_CHECK")) {
                continue;
            }
            out.add(new procrust.runtime.UidGroup(p.pid, new procrust.runtime.UidGroup.Leader(p.pid, p.ticks,
                    env.get("PROCRUST_ID"), env.get("PROCRUST_VERSION"), null), List.of(p.pid)));
        }
        return out;
    }

    @Override
    public boolean groupCarries(long pgid, String entry) {
        Proc p = procs.get(pgid);
        if (p == null || !p.req.env().containsKey("PROCRUST_UID")) {
            return groupAlive(pgid); // no environment to prove it by: membership alone, as ProcessTable's default
        }
        return groupAlive(pgid) && entry.equals("PROCRUST_UID=" + p.req.env().get("PROCRUST_UID"));
    }

    /** A process some earlier apply spawned for {@code uid} (found only by its environment). */
    Proc service(long pid, String uid, String id, String version, String command) {
        Proc p = new Proc(pid, pid * 10, new SpawnRequest(command, null, Map.of("PROCRUST_UID", uid, "PROCRUST_ID", id,
                "PROCRUST_VERSION", version), java.nio.file.Path.of("/dev/null")));
        procs.put(pid, p);
        return p;
    }
}
