package procrust.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static procrust.e2e.Host.await;
import static procrust.e2e.Host.io;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Points of SPEC §3-§4 found wrong by an audit through bin/procrust, each kept as a regression test. */
class ApplyContractIT {

    @Test
    void sigtermAndSigintEndApplyWithStatusZeroAndLeaveTheServiceRunning() throws Exception {
        // SPEC §4: apply exits 0 unless a start or stop failed; a stop by signal is a clean stop (systemd
        // counts any other status, 143 included, as the unit having failed)
        try (Host h = new Host()) {
            h.write("""
                    [[process]]
                    id = "svc"
                    command = "exec sleep 300"
                    apply_on = "2024-10-01T12:00:00"
                    """);
            for (String signal : List.of("TERM", "INT")) {
                Host.Apply ap = h.apply();
                await(Duration.ofSeconds(30), "svc running under apply " + ap.pid(),
                        io(() -> "RUNNING".equals(h.stateOf("svc")) && ap.log().contains("svc@")));
                long svc = h.pidOf("svc");
                new ProcessBuilder("kill", "-" + signal, Long.toString(ap.pid())).start().waitFor();
                assertTrue(ap.process().waitFor(10, TimeUnit.SECONDS), "apply ended on SIG" + signal);
                assertEquals(0, ap.process().exitValue(), () -> "SIG" + signal + "\n" + ap.log());
                assertTrue(Host.alive(svc), "svc left running by SIG" + signal);
            }
        }
    }

    @Test
    void aStopWaitingOnAnApplyThatEndsMidStopFinishesTheStopItself() throws Exception {
        // procrust stop hands the stop to the running apply and waits; when that apply ends (SIGTERM)
        // before the stop is done, the command must not sit out its whole limit and then claim "apply
        // keeps stopping them": no apply is left to do it, so the command finishes the stop itself
        try (Host h = new Host()) {
            h.write("""
                    [[process]]
                    id = "stubborn"
                    command = "trap '' TERM; while :; do sleep 0.2; done"
                    apply_on = "2024-10-01T12:00:00"
                    stop_timeout = "3s"
                    """);
            Host.Apply ap = h.apply();
            await(Duration.ofSeconds(30), "stubborn running", io(() -> "RUNNING".equals(h.stateOf("stubborn"))));
            ProcessBuilder pb = new ProcessBuilder(Procrust.launcher().toString(), "stop", "stubborn",
                    "-c", h.config.toString(), "--state-dir", h.stateDir.toString())
                    .redirectErrorStream(true).redirectOutput(h.dir.resolve("stop.out").toFile());
            pb.environment().remove("PROCRUST_CONFIG");
            pb.environment().remove("PROCRUST_STATE_DIR");
            Process stop = pb.start();
            try {
                await(Duration.ofSeconds(30), "apply stopping stubborn", io(() -> "STOPPING".equals(h.stateOf("stubborn"))));
                new ProcessBuilder("kill", "-TERM", Long.toString(ap.pid())).start().waitFor();
                assertTrue(ap.process().waitFor(10, TimeUnit.SECONDS), "apply ended");
                assertTrue(stop.waitFor(60, TimeUnit.SECONDS), "procrust stop ended");
                String out = java.nio.file.Files.readString(h.dir.resolve("stop.out"));
                assertEquals(0, stop.exitValue(), out);
                assertTrue(out.contains("stubborn: stopped and held"), out);
                assertEquals(List.of(), h.processesOf("stubborn"), out);
            } finally {
                stop.destroyForcibly();
            }
        }
    }
}
