package procrust.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import procrust.runtime.ProcessTable;
import procrust.state.InstanceRecord;
import procrust.state.StateFile;

/**
 * The live processes apply watches: its own children (their exit arrives through
 * {@link java.lang.Process#onExit()}, queued for the loop's thread, and wakes it) and adopted ones
 * (not our children: looked at in /proc every {@link #ADOPTED_POLL}). Also which live instances are
 * not adopted yet (the planner shows {@code adopt} for them).
 */
final class Watches {

    /** How often processes that are not our children (adopted) are looked at in /proc. */
    static final Duration ADOPTED_POLL = Duration.ofSeconds(2);
    /**
     * One poll in this many (the first one included) is a full look: each process's /proc stat is read
     * to prove it is still the one adopted. The others only ask whether a live process has the pid
     * ({@link procrust.runtime.ProcessTable#alive}), several times cheaper: an ended process, zombie
     * or reaped, is seen at the next poll, a pid reused meanwhile within 5 polls (10 s).
     */
    static final int FULL_LOOK_EVERY = 5;

    /** The adopted processes to look at now, and whether this poll proves their identity. */
    record Poll(List<Key> keys, boolean full) {
    }

    /** A child's exit, as queued by its callback. */
    record Exit(Key key, long pid, int code) {
    }

    private final Map<Key, Long> adopted = new LinkedHashMap<>();
    private final Map<Key, Long> children = new LinkedHashMap<>();
    private final Set<Key> unadopted = new HashSet<>();
    private final ConcurrentLinkedQueue<Exit> exits = new ConcurrentLinkedQueue<>();
    private final Runnable waker;
    private Instant nextPoll = Instant.MIN;
    private long polls;

    Watches(Runnable waker) {
        this.waker = waker;
    }

    /** A live process found in the state at start: polled, and unadopted until the plan adopts it. */
    void adopt(Key k, long pid) {
        adopted.put(k, pid);
        unadopted.add(k);
    }

    /** A child just spawned. */
    void child(Key k, long pid, CompletableFuture<Integer> exit) {
        adopted.remove(k);
        unadopted.remove(k);
        children.put(k, pid);
        exit.thenAccept(code -> {
            exits.add(new Exit(k, pid, code));
            waker.run();
        });
    }

    void forget(Key k) {
        adopted.remove(k);
        children.remove(k);
        unadopted.remove(k);
    }

    /** True while {@code k} is a process apply did not start (its exit cannot be waited for). */
    boolean isAdopted(Key k) {
        return adopted.containsKey(k);
    }

    /** True the first time the plan adopts {@code k}. */
    boolean markAdopted(Key k) {
        return unadopted.remove(k);
    }

    Set<Key> unadopted() {
        return unadopted;
    }

    /** The queued exits of children, oldest first. */
    List<Exit> drainExits() {
        List<Exit> out = new ArrayList<>();
        Exit e;
        while ((e = exits.poll()) != null) {
            children.remove(e.key());
            out.add(e);
        }
        return out;
    }

    boolean exitsPending() {
        return !exits.isEmpty();
    }

    /** The adopted processes to look at now (none until the poll interval has passed). */
    Poll dueAdopted(Instant now) {
        if (adopted.isEmpty() || now.isBefore(nextPoll)) {
            return new Poll(List.of(), false);
        }
        nextPoll = now.plus(ADOPTED_POLL);
        return new Poll(new ArrayList<>(adopted.keySet()), polls++ % FULL_LOOK_EVERY == 0);
    }

    /** The wall clock stepped by {@code d}: the next look keeps its real distance. */
    void shift(java.time.Duration d) {
        if (!nextPoll.equals(Instant.MIN)) {
            nextPoll = nextPoll.plus(d);
        }
    }

    /** When adopted processes are next looked at, or null when there are none. */
    Instant nextPoll() {
        return adopted.isEmpty() ? null : nextPoll;
    }

    /** A watched process found ended: its record, its exit code (null: unknown), and whether its group
     * is provably still ours (see {@link Adoption#groupStillOurs}). */
    record Ended(InstanceRecord record, Integer code, boolean groupOurs) {
    }

    /** The children that exited, with their records (an exit of a pid the record no longer names is dropped). */
    List<Ended> exited(StateFile s) {
        List<Ended> out = new ArrayList<>();
        for (Exit e : drainExits()) {
            InstanceRecord r = s.find(e.key().id(), e.key().version()).orElse(null);
            if (r != null && r.pid() != null && r.pid() == e.pid()) {
                out.add(new Ended(r, e.code(), true));
            }
        }
        return out;
    }

    /** The adopted processes found gone (or not ours any more) at this poll, their watches forgotten. */
    List<Ended> adoptedGone(StateFile s, ProcessTable table, Instant now) {
        Poll poll = dueAdopted(now);
        if (poll.keys().isEmpty()) {
            return List.of();
        }
        Map<Key, InstanceRecord> byKey = new HashMap<>();
        for (InstanceRecord r : s.instances()) {
            byKey.put(new Key(r.id(), r.version()), r);
        }
        List<Ended> out = new ArrayList<>();
        String boot = null;
        for (Key k : poll.keys()) {
            InstanceRecord r = byKey.get(k);
            if (r == null || r.pid() == null) {
                forget(k);
                continue;
            }
            // between full looks, a live (non-zombie) process under the pid is taken for the one adopted
            if (!poll.full() && table.alive(r.pid())) {
                continue;
            }
            boot = boot == null ? table.bootId() : boot;
            Ended e = unlessStillOurs(r, table, boot);
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * Proves that the adopted process of {@code r} is still alive and the one adopted (start time, boot
     * id, not a zombie): null when it is; else its watch is forgotten and its end (exit code unknown)
     * returned, nothing signalled.
     */
    Ended unlessStillOurs(InstanceRecord r, ProcessTable table, String boot) {
        Adoption.Verdict v = Adoption.check(r, table.stat(r.pid()), boot);
        if (v == Adoption.Verdict.ALIVE) {
            return null;
        }
        forget(new Key(r.id(), r.version()));
        return new Ended(r, null, Adoption.groupStillOurs(v));
    }
}
