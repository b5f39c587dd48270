package procrust.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static procrust.e2e.Host.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Crash anywhere: {@code procrust apply} runs a busy file ({@link BusyFile}: versions switching, windows
 * opening and closing, a crashing service, health checks, a dependency, grandchildren, a stop that
 * ignores SIGTERM) and is killed with SIGKILL at random moments, then started again, over and over.
 * Checked all along by a /proc sampler: never two process groups of one id alive at once. Checked after
 * every kill: the state file parses and nothing was moved aside as corrupt; every live process of this
 * uid (health-check probes aside: they end by themselves) belongs to a group the state file names as
 * live (unless the state file was deleted and no apply wrote it since). After one kill in four the
 * state file is deleted as well: the next apply finds the services by their environment. At the end (a
 * settled file, apply left running): the host matches the plan and status.
 *
 * <p>20 kills in {@code verify}; {@code -Dprocrust.crash.kills=200} (or {@code PROCRUST_CRASH_KILLS}) for
 * the full run ({@code bench/crash-anywhere.sh}); {@code -Dprocrust.crash.seed=N} replays a sequence.
 */
class CrashAnywhereIT {

    /** The name the gate shell of a start not yet let run carries in its command line. */
    static final String GATE = "procrust-gate";

    static int kills() {
        String p = System.getProperty("procrust.crash.kills", System.getenv("PROCRUST_CRASH_KILLS"));
        return p == null || p.isBlank() ? 20 : Integer.parseInt(p.strip());
    }

