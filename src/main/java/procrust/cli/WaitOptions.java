package procrust.cli;

import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import procrust.config.read.Durations;

/** {@code --wait} and {@code --timeout D} of {@code start} and {@code restart} (a picocli mixin). */
final class WaitOptions {

    @Option(names = "--wait", description = "Return once each process is RUNNING (a oneshot: COMPLETED); "
            + "exit 1 when its start fails or it is not up in time.")
    boolean wait;

    @Option(names = "--timeout", paramLabel = "D", converter = DurationConverter.class,
            description = "How long to wait at most, like 30s or 2m (default: 30s plus the processes' "
                    + "stop_timeout and health-check timeout).")
    Duration timeout;

    /** "30s", "2m", "500ms", or seconds. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                Duration d = Durations.parseOption(value);
                if (d.isZero() || d.isNegative()) {
                    throw new CommandLine.TypeConversionException("'" + value + "' must be longer than zero");
                }
                return d;
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
