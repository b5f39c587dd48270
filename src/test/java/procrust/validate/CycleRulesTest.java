package procrust.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import procrust.config.CheckResult;
import procrust.diag.Code;
import procrust.diag.Diagnostic;

/** Dependency cycles per instant: paths, instants, huge graphs, and agreement with a brute force. */
class CycleRulesTest {

    private static String entry(String id, String applyOn, boolean fake, String... deps) {
        StringBuilder sb = new StringBuilder("[[process]]\nid = \"").append(id).append("\"\ncommand = \"x\"\napply_on = \"")
                .append(applyOn).append("\"\n");
        if (fake) {
            sb.append("type = \"fake\"\n");
        }
        if (deps.length > 0) {
            sb.append("depends_on = [\"").append(String.join("\", \"", deps)).append("\"]\n");
        }
        return sb.toString();
    }

    private static List<Diagnostic> cycles(CheckResult r) {
        return r.diagnostics().stream().filter(d -> d.code() == Code.DEPENDENCY_CYCLE).toList();
    }

    @Test
    void cycleIsReportedAsAPathFromTheFirstEntryInTheFile() {
        CheckResult r = Fixture.check(entry("c", "2024-01-01T00:00:00", false, "a")
                + entry("a", "2024-01-01T00:00:00", false, "b") + entry("b", "2024-01-01T00:00:00", false, "c"));
        List<Diagnostic> c = cycles(r);
        assertEquals(1, c.size(), r.diagnostics()::toString);
        assertTrue(c.get(0).message().contains("from 2024-01-01T00:00:00: c -> a -> b -> c"), c.get(0)::message);
        assertEquals("c", c.get(0).process());
    }

    @Test
    void cycleThroughFakeVersionIsNoCycle() {
        CheckResult r = Fixture.check(entry("a", "2024-01-01T00:00:00", false, "b")
                + entry("b", "2024-01-01T00:00:00", false) + entry("b", "2025-01-01T00:00:00", true, "a"));
        assertTrue(r.valid(), r.diagnostics()::toString);
    }

    @Test
    void cycleBrokenByALaterVersionIsStillReportedFromItsStart() {
        CheckResult r = Fixture.check(entry("a", "2024-01-01T00:00:00", false, "b")
                + entry("b", "2024-06-01T00:00:00", false, "a") + entry("b", "2025-01-01T00:00:00", false));
        List<Diagnostic> c = cycles(r);
        assertEquals(1, c.size(), r.diagnostics()::toString);
        assertTrue(c.get(0).message().contains("from 2024-06-01T00:00:00: a -> b -> a"), c.get(0)::message);
    }

    @Test
    void versionsThatNeverOverlapMakeNoCycle() {
        // a depends on b only in its first version; b depends on a only once a's first version is gone
        CheckResult r = Fixture.check(entry("a", "2024-01-01T00:00:00", false, "b")
                + entry("a", "2025-01-01T00:00:00", false) + entry("b", "2024-01-01T00:00:00", false)
                + entry("b", "2025-01-01T00:00:00", false, "a"));
        assertTrue(r.valid(), r.diagnostics()::toString);
    }

    @Test
    void instantsCompareAcrossOffsets() {
        // b's dependency on a starts at 10:00Z, the same instant a's second version (12:00+02:00) takes effect
        CheckResult r = Fixture.check(entry("a", "2024-01-01T00:00:00Z", false) + entry("a", "2024-01-02T12:00:00+02:00",
                false, "b") + entry("b", "2024-01-02T10:00:00Z", false, "a"));
        List<Diagnostic> c = cycles(r);
        assertEquals(1, c.size(), r.diagnostics()::toString);
        assertTrue(c.get(0).message().contains("a -> b -> a"), c.get(0)::message);
    }

