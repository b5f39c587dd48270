package procrust.reconcile;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * SIGHUP to apply: re-read the file, as an edit does (SPEC §6; supervisord's and most daemons'
 * convention, and what {@code systemctl reload} sends through the unit's {@code ExecReload}). The
 * JVM's default would run the shutdown hooks and end apply; this handler only raises a flag and wakes
 * the loop, which reloads on its own thread. Where the JVM does not let a handler be installed
 * (started with -Xrs, or HUP ignored by the parent: nohup), the default stays and that is logged.
 */
final class Hangup {

    private final AtomicBoolean requested = new AtomicBoolean();

    /** Installs the handler, which calls {@code wake}; returns why it could not, or null. */
    String install(Runnable wake) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), sig -> {
                requested.set(true);
                wake.run();
            });
            return null;
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return e.getMessage();
        }
    }

    /** True once per SIGHUP received since the last call. */
    boolean take() {
        return requested.getAndSet(false);
    }
}
