package procrust.cli;

import java.time.Clock;
import procrust.runtime.Host;
import procrust.runtime.KillSignaller;
import procrust.runtime.LinuxLauncher;
import procrust.runtime.LinuxProcessTable;

/** The one place the Linux runtime (/proc, setsid, kill) and the system clock are chosen. */
final class LinuxHost {

    private LinuxHost() {
    }

    static Host create() {
        LinuxProcessTable table = new LinuxProcessTable();
        return new Host(new LinuxLauncher(table), new KillSignaller(), table, Clock.systemDefaultZone());
    }
}