    @Test
    void thirtyThousandChainAndCycleDoNotOverflowTheStack() {
        int n = 30_000;
        StringBuilder chain = new StringBuilder();
        for (int i = 0; i < n; i++) {
            // every process its own apply_on instant, in the order that makes the walk longest
            String at = java.time.LocalDateTime.of(2024, 1, 1, 0, 0).plusMinutes(n - i).toString() + ":00";
            chain.append(i + 1 < n ? entry("p" + i, at, false, "p" + (i + 1)) : entry("p" + i, at, false));
        }
        assertTrue(Fixture.check(chain.toString()).valid());
        StringBuilder cycle = new StringBuilder();
        for (int i = 0; i < n; i++) {
            cycle.append(entry("p" + i, "2024-01-01T00:00:00", false, "p" + ((i + 1) % n)));
        }
        List<Diagnostic> c = cycles(Fixture.check(cycle.toString()));
        assertEquals(1, c.size());
        assertTrue(c.get(0).message().contains("p0 -> p1 -> p2"), c.get(0)::message);
        assertTrue(c.get(0).message().contains("p29999 -> p0"), () -> c.get(0).message().substring(0, 100));
    }

    /**
     * Random files of up to 6 ids with up to 3 versions each over 4 instants: a cycle is reported
     * exactly when the brute force (every instant, every active graph, depth-first search) finds one.
     */
    @Property(tries = 300)
    void agreesWithBruteForce(@ForAll @Size(min = 1, max = 14) List<@IntRange(min = 0, max = 10_000) Integer> seeds) {
        StringBuilder toml = new StringBuilder();
        int ids = 6;
        java.util.Set<String> written = new java.util.HashSet<>();
        BruteForce bf = new BruteForce();
        for (int s : seeds) {
            int id = s % ids;
            int day = (s / ids) % 4 + 1;
            boolean fake = (s / 24) % 5 == 0;
            List<String> deps = new java.util.ArrayList<>();
            for (int j = 0; j < ids; j++) {
                if (j != id && ((s / 120) >> j & 1) == 1) {
                    deps.add("p" + j);
                }
            }
            if (!written.add(id + "@" + day)) {
                continue;
            }
            toml.append(entry("p" + id, "2024-01-0" + day + "T00:00:00", fake, deps.toArray(String[]::new)));
            bf.add(id, day, fake, deps);
        }
        for (int k = 0; k < ids; k++) {
            final int j = k;
            // every id exists, so depends_on never names an unknown process
            if (written.stream().noneMatch(w -> w.startsWith(j + "@"))) {
                toml.append(entry("p" + j, "2024-01-09T00:00:00", false));
                bf.add(j, 9, false, List.of());
            }
        }
        CheckResult r = Fixture.check(toml.toString());
        boolean expected = bf.hasCycle();
        assertEquals(expected, !cycles(r).isEmpty(), () -> toml + "\n" + r.diagnostics());
        assertEquals(expected, r.diagnostics().stream().anyMatch(Diagnostic::isError), () -> toml + "\n" + r.diagnostics());
    }

    /** The definition, computed naively. */
    static final class BruteForce {
        private final List<int[]> entries = new java.util.ArrayList<>(); // id, day, fake
        private final List<List<String>> deps = new java.util.ArrayList<>();

        void add(int id, int day, boolean fake, List<String> d) {
            entries.add(new int[] {id, day, fake ? 1 : 0});
            deps.add(d);
        }

        boolean hasCycle() {
            for (int t = 1; t <= 9; t++) {
                java.util.Map<String, List<String>> graph = new java.util.HashMap<>();
                int[] best = new int[10];
                int[] bestIndex = new int[10];
                java.util.Arrays.fill(bestIndex, -1);
                for (int i = 0; i < entries.size(); i++) {
                    int[] e = entries.get(i);
                    if (e[2] == 0 && e[1] <= t && e[1] >= best[e[0]]) {
                        best[e[0]] = e[1];
                        bestIndex[e[0]] = i;
                    }
                }
                for (int id = 0; id < 10; id++) {
                    if (bestIndex[id] >= 0) {
                        graph.put("p" + id, deps.get(bestIndex[id]));
                    }
                }
                for (String start : graph.keySet()) {
                    if (reaches(graph, start, start, new java.util.HashSet<>())) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static boolean reaches(java.util.Map<String, List<String>> g, String from, String target,
                                       java.util.Set<String> seen) {
            for (String next : g.getOrDefault(from, List.of())) {
                if (!g.containsKey(next)) {
                    continue;
                }
                if (next.equals(target)) {
                    return true;
                }
                if (seen.add(next) && reaches(g, next, target, seen)) {
                    return true;
                }
            }
            return false;
        }
    }
}
