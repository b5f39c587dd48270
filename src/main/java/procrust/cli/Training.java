package procrust.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The launcher's training run (bin/procrust, first use): runs several procrust command lines one after
 * the other in this one JVM, their output discarded, so that the class list it records (Java 17-24:
 * {@code -XX:DumpLoadedClassList}, then a static class-data archive) or the AOT cache it writes (Java
 * 25+: {@code -XX:AOTCacheOutput}) covers every command it ran, not only the first. The command lines
 * are the arguments, separated by {@code --}. Exits 0 whatever the commands returned: a training
 * command that finds nothing to do is still training.
 */
public final class Training {

    private Training() {
    }

    public static void main(String[] args) {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), false, java.nio.charset.StandardCharsets.UTF_8);
        for (List<String> line : lines(args)) {
            Main.run(nowhere, nowhere, line.toArray(String[]::new));
        }
        System.exit(0);
    }

    /** The arguments split at each {@code --}; empty command lines are left out. */
    static List<List<String>> lines(String... args) {
        List<List<String>> lines = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String a : Arrays.asList(args)) {
            if (a.equals("--")) {
                if (!current.isEmpty()) {
                    lines.add(current);
                }
                current = new ArrayList<>();
            } else {
                current.add(a);
            }
        }
        if (!current.isEmpty()) {
            lines.add(current);
        }
        return lines;
    }
}
