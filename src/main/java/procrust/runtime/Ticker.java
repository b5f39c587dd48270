package procrust.runtime;

import java.time.Clock;

/**
 * A monotonic reading in nanoseconds ({@link System#nanoTime}, CLOCK_MONOTONIC on Linux): it never
 * steps when the wall clock is set (NTP, an operator, a VM resumed), so every duration procrust
 * measures (back-off, timeouts, intervals, uptimes) is measured on it; the wall clock
 * ({@link Clock}) is read only for what is defined in wall time: windows, {@code apply_on} and the
 * instants shown to people. Only differences of two readings mean anything (Guava's {@code Ticker}).
 */
@FunctionalInterface
public interface Ticker {

    Ticker SYSTEM = System::nanoTime;

    long nanos();

    /**
     * The ticker that goes with {@code clock}: the clock itself when it is one (a test clock that moves
     * both readings, or steps only the wall one), else the system's.
     */
    static Ticker of(Clock clock) {
        return clock instanceof Ticker t ? t : SYSTEM;
    }
}
