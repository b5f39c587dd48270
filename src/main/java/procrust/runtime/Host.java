package procrust.runtime;

import java.time.Clock;

/**
 * The processes of the machine procrust runs on and its clock: how to spawn, signal and look at
 * processes, and what time it is. Chosen once, at the edge (the command line picks Linux and the
 * system clock), and passed down; tests pass fakes.
 */
public record Host(Launcher launcher, Signaller signaller, ProcessTable table, Clock clock) {
}
