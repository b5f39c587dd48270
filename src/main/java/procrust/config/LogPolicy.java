package procrust.config;

/**
 * Log rotation by size: rotate past {@code maxSize} bytes, keep {@code keep} old files; and who may
 * read the logs: {@code group} (log_group, a group name or number; null: only procrust's user).
 */
public record LogPolicy(long maxSize, int keep, String group) {
    public static final LogPolicy DEFAULT = new LogPolicy(10L * 1024 * 1024, 5, null);

    /** Rotation only: the files stay private to procrust's user. */
    public LogPolicy(long maxSize, int keep) {
        this(maxSize, keep, null);
    }
}
