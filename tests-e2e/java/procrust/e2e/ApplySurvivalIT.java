package procrust.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static procrust.e2e.Host.await;
import static procrust.e2e.Host.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** procrust dies, services live: kill -9 and adoption, SIGTERM, one apply per uid, unproven pids. */
class ApplySurvivalIT {

    private static final String TWO = """
            [[process]]
            id = "a"
            command = "exec sleep 300"
            apply_on = "2024-10-01T12:00:00"

            [[process]]
            id = "b"
            command = "sleep 301 & sleep 302"
            apply_on = "2024-10-01T12:00:00"
            depends_on = ["a"]
            """;

    @Test
    void killMinus9LeavesServicesAndTheNextApplyAdoptsThemWithoutDuplicates() throws Exception {
        try (Host h = new Host()) {
            h.write(TWO);
            Host.Apply first = h.apply();
            await(Duration.ofSeconds(30), "both running", io(() -> "RUNNING".equals(h.stateOf("a"))
                    && "RUNNING".equals(h.stateOf("b"))));
            long a = h.pidOf("a");
            long b = h.pidOf("b");
            Procrust.Result second = h.run("apply", "--once");
            assertEquals(1, second.exit(), second::toString);
            assertTrue(second.err().contains("another apply is already running") && second.err().contains("pid " + first.pid()),
                    second::toString);
            JsonNode st = h.status();
            assertEquals(first.pid(), st.path("apply_pid").asLong(), st::toString);

            new ProcessBuilder("kill", "-KILL", Long.toString(first.pid())).start().waitFor();
            assertTrue(first.process().waitFor(10, TimeUnit.SECONDS));
            assertTrue(Host.alive(a) && Host.alive(b), "services survive kill -9 of apply");
            assertTrue(h.status().path("apply_pid").isNull());

            Host.Apply next = h.apply();
            await(Duration.ofSeconds(30), "adoption of both", () -> next.log().contains("adopted a@")
                    && next.log().contains("adopted b@"));
            Thread.sleep(2500); // an adopted-process poll has passed
            assertEquals(a, h.pidOf("a"));
            assertEquals(b, h.pidOf("b"));
            assertEquals(List.of(a), h.processesOf("a"), "no duplicate of a");
            assertEquals(3, h.processesOf("b").size(), "b's shell and its two sleeps, no duplicate");
            assertFalse(next.log().contains("started "), next.log());
        }
    }

    @Test
    void sigtermEndsApplyWithinASecondAndLeavesServicesRunning() throws Exception {
        try (Host h = new Host()) {
            h.write(TWO);
            Host.Apply ap = h.apply();
            await(Duration.ofSeconds(30), "both running", io(() -> "RUNNING".equals(h.stateOf("b"))));
            long a = h.pidOf("a");
            long t0 = System.nanoTime();
            new ProcessBuilder("kill", "-TERM", Long.toString(ap.pid())).start().waitFor();
            assertTrue(ap.process().waitFor(5, TimeUnit.SECONDS), "apply ended");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 1500, "apply took " + ms + " ms to end");
            assertTrue(ap.log().contains("every service is left running"), ap.log());
            assertTrue(Host.alive(a));
            assertEquals(3, h.processesOf("b").size());
            JsonNode st = h.status();
            assertTrue(st.path("apply_pid").isNull());
            assertEquals("RUNNING", st.path("processes").get(0).path("state").asText(), st::toString);
            Procrust.Result plan = h.run("plan", "--output", "json");
            assertEquals(0, plan.exit(), plan::toString);
            JsonNode actions = Host.JSON.readTree(plan.out()).path("actions");
            assertEquals("adopt", actions.get(0).path("action").asText(), plan::toString);
            assertEquals("adopt", actions.get(1).path("action").asText(), plan::toString);
        }
    }

    @Test
    void aRecordedPidNowOwnedByAnUnrelatedProcessIsNeitherAdoptedNorSignalled() throws Exception {
        try (Host h = new Host()) {
            h.write("""
                    [[process]]
                    id = "svc"
                    command = "exec sleep 300"
                    apply_on = "2024-10-01T12:00:00"
                    """);
            Process unrelated = new ProcessBuilder("setsid", "sleep", "300")
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            h.own(unrelated.pid());
            String boot = Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).strip();
            Files.createDirectories(h.uidDir());
            Files.writeString(h.uidDir().resolve("state.json"), """
                    {"format": 1, "uid": "%s", "holds": [], "instances": [{
                      "id": "svc", "version": "2024-10-01T12:00:00", "type": "normal", "state": "RUNNING",
                      "pid": %d, "startTicks": 1, "bootId": "%s", "startedAt": "2025-01-01T00:00:00Z",
                      "since": "2025-01-01T00:00:00Z", "restarts": 0, "consecutiveFailures": 0,
                      "runningSince": "2025-01-01T00:00:00Z", "fingerprint": {}}]}
                    """.formatted(h.uid, unrelated.pid(), boot));
            Procrust.Result st = h.run("status");
            assertTrue(st.out().contains("pid now belongs to another process"), st::toString);
            Procrust.Result r = h.run("apply", "--once");
            assertEquals(0, r.exit(), r::toString);
            assertTrue(r.err().contains("pid " + unrelated.pid() + ": pid now belongs to another process"), r::toString);
            assertTrue(unrelated.isAlive(), "the unrelated process was not signalled");
            long svc = h.pidOf("svc");
            assertNotEquals(unrelated.pid(), svc);
            assertTrue(Host.alive(svc), "svc started anew");
        }
    }

    @Test
    void aCorruptStateFileIsMovedAsideAndReported() throws Exception {
        try (Host h = new Host()) {
            h.write("""
                    [[process]]
                    id = "svc"
                    command = "exec sleep 300"
                    apply_on = "2024-10-01T12:00:00"
                    """);
            Files.createDirectories(h.uidDir());
            Files.writeString(h.uidDir().resolve("state.json"), "{\"format\": 1, \"uid\": tr");
            Procrust.Result st = h.run("status");
            assertEquals(3, st.exit(), st::toString);
            assertTrue(st.out().contains("is unusable"), st::toString);
            Procrust.Result r = h.run("apply", "--once");
            assertEquals(0, r.exit(), r::toString);
            assertTrue(r.err().contains("moved to state.json.corrupt-"), r::toString);
            try (Stream<Path> s = Files.list(h.uidDir())) {
                assertTrue(s.anyMatch(p -> p.getFileName().toString().startsWith("state.json.corrupt-")));
            }
            assertEquals("RUNNING", h.stateOf("svc"));
        }
    }

    @Test
    void asRootAFileOthersCanChangeIsRefusedAndNothingStarts() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "needs root");
        try (Host h = new Host()) {
            h.write("""
                    [[process]]
                    id = "svc"
                    command = "exec sleep 300"
                    apply_on = "2024-10-01T12:00:00"
                    """);
            Files.setPosixFilePermissions(h.config, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--"));
            Procrust.Result r = h.run("apply", "--once");
            assertEquals(1, r.exit(), r::toString);
            assertTrue(r.err().contains("insecure-file"), r::toString);
            assertTrue(h.processesOf("svc").isEmpty());
        }
    }
}