    @Test
    void killMinus9AtRandomMomentsNeverDuplicatesLosesOrCorrupts() throws Exception {
        int kills = kills();
        long seed = Long.getLong("procrust.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        String tag = "[seed " + seed + "] ";
        Instant t0 = Instant.now();
        Duration span = Duration.ofSeconds(10L + kills * 3L);
        try (Host h = new Host(); Sampler sampler = new Sampler(h.uid)) {
            h.write(BusyFile.text(t0, span, t0.plus(span), false));
            List<String> problems = new ArrayList<>();
            int deletions = 0;
            boolean deletePending = false;
            // how long an apply takes from its launch to its first event line (after its recovery), learnt as the
            // run goes: a loaded machine starts a JVM in seconds, and kills all made before that test nothing
            long startup = 1500;
            int pastStartup = 0;
            for (int i = 0; i < kills && problems.isEmpty(); i++) {
                Host.Apply ap = h.apply();
                long launched = System.nanoTime();
                // from "JVM barely up" (in the middle of the recovery) to "several steps done"; now and then longer
                long ms = (long) (startup * (0.5 + 0.7 * random.nextDouble()))
                        + (random.nextInt(10) == 0 ? 3000 + random.nextInt(4000) : random.nextInt(2300));
                long seen = -1;
                boolean ended = false;
                while (System.nanoTime() - launched < ms * 1_000_000L) {
                    if (seen < 0 && ap.log().contains(" apply: pid ")) {
                        seen = (System.nanoTime() - launched) / 1_000_000L;
                    }
                    if (ap.process().waitFor(20, TimeUnit.MILLISECONDS)) {
                        ended = true;
                        break;
                    }
                }
                if (ended) {
                    problems.add("kill " + i + ": apply ended by itself: " + ap.log());
                    break;
                }
                if (seen >= 0) {
                    startup = (startup * 3 + seen) / 4;
                    pastStartup++;
                } else {
                    startup = Math.min(15_000, startup * 9 / 8); // killed before it: the machine is slower than thought
                }
                ap.process().destroyForcibly(); // SIGKILL
                assertTrue(ap.process().waitFor(10, TimeUnit.SECONDS), "apply died");
                problems.addAll(afterKill(h, i, ms));
                // after one kill in four the state is lost as well (or at the next kill after which there is one
                // again: an apply killed before it wrote what it found leaves none): the next apply finds the
                // services by their environment
                deletePending |= i % 4 == 2;
                if (deletePending && Files.deleteIfExists(h.uidDir().resolve("state.json"))) {
                    deletions++;
                    deletePending = false;
                }
            }
            problems.addAll(sampler.violations());
            assertTrue(problems.isEmpty(), () -> tag + kills + " kills:\n" + String.join("\n", problems));

            // the end: versions up to now, nothing crashing; apply runs until the host matches the plan
            Instant now = Instant.now();
            h.write(BusyFile.text(t0, span, now, true));
            Host.Apply last = h.apply();
            await(Duration.ofSeconds(180), tag + "host settled (plan without changes, status 0)", () -> settled(h));
            Census c = Census.of(h.uid);
            JsonNode st = h.status();
            Map<String, Set<Long>> groups = c.groupsById(BusyFile.PROBE);
            for (JsonNode p : st.path("processes")) {
                String id = p.path("id").asText();
                if ("RUNNING".equals(p.path("state").asText())) {
                    long pid = p.path("pid").asLong();
                    assertEquals(Set.of(pid), groups.get(id), () -> tag + id + ": status " + p + "\n" + c);
                    assertTrue(c.inGroup(pid).stream().allMatch(x -> x.version().equals(p.path("version").asText())),
                            () -> tag + id + " runs another version than status says:\n" + c);
                } else {
                    assertTrue(!groups.containsKey(id), () -> tag + id + " is " + p.path("state") + " but runs:\n" + c
                            + "\nstatus: " + p + "\nthe last apply's log:\n" + last.log());
                }
            }
            assertTrue(sampler.violations().isEmpty(), () -> tag + String.join("\n", sampler.violations()));
            new ProcessBuilder("kill", "-TERM", Long.toString(last.pid())).start().waitFor();
            assertTrue(last.process().waitFor(10, TimeUnit.SECONDS));
            System.out.println("crash-anywhere: " + kills + " kills (" + pastStartup + " after apply's first event, last "
                    + "start-up " + startup + " ms), " + deletions + " state deletions, " + tag + sampler.groupsSeen()
                    + " distinct service process groups seen, " + sampler.samples() + " samples, no violation");
        }
    }

    private static boolean settled(Host h) {
        try {
            Procrust.Result plan = h.run("plan", "--detailed-exitcode");
            Procrust.Result status = h.run("status");
            return plan.exit() == 0 && status.exit() == 0;
        } catch (Exception | AssertionError e) {
            return false; // a command that did not finish in time (a loaded machine): look again
        }
    }

    /** The invariants that must hold whenever apply is dead. */
    private static List<String> afterKill(Host h, int i, long ms) throws Exception {
        List<String> out = new ArrayList<>();
        String at = "after kill " + i + " (" + ms + " ms after the start of apply): ";
        try (Stream<Path> s = Files.list(h.uidDir())) {
            s.filter(p -> p.getFileName().toString().contains("corrupt")).forEach(p -> out.add(at + "state moved aside: " + p));
        } catch (java.nio.file.NoSuchFileException e) {
            // killed before it made its folder
        }
        JsonNode state;
        try {
            state = h.state();
        } catch (Exception e) {
            out.add(at + "state.json does not parse: " + e.getMessage());
            return out;
        }
        Census c = Census.of(h.uid);
        // a start apply had not yet let run when it died: its gate sees end of file and exits at once
        long end = System.nanoTime() + 3_000_000_000L;
        while (!c.groupsWith(GATE).isEmpty() && System.nanoTime() < end) {
            Thread.sleep(20);
            c = Census.of(h.uid);
        }
        if (!c.groupsWith(GATE).isEmpty()) {
            out.add(at + "a gated start outlived apply by 3 s:\n" + c);
        }
        Set<Long> probes = c.groupsWith(BusyFile.PROBE);
        List<Long> live = new ArrayList<>();
        for (JsonNode r : state.path("instances")) {
            String st = r.path("state").asText();
            if (!r.path("pid").isNull() && Set.of("RUNNING", "PENDING_HEALTH_CHECK", "STOPPING", "SCHEDULED_STOP").contains(st)) {
                live.add(r.path("pid").asLong());
            }
        }
        final Census census = c;
        // a state deleted before this run and not yet written again (apply killed before it recorded what
        // it found): its services carry the uid and are found by the next apply; duplicates still count
        boolean stateLost = !Files.exists(h.uidDir().resolve("state.json"));
        for (Census.Proc p : census.procs()) {
            if (!stateLost && !probes.contains(p.pgid()) && !live.contains(p.pgid())) {
                out.add(at + "untracked process " + p.pid() + " (group " + p.pgid() + ", " + p.id() + "@" + p.version()
                        + ": " + p.cmdline() + "); state: " + state);
            }
        }
        census.duplicates(BusyFile.PROBE).forEach((id, g) -> out.add(at + "two groups of " + id + ": " + g + "\n" + census));
        return out;
    }

    /** Samples /proc every 50 ms for two live groups of one id. */
    static final class Sampler implements AutoCloseable {
        private final Thread thread;
        private final List<String> violations = new ArrayList<>();
        private final Set<Long> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private volatile int samples;
        private volatile boolean stop;

        Sampler(String uid) {
            this(uid, BusyFile.PROBE);
        }

        /** {@code probe}: the marker in health-check probes' command lines (their groups do not count). */
        Sampler(String uid, String probe) {
            thread = new Thread(() -> {
                while (!stop) {
                    Census c = Census.of(uid);
                    c.groupsById(probe).values().forEach(seen::addAll);
                    samples++;
                    Map<String, Set<Long>> d = c.duplicates(probe);
                    if (!d.isEmpty()) {
                        // a group caught between its leader's exit and its last member's: look again
                        Census again = Census.of(uid);
                        Map<String, Set<Long>> d2 = again.duplicates(probe);
                        d2.keySet().retainAll(d.keySet());
                        synchronized (violations) {
                            if (!d2.isEmpty() && violations.size() < 5) {
                                violations.add(Instant.now() + ": two process groups of one id alive at once: " + d2
                                        + "\n" + again);
                            }
                        }
                    }
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "census-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        int groupsSeen() {
            return seen.size();
        }

        int samples() {
            return samples;
        }

        List<String> violations() {
            synchronized (violations) {
                return List.copyOf(violations);
            }
        }

        @Override
        public void close() throws InterruptedException {
            stop = true;
            thread.interrupt();
            thread.join(2000);
        }
    }
}
