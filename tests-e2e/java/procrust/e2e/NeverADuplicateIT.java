package procrust.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static procrust.e2e.Host.await;
import static procrust.e2e.Host.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * SPEC §6 "Never a duplicate, whatever is lost": with ten services running, the state file is deleted,
 * truncated or corrupted, or apply is given another state dir; apply, killed with SIGKILL during the
 * recovery and started again, keeps the same pids and never starts a second copy (a /proc sampler
 * looks for two groups of one id all along).
 */
class NeverADuplicateIT {

    static final int N = 10;
    static final String PROBE = "never-dup-probe";

    /** Ten services: exec'd leaders, shells with children, one behind a health check. */
    static String tenServices() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < N; i++) {
            sb.append("[[process]]\nid = \"s").append(i).append("\"\n");
            sb.append("command = \"").append(i % 2 == 0 ? "exec sleep 1000" : "sleep 1000 & sleep 1001").append("\"\n");
            sb.append("apply_on = \"2024-10-01T12:00:00\"\n");
            if (i == N - 1) {
                sb.append("start_health_check = { command = \"true ").append(PROBE).append("\", interval = \"200ms\" }\n");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Every service RUNNING under its recorded pid, as status (JSON) tells it. */
    static Map<String, Long> running(Host h) throws java.io.IOException {
        Map<String, Long> out = new TreeMap<>();
        JsonNode st;
        try {
            st = h.status();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException();
        }
        for (JsonNode p : st.path("processes")) {
            if ("RUNNING".equals(p.path("state").asText()) && !p.path("pid").isNull()) {
                out.put(p.path("id").asText(), p.path("pid").asLong());
            }
        }
        return out;
    }

    private static Map<String, Long> allRunning(Host h) throws Exception {
        await(Duration.ofSeconds(60), "all " + N + " services RUNNING", io(() -> running(h).size() == N));
        return running(h);
    }

    private static void kill9(Host.Apply ap) throws Exception {
        ap.process().destroyForcibly();
        assertTrue(ap.process().waitFor(10, TimeUnit.SECONDS), "apply died");
    }

    private static void damage(Host h, String how) throws Exception {
        Path f = h.uidDir().resolve("state.json");
        // an apply killed after moving a damaged file aside and before writing anew leaves none
        byte[] bytes = Files.exists(f) ? Files.readAllBytes(f) : "{\n  \"format\" : 1,\n  \"uid\" : \"".getBytes();
        switch (how) {
            case "deleted" -> Files.deleteIfExists(f);
            case "truncated" -> Files.write(f, java.util.Arrays.copyOf(bytes, Math.min(bytes.length, Math.max(8, bytes.length / 3))));
            case "corrupt" -> Files.write(f, new byte[] {'{', 0, 0x7f, (byte) 0xff, '"', 'x'});
            default -> throw new AssertionError(how);
        }
    }

    /** The same pids, one group per id, every one of them a service the state names. */
    private static void sameServices(Host h, Map<String, Long> before, Host.Apply ap) throws Exception {
        await(Duration.ofSeconds(60), "the same " + N + " pids RUNNING again", io(() -> running(h).equals(before)));
        Census c = Census.of(h.uid);
        Map<String, Set<Long>> groups = c.groupsById(PROBE);
        for (Map.Entry<String, Long> e : before.entrySet()) {
            assertEquals(Set.of(e.getValue()), groups.get(e.getKey()), () -> e.getKey() + ":\n" + c + "\n" + ap.log());
        }
        assertEquals(N, groups.size(), c::toString);
    }

    @ParameterizedTest(name = "state {0}")
    @ValueSource(strings = {"deleted", "truncated", "corrupt"})
    void aLostStateNeverLeadsToASecondCopyEvenWhenApplyIsKilledDuringTheRecovery(String how) throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        try (Host h = new Host(); CrashAnywhereIT.Sampler sampler = new CrashAnywhereIT.Sampler(h.uid, PROBE)) {
            h.write(tenServices());
            Host.Apply first = h.apply();
            Map<String, Long> before = allRunning(h);
            kill9(first);
            // damaged, then apply killed in the middle of its recovery, damaged again ... three times
            for (int i = 0; i < 3; i++) {
                damage(h, how);
                Host.Apply ap = h.apply();
                long ms = 300 + random.nextInt(2500);
                if (!ap.process().waitFor(ms, TimeUnit.MILLISECONDS)) {
                    kill9(ap);
                }
            }
            damage(h, how);
            Host.Apply last = h.apply();
            sameServices(h, before, last);
            String log = last.log();
            assertTrue(log.contains("found s0@") || log.contains("adopted s0@"), log);
            if (!"deleted".equals(how)) {
                assertTrue(log.contains("state-corrupt"), log);
            }
            assertTrue(sampler.violations().isEmpty(), () -> "[seed " + seed + "] " + sampler.violations());
        }
    }

    @Test
    void twoAppliesOfOneUidWithTwoStateDirsExcludeEachOtherAndTheSecondAdoptsAfterTheFirst() throws Exception {
        try (Host h = new Host(); CrashAnywhereIT.Sampler sampler = new CrashAnywhereIT.Sampler(h.uid, PROBE)) {
            h.write(tenServices());
            Host.Apply first = h.apply();
            Map<String, Long> before = allRunning(h);
            Path other = h.dir.resolve("other-state");
            Host.Apply second = h.applyIn(other, Map.of());
            assertTrue(second.process().waitFor(60, TimeUnit.SECONDS), "the second apply ends");
            assertEquals(1, second.process().exitValue(), second::log);
            String err = second.log();
            assertTrue(err.contains("another apply is already running") && err.contains("pid " + first.pid())
                    && err.contains("state dir " + h.stateDir), err);
            assertTrue(first.process().isAlive());
            // with apply killed, an apply given the other state dir finds the services and adopts them
            kill9(first);
            Host.Apply third = h.applyIn(other, Map.of());
            await(Duration.ofSeconds(60), "found and adopted", () -> third.log().contains("adopted s0@"));
            Thread.sleep(2500); // an adopted-process poll has passed
            Census c = Census.of(h.uid);
            Map<String, Set<Long>> groups = c.groupsById(PROBE);
            for (Map.Entry<String, Long> e : before.entrySet()) {
                assertEquals(Set.of(e.getValue()), groups.get(e.getKey()), () -> e.getKey() + ":\n" + c + "\n" + third.log());
            }
            assertTrue(Files.exists(other.resolve(h.uid).resolve("state.json")));
            List<String> v = new ArrayList<>(sampler.violations());
            assertTrue(v.isEmpty(), v::toString);
        }
    }
}
