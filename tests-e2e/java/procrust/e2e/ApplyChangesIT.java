package procrust.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static procrust.e2e.Host.await;
import static procrust.e2e.Host.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** apply following the file and the clock: versions, windows, removals, edits (valid and not). */
class ApplyChangesIT {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss");

    @Test
    void aVersionAFewSecondsAheadReplacesTheOldOnlyAfterTheOldIsGone() throws Exception {
        try (Host h = new Host()) {
            Instant switchAt = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);
            String v2 = LOCAL.format(LocalDateTime.ofInstant(switchAt, ZoneOffset.UTC));
            h.write("""
                    [[process]]
                    id = "svc"
                    command = "trap 'echo v1 stopping; sleep 1; echo v1 gone; exit 0' TERM; echo v1 up; while :; do sleep 0.2; done"
                    apply_on = "2024-10-01T12:00:00"

                    [[process]]
                    id = "svc"
                    command = "echo v2 up $(date +%%s); exec sleep 300"
                    apply_on = "%s"
                    """.formatted(v2));
            Host.Apply a = h.apply();
            await(Duration.ofSeconds(40), "v2 up", io(() -> Files.exists(h.log("svc"))
                    && Files.readString(h.log("svc")).contains("v2 up")));
            String out = Files.readString(h.log("svc"));
            int up1 = out.indexOf("v1 up");
            int stopping = out.indexOf("v1 stopping");
            int gone = out.indexOf("v1 gone");
            int up2 = out.indexOf("v2 up");
            assertTrue(up1 >= 0 && up1 < stopping && stopping < gone && gone < up2, out);
            long started = Long.parseLong(out.substring(up2 + 6).trim().split("\\s+")[0]);
            assertTrue(started >= switchAt.getEpochSecond(), "v2 not before its apply_on: " + out);
            JsonNode rec = h.record("svc");
            assertEquals(v2, rec.path("version").asText());
            assertEquals(1, h.state().path("instances").size(), "the old version is forgotten: " + h.state());
            assertEquals(1, h.processesOf("svc").size());
            assertTrue(a.log().contains("replaced by version " + v2), a.log());
        }
    }

    @Test
    void aWindowAFewSecondsWideStartsAndStopsTheProcess() throws Exception {
        try (Host h = new Host()) {
            if (LocalTime.now(ZoneOffset.UTC).isAfter(LocalTime.of(23, 59, 40))) {
                Thread.sleep(25_000); // keep the window within one day
            }
            Instant opens = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
            Instant closes = opens.plusSeconds(4);
            h.write("""
                    [[process]]
                    id = "job"
                    command = "exec sleep 300"
                    apply_on = "2024-10-01T12:00:00"
                    schedule = { start_time = "%s", stop_time = "%s" }
                    """.formatted(HMS.format(opens.atOffset(ZoneOffset.UTC)), HMS.format(closes.atOffset(ZoneOffset.UTC))));
            Host.Apply a = h.apply();
            JsonNode st = h.status();
            if (Instant.now().isBefore(opens)) {
                assertEquals("WAITING", st.path("processes").get(0).path("state").asText(), st::toString);
            }
            await(Duration.ofSeconds(20), "running in its window", io(() -> "RUNNING".equals(h.stateOf("job"))));
            assertTrue(!Instant.now().isBefore(opens), "not before the window opens");
            await(Duration.ofSeconds(20), "stopped after the window", io(() -> "STOPPED".equals(h.stateOf("job"))));
            assertTrue(!Instant.now().isBefore(closes));
            assertTrue(h.processesOf("job").isEmpty());
            assertTrue(a.log().contains("started job@") && a.log().contains("stopped job@"), a.log());
        }
    }

    @Test
    void removingAProcessStopsItsWholeGroupGrandchildrenIncludedWithSigkillWhenNeeded() throws Exception {
        try (Host h = new Host()) {
            String keep = """
                    [[process]]
                    id = "keep"
                    command = "exec sleep 300"
                    apply_on = "2024-10-01T12:00:00"
                    """;
            h.write(keep + """

                    [[process]]
                    id = "tree"
                    command = "sh -c 'trap \\"\\" TERM; sleep 1000' & sleep 1001 & wait"
                    apply_on = "2024-10-01T12:00:00"
                    stop_timeout = "1s"
                    """);
            Host.Apply a = h.apply();
            await(Duration.ofSeconds(30), "the tree up", () -> h.processesOf("tree").size() == 4);
            h.write(keep);
            await(Duration.ofSeconds(20), "the whole tree gone", () -> h.processesOf("tree").isEmpty());
            await(Duration.ofSeconds(10), "stop recorded", () -> a.log().contains("stopped tree@"));
            assertTrue(a.log().contains("sending SIGKILL"), a.log());
            // the log line is written during the step, the state file at its end: poll for it
            await(Duration.ofSeconds(10), "a removed process is forgotten once stopped", io(() -> h.record("tree") == null));
            assertEquals(1, h.processesOf("keep").size());
        }
    }

    @Test
    void anInvalidEditIsIgnoredWhileRunningAndTheNextValidEditIsApplied() throws Exception {
        try (Host h = new Host()) {
            String a = """
                    [[process]]
                    id = "a"
                    command = "exec sleep 300"
                    apply_on = "2024-10-01T12:00:00"
                    """;
            h.write(a);
            Host.Apply ap = h.apply();
            await(Duration.ofSeconds(30), "a running", io(() -> "RUNNING".equals(h.stateOf("a"))));
            long pid = h.pidOf("a");
            h.write(a + "\n[[process]]\nid = \"b\"\ncomand = \"sleep 1\"\n");
            await(Duration.ofSeconds(20), "rejection", () -> ap.log().contains("file-rejected"));
            assertTrue(ap.log().contains("unknown-key"), ap.log());
            assertTrue(Host.alive(pid));
            assertEquals(pid, h.pidOf("a"));
            h.write(a.replace("exec sleep 300", "exec sleep 299") + """

                    [[process]]
                    id = "b"
                    command = "exec sleep 300"
                    apply_on = "2024-10-01T12:00:00"
                    """);
            await(Duration.ofSeconds(20), "b started", io(() -> "RUNNING".equals(h.stateOf("b"))));
            assertTrue(ap.log().contains("file-reloaded"), ap.log());
            assertEquals(pid, h.pidOf("a"), "an edited command does not restart a");
            Procrust.Result st = h.run("status");
            assertEquals(0, st.exit(), st::toString);
            assertTrue(st.out().contains("command changed since start: not restarted"), st::toString);
            assertTrue(st.out().contains("apply running (pid " + ap.pid() + ")"), st::toString);
        }
    }
}
