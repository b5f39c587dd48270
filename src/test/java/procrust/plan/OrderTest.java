package procrust.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OrderTest {

    private static List<String> ids(List<Proc> ps) {
        return ps.stream().map(p -> p.id).collect(Collectors.toList());
    }

    /** Processes named in file order, with edges "x:y" meaning x depends on y. */
    private static List<Proc> procs(Map<Proc, List<Proc>> deps, List<String> names, String... edges) {
        Map<String, Proc> byName = new HashMap<>();
        for (String n : names) {
            Proc p = new Proc(n, byName.size());
            byName.put(n, p);
            deps.put(p, new java.util.ArrayList<>());
        }
        for (String e : edges) {
            String[] xy = e.split(":");
            deps.get(byName.get(xy[0])).add(byName.get(xy[1]));
        }
        return names.stream().map(byName::get).collect(Collectors.toList());
    }

    @Test
    void dependenciesFirstKeepsFileOrderForTies() {
        Map<Proc, List<Proc>> deps = new HashMap<>();
        List<Proc> ps = procs(deps, List.of("web", "worker", "db", "cache"), "web:db", "web:cache", "worker:cache");
        assertEquals(List.of("db", "cache", "web", "worker"), ids(Order.dependenciesFirst(ps, deps::get)));
        assertEquals(List.of("web", "worker", "db", "cache"), ids(Order.dependentsFirst(ps, deps::get)));
    }

    @Test
    void aCycleNeverThrowsAndComesLastInFileOrder() {
        Map<Proc, List<Proc>> deps = new HashMap<>();
        List<Proc> ps = procs(deps, List.of("a", "b", "c", "d"), "a:b", "b:a", "d:c");
        assertEquals(List.of("c", "d", "a", "b"), ids(Order.dependenciesFirst(ps, deps::get)));
        assertEquals(List.of("d", "c", "a", "b"), ids(Order.dependentsFirst(ps, deps::get)));
    }
}
