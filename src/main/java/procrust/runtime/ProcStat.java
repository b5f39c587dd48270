package procrust.runtime;

/**
 * The fields of {@code /proc/PID/stat} procrust relies on.
 *
 * @param state      the one-letter state ({@code R}, {@code S}, {@code Z}...)
 * @param startTicks field 22: start time in clock ticks since boot (stable across exec)
 */
public record ProcStat(long pid, char state, long ppid, long pgid, long session, long startTicks) {

    /** True for a zombie (exited, not yet reaped) or a dead task: it runs nothing any more. */
    public boolean zombie() {
        return state == 'Z' || state == 'X' || state == 'x';
    }

    /**
     * Parses one stat line. The command name (field 2) may hold spaces and parentheses, so fields are
     * counted from the last {@code ')'}.
     *
     * @throws IllegalArgumentException when the line is not a stat line
     */
    public static ProcStat parse(String line) {
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 0 || close < open || close + 2 > line.length()) {
            throw new IllegalArgumentException("not a /proc stat line: " + line);
        }
        long pid = Long.parseLong(line.substring(0, open).trim());
        String[] f = line.substring(close + 2).trim().split(" +");
        // f[0] is field 3 (state); field N is f[N - 3]
        if (f.length < 20) {
            throw new IllegalArgumentException("short /proc stat line: " + line);
        }
        return new ProcStat(pid, f[0].charAt(0), Long.parseLong(f[1]), Long.parseLong(f[2]),
                Long.parseLong(f[3]), Long.parseLong(f[19]));
    }
}
