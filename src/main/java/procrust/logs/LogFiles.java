package procrust.logs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Log file names. A process's stdout and stderr go to {@code LOGDIR/<name>.log} where the name is the
 * id with every byte outside {@code [A-Za-z0-9_.-]} written as {@code %XX} (so "example_process 2"
 * becomes {@code example_process%202.log}). The result can never leave the log folder. The output of
 * a process's {@code command} health checks goes to {@code LOGDIR/health/<name>.log}, apart from the
 * service's own log (a folder, not a suffix: ids may contain dots, so {@code web.health.log} could be
 * the log of a process called {@code web.health}).
 */
public final class LogFiles {

    private LogFiles() {
    }

    /** The file name (no directory) for a process id. */
    public static String nameFor(String id) {
        StringBuilder sb = new StringBuilder();
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-' || (c == '.' && sb.length() > 0);
            if (plain) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        if (sb.length() == 0) {
            sb.append("%");
        }
        return sb.append(".log").toString();
    }

    /** The folder, inside the log folder, of the health checks' output. */
    public static final String HEALTH_DIR = "health";

    /** Where the output of a process's command health checks goes: {@code LOGDIR/health/<name>.log}. */
    public static Path healthFileFor(Path logDir, String id) {
        return fileFor(logDir.resolve(HEALTH_DIR), id);
    }

    /** The log file of a process id inside {@code logDir}; guaranteed to be a direct child of it. */
    public static Path fileFor(Path logDir, String id) {
        Path dir = logDir.toAbsolutePath().normalize();
        Path file = dir.resolve(nameFor(id)).normalize();
        if (!dir.equals(file.getParent())) {
            throw new IllegalArgumentException("log file for id '" + id + "' would leave " + dir);
        }
        return file;
    }
}
