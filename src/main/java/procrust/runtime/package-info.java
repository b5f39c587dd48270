/**
 * Process control on Linux: spawn in a new session (setsid, /bin/sh -c, output appended to a log
 * file), signal whole process groups, read identity and liveness from /proc. The Linux
 * implementations are chosen once, in cli, as a {@link procrust.runtime.Host}. May import: java only.
 */
package procrust.runtime;
