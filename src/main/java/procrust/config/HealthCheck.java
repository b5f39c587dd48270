package procrust.config;

import java.time.Duration;

/**
 * {@code start_health_check}: the process is RUNNING once {@code probe} succeeds; it is a failed start
 * when none did within {@code timeout} of the spawn. Attempts are {@code interval} apart.
 */
public record HealthCheck(Probe probe, Duration timeout, Duration interval) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

    public HealthCheck {
        java.util.Objects.requireNonNull(probe, "probe");
    }

    /** A command check. */
    public HealthCheck(String command, Duration timeout, Duration interval) {
        this(Probe.command(command), timeout, interval);
    }

    /** The shell command of a command check, else null. */
    public String command() {
        return probe.kind() == Probe.Kind.COMMAND ? probe.target() : null;
    }

    /**
     * The text recorded in a started instance's fingerprint: for a command check, the form earlier
     * versions wrote, so an upgrade does not report "changed since start" for every service.
     */
    @Override
    public String toString() {
        return "HealthCheck[" + (probe.kind() == Probe.Kind.COMMAND ? "command=" + probe.target()
                : probe.kind().key() + "=" + probe.target()) + ", timeout=" + timeout + ", interval=" + interval + "]";
    }
}
