package procrust.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import procrust.config.Config;
import procrust.config.ProcessSpec;
import procrust.config.ProcessType;
import procrust.plan.InstanceState;
import procrust.runtime.ProcessTable;
import procrust.runtime.Signal;
import procrust.runtime.Signaller;
import procrust.runtime.Ticker;
import procrust.runtime.UidGroup;
import procrust.state.InstanceRecord;
import procrust.state.StateFile;

/**
 * Never a second copy, whatever the state file lost (SPEC §6): at apply's start, the process groups
 * whose members carry this uid's {@code PROCRUST_UID} ({@link ProcessTable#groupsOfUid}) are set
 * against the verified state. A group the state already names is left to it. A leader the state does
 * not name is recorded under the id and version its environment carries, with the pid, start time
 * and boot id read from {@code /proc} (the proof every later signal checks again); the plan then adopts
 * it when it is the active version and wanted, and stops it otherwise (an old version, a removed id,
 * a closed window, a hold), one stop at a time, as for any recorded instance. Only what cannot be
 * recorded is stopped here, before anything is planned: a second copy of an instance the state
 * already names alive, and the remnant of a group whose leader is gone. A leader that carries the
 * uid without an id or version is not procrust's spawn: it is left alone, and so is a group whose
 * leader is alive but no longer shows the uid (a program that rewrote its environment).
 */
public final class EnvironRecovery {

    /** A group to stop before anything is planned, and why. */
    record Stray(UidGroup group, Key key, String why) {
    }

    /** The state with the found leaders recorded, and the groups to stop. */
    record Found(StateFile state, List<Key> recorded, List<Stray> strays, List<String> leftAlone) {
    }

    private EnvironRecovery() {
    }

    static Found sort(StateFile verified, Config config, List<UidGroup> groups, ProcessTable table,
                      WindowOpening windows, Instant now) {
        Set<Long> known = new HashSet<>();
        for (InstanceRecord r : verified.instances()) {
            if (r.pid() != null && (r.claimsLive() || r.state() == InstanceState.STOPPING)) {
                known.add(r.pid());
            }
        }
        StateFile s = verified;
        List<Key> recorded = new ArrayList<>();
        List<Stray> strays = new ArrayList<>();
        List<String> alone = new ArrayList<>();
        String boot = table.bootId();
        for (UidGroup g : groups) {
            if (known.contains(g.pgid())) {
                continue;
            }
            UidGroup.Leader l = g.leader();
            if (l == null) {
                if (table.alive(g.pgid())) {
                    alone.add("process group " + g.pgid() + ": its members carry this uid but its leader does not "
                            + "show it (a program that rewrote its environment?): left alone");
                } else {
                    strays.add(new Stray(g, null, "the rest of process group " + g.pgid() + " (pids " + g.members()
                            + ") outlived its leader, which no state names"));
                }
                continue;
            }
            if (l.id() == null || l.version() == null) {
                alone.add("pid " + l.pid() + " carries this uid but no PROCRUST_ID and PROCRUST_VERSION: not a "
                        + "procrust spawn, left alone");
                continue;
            }
            Key k = new Key(l.id(), l.version());
            InstanceRecord was = s.find(k.id(), k.version()).orElse(null);
            if (was != null && was.pid() != null && (was.claimsLive() || was.state() == InstanceState.STOPPING)) {
                strays.add(new Stray(g, k, "a second copy of " + k + " (pid " + l.pid() + ") beside pid " + was.pid()
                        + ", which the state names"));
                continue;
            }
            ProcessSpec spec = Entries.entry(config, k);
            boolean checked = spec != null && spec.healthCheck() != null;
            Instant started = l.startedAt() == null ? now : l.startedAt();
            String type = spec != null ? spec.type().wire() : was != null && was.type() != null ? was.type() : "normal";
            InstanceRecord base = was != null ? was : InstanceRecord.fresh(k.id(), k.version(), type, now);
            InstanceRecord.Builder b = base.toBuilder()
                    .process(type, l.pid(), l.startTicks(), boot, started, spec != null ? spec.fingerprint() : base.fingerprint())
                    .state(checked ? InstanceState.PENDING_HEALTH_CHECK : InstanceState.RUNNING, now)
                    .runningSince(checked ? null : started)
                    .note("found by its environment (PROCRUST_UID) while the state did not name it"
                            + (checked ? "; its health check runs again" : ""));
            if (spec != null && spec.type() == ProcessType.ONESHOT) {
                b.completedWindow(windows.openingOf(spec, config.zone(), now));
            }
            s = s.put(b.build());
            known.add(g.pgid());
            recorded.add(k);
        }
        return new Found(s, recorded, strays, alone);
    }

    /**
     * The groups carrying this uid that the state does not name as live (for {@code status}: services
     * the state does not know, perhaps of an apply given another state dir).
     */
    public static List<UidGroup> unnamed(StateFile verified, List<UidGroup> groups) {
        Set<Long> known = new HashSet<>();
        for (InstanceRecord r : verified.instances()) {
            if (r.pid() != null && (r.claimsLive() || r.state() == InstanceState.STOPPING)) {
                known.add(r.pid());
            }
        }
        return groups.stream().filter(g -> !known.contains(g.pgid())).toList();
    }

    /**
     * Stops each stray group, one at a time: SIGTERM, SIGKILL after {@code stop_timeout} (its entry's,
     * else the default), done when no member is left (given up, with an error, 5 s after SIGKILL). The
     * lengths are measured on the monotonic clock. Returns how many groups are gone.
     */
    static int stop(List<Stray> strays, Config config, ProcessTable table, Signaller signaller, Ticker ticker,
                    EventLog log) throws InterruptedException {
        int gone = 0;
        for (Stray st : strays) {
            long pgid = st.group().pgid();
            if (!table.groupCarries(pgid, "PROCRUST_UID=" + config.uid())) {
                gone++; // ended meanwhile (or no longer provably ours: never signalled then)
                continue;
            }
            ProcessSpec spec = st.key() == null ? null : Entries.entry(config, st.key());
            Duration timeout = spec == null ? ProcessSpec.DEFAULT_STOP_TIMEOUT : spec.stopTimeout();
            log.warn("stray", st.key(), st.why() + ": SIGTERM to process group " + pgid + " (stop_timeout "
                    + HealthOp.human(timeout) + ")");
            signaller.signalGroup(pgid, Signal.TERM);
            if (waitGone(table, pgid, ticker, timeout)) {
                gone++;
                log.info("stopped", st.key(), "stray process group " + pgid + " stopped");
                continue;
            }
            log.warn("kill", st.key(), "stray process group " + pgid + " still running after SIGTERM: SIGKILL");
            signaller.signalGroup(pgid, Signal.KILL);
            if (waitGone(table, pgid, ticker, StopOp.KILL_GRACE)) {
                gone++;
                log.info("stopped", st.key(), "stray process group " + pgid + " stopped (SIGKILL)");
            } else {
                log.log(EventLog.Level.ERROR, "stop-stuck", st.key(), "stray process group " + pgid
                        + " survives SIGKILL (uninterruptible sleep?)");
            }
        }
        return gone;
    }

    private static boolean waitGone(ProcessTable table, long pgid, Ticker ticker, Duration limit)
            throws InterruptedException {
        long end = ticker.nanos() + limit.toNanos();
        long pause = 2;
        while (table.groupAlive(pgid)) {
            if (ticker.nanos() - end >= 0) {
                return false;
            }
            Thread.sleep(pause);
            pause = Math.min(100, pause * 2);
        }
        return true;
    }
}
