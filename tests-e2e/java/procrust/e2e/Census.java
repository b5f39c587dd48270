package procrust.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A snapshot of the live (non-zombie) processes of one procrust uid, read from /proc: each process whose
 * environment carries {@code PROCRUST_UID=uid} (set on every spawn, inherited by grandchildren), with its
 * process group, session, {@code PROCRUST_ID}, {@code PROCRUST_VERSION} and command line. A process still
 * on its way into its own session (pgid != sid for an instant after fork) is left out.
 */
record Census(List<Proc> procs) {

    /** One live process of the uid. */
    record Proc(long pid, long pgid, long sid, String id, String version, String cmdline, long startTicks) {
    }

    static Census of(String uid) {
        List<Proc> out = new ArrayList<>();
        String uidEntry = "PROCRUST_UID=" + uid;
        try (Stream<Path> s = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String name = p.getFileName().toString();
                if (name.isEmpty() || !Character.isDigit(name.charAt(0))) {
                    continue;
                }
                try {
                    byte[] environ = Files.readAllBytes(p.resolve("environ"));
                    List<String> env = List.of(new String(environ, StandardCharsets.UTF_8).split("\0"));
                    if (!env.contains(uidEntry)) {
                        continue;
                    }
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (f[0].equals("Z") || f[0].equals("X")) {
                        continue;
                    }
                    long pgid = Long.parseLong(f[2]);
                    long sid = Long.parseLong(f[3]);
                    if (pgid != sid) {
                        continue;
                    }
                    String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8)
                            .replace('\0', ' ').strip();
                    out.add(new Proc(Long.parseLong(name), pgid, sid, value(env, "PROCRUST_ID="),
                            value(env, "PROCRUST_VERSION="), cmd, Long.parseLong(f[19])));
                } catch (IOException | RuntimeException e) {
                    // gone meanwhile
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new Census(out);
    }

    private static String value(List<String> env, String prefix) {
        return env.stream().filter(e -> e.startsWith(prefix)).map(e -> e.substring(prefix.length())).findFirst()
                .orElse(null);
    }

    boolean isEmpty() {
        return procs.isEmpty();
    }

    /** Process groups by process id (PROCRUST_ID), leaving out groups where any member's command line
     * contains {@code exclude} (health-check probes). */
    Map<String, Set<Long>> groupsById(String exclude) {
        Set<Long> excluded = procs.stream().filter(p -> exclude != null && p.cmdline().contains(exclude))
                .map(Proc::pgid).collect(Collectors.toSet());
        Map<String, Set<Long>> out = new TreeMap<>();
        for (Proc p : procs) {
            if (!excluded.contains(p.pgid())) {
                out.computeIfAbsent(String.valueOf(p.id()), k -> new TreeSet<>()).add(p.pgid());
            }
        }
        return out;
    }

    /** Groups whose members' command line contains {@code marker}. */
    Set<Long> groupsWith(String marker) {
        return procs.stream().filter(p -> p.cmdline().contains(marker)).map(Proc::pgid)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Ids with more than one live process group (a duplicate), leaving out probe groups. */
    Map<String, Set<Long>> duplicates(String probeMarker) {
        Map<String, Set<Long>> out = new TreeMap<>();
        groupsById(probeMarker).forEach((id, groups) -> {
            if (groups.size() > 1) {
                out.put(id, groups);
            }
        });
        return out;
    }

    List<Proc> inGroup(long pgid) {
        return procs.stream().filter(p -> p.pgid() == pgid).toList();
    }

    @Override
    public String toString() {
        return procs.stream().map(p -> p.pid() + " pg " + p.pgid() + " " + p.id() + "@" + p.version() + ": " + p.cmdline())
                .collect(Collectors.joining("\n"));
    }
}
