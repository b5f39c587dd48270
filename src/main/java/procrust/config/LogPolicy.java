package procrust.config;

/** Log rotation by size: rotate past {@code maxSize} bytes, keep {@code keep} old files. */
public record LogPolicy(long maxSize, int keep) {
    public static final LogPolicy DEFAULT = new LogPolicy(10L * 1024 * 1024, 5);
}
