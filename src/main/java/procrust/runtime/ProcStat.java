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
        // fields 3.. after ") ", split on runs of spaces by hand: this runs for every process at
        // every look at a process group and every poll of adopted processes, for as long as apply
        // lives, so no regex and no array of every field; field N is index N - 3
        char state = 0;
        long ppid = 0;
        long pgid = 0;
        long session = 0;
        long startTicks = 0;
        int field = 0;
        int i = close + 1;
        int n = line.length();
        while (field <= 19) {
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
            if (i >= n) {
                throw new IllegalArgumentException("short /proc stat line: " + line);
            }
            int end = i;
            while (end < n && line.charAt(end) != ' ') {
                end++;
            }
            switch (field) {
                case 0 -> state = line.charAt(i);
                case 1 -> ppid = Long.parseLong(line, i, end, 10);
                case 2 -> pgid = Long.parseLong(line, i, end, 10);
                case 3 -> session = Long.parseLong(line, i, end, 10);
                case 19 -> startTicks = Long.parseLong(line, i, end, 10);
                default -> {
                }
            }
            field++;
            i = end;
        }
        return new ProcStat(pid, state, ppid, pgid, session, startTicks);
    }

    /** The pids under {@code procDir} ({@code /proc/}, ending in a slash): its numeric entries, in no order. */
    static long[] pids(String procDir) {
        String[] names = new java.io.File(procDir).list();
        if (names == null) {
            throw new java.io.UncheckedIOException(new java.io.IOException("cannot list " + procDir));
        }
        long[] out = new long[names.length];
        int n = 0;
        for (String name : names) {
            if (name.isEmpty() || !Character.isDigit(name.charAt(0))) {
                continue;
            }
            try {
                out[n++] = Long.parseLong(name);
            } catch (NumberFormatException e) {
                // not a process
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
