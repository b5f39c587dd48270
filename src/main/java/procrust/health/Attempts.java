package procrust.health;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import procrust.config.Probe;
import procrust.logs.LogLineWatch;
import procrust.runtime.Launcher;
import procrust.runtime.NetProbes;
import procrust.runtime.ProbeResult;
import procrust.runtime.ProcessTable;
import procrust.runtime.Signal;
import procrust.runtime.Signaller;
import procrust.runtime.SpawnRequest;
import procrust.runtime.Spawned;

/**
 * Starts attempts of each kind of probe. {@code command}: spawned through the same launcher as the
 * service (its own session and process group, the service's environment and user), output to the
 * health-check log; at its deadline its whole group gets SIGKILL. {@code http}/{@code tcp}: made by
 * {@link NetProbes}, no process, ended by their own timer. {@code log_line}: a look at the log
 * ({@link LogLineWatch}), over at once.
 */
public final class Attempts implements AttemptStarter {

    private final NetProbes net;
    private final Launcher launcher;
    private final Signaller signaller;
    private final ProcessTable table;

    public Attempts(NetProbes net, Launcher launcher, Signaller signaller, ProcessTable table) {
        this.net = net;
        this.launcher = launcher;
        this.signaller = signaller;
        this.table = table;
    }

    @Override
    public Attempt start(Probe probe, Instant now, Instant deadline, Supplier<SpawnRequest> command,
                         LogLineWatch watch, Runnable wake) {
        Duration timeout = Duration.between(now, deadline);
        if (timeout.isNegative() || timeout.isZero()) {
            timeout = Duration.ofMillis(1);
        }
        switch (probe.kind()) {
            case HTTP:
                return future(net.http(probe.uri(), timeout), wake);
            case TCP:
                return future(net.tcp(probe.host(), probe.port(), timeout), wake);
            case LOG_LINE:
                return done(logLine(watch));
            default:
                return command(command.get(), deadline, wake);
        }
    }

    private static ProbeResult logLine(LogLineWatch watch) {
        if (watch == null) {
            return ProbeResult.failed("the log is not being watched");
        }
        try {
            return watch.poll() ? ProbeResult.ok("log line: " + watch.matchedLine())
                    : ProbeResult.failed("no matching line in the log yet");
        } catch (IOException e) {
            return ProbeResult.failed("cannot read the log: " + e.getMessage());
        }
    }

    private Attempt command(SpawnRequest request, Instant deadline, Runnable wake) {
        Spawned sp;
        try {
            sp = launcher.spawn(request);
        } catch (IOException | RuntimeException e) {
            return done(ProbeResult.failed("could not start: " + e.getMessage()));
        }
        sp.exit().thenRun(wake);
        return new CommandAttempt(sp, deadline);
    }

    private static Attempt future(CompletableFuture<ProbeResult> f, Runnable wake) {
        f.thenRun(wake);
        return new Attempt() {
            @Override
            public ProbeResult poll(Instant now) {
                return f.getNow(null);
            }

            @Override
            public Instant deadline() {
                return null;
            }

            @Override
            public void cancel() {
                f.cancel(true);
            }
        };
    }

    private static Attempt done(ProbeResult r) {
        return new Attempt() {
            @Override
            public ProbeResult poll(Instant now) {
                return r;
            }

            @Override
            public Instant deadline() {
                return null;
            }

            @Override
            public void cancel() {
            }
        };
    }

    /** A spawned check: its exit status, or SIGKILL to its group at the deadline. */
    private final class CommandAttempt implements Attempt {
        private final Spawned sp;
        private final Instant deadline;
        private boolean over;

        CommandAttempt(Spawned sp, Instant deadline) {
            this.sp = sp;
            this.deadline = deadline;
        }

        @Override
        public ProbeResult poll(Instant now) {
            if (sp.exit().isDone()) {
                int code = sp.exit().getNow(-1);
                endGroup(Signal.TERM); // what it left behind in its group
                return code == 0 ? ProbeResult.ok("exit 0") : ProbeResult.failed(exitWords(code));
            }
            if (!now.isBefore(deadline)) {
                endGroup(Signal.KILL);
                return ProbeResult.failed("still running at its timeout: process group " + sp.pid() + " killed");
            }
            return null;
        }

        @Override
        public Instant deadline() {
            return deadline;
        }

        @Override
        public void cancel() {
            endGroup(Signal.KILL);
        }

        private void endGroup(Signal s) {
            if (!over && table.groupAlive(sp.pid())) {
                signaller.signalGroup(sp.pid(), s);
            }
            over = true;
        }
    }

    static String exitWords(int code) {
        return code > 128 && code < 160 ? "killed by signal " + (code - 128) : "exit " + code;
    }
}
