package procrust.runtime;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * At most {@link #MAX} checks at once per destination ({@code host:port}); the others wait their
 * turn, in order. The checks of many services come due together (they share the apply loop's wakes),
 * and when they all ask one server, a burst of connections can overflow a small listen backlog
 * ({@code python3 -m http.server} has 5): the kernel then drops connections, and checks fail that a
 * server with turns would have answered in a millisecond. Thread-safe.
 */
final class Turns {

    static final int MAX = 4;

    private final Map<String, Integer> busy = new HashMap<>();
    private final Map<String, ArrayDeque<Runnable>> waiting = new HashMap<>();

    /** True when {@code dest} has a free turn, now taken; else {@code later} runs when one is freed. */
    synchronized boolean take(String dest, Runnable later) {
        int n = busy.getOrDefault(dest, 0);
        if (n < MAX) {
            busy.put(dest, n + 1);
            return true;
        }
        waiting.computeIfAbsent(dest, d -> new ArrayDeque<>()).add(later);
        return false;
    }

    /** Frees a turn of {@code dest}; returns what waited for it (the turn passes to it), or null. */
    synchronized Runnable free(String dest) {
        ArrayDeque<Runnable> q = waiting.get(dest);
        if (q != null) {
            Runnable next = q.poll();
            if (q.isEmpty()) {
                waiting.remove(dest);
            }
            if (next != null) {
                return next;
            }
        }
        int n = busy.getOrDefault(dest, 0) - 1;
        if (n <= 0) {
            busy.remove(dest);
        } else {
            busy.put(dest, n);
        }
        return null;
    }

    /** Checks in flight or waiting, for tests. */
    synchronized int pending() {
        return busy.values().stream().mapToInt(Integer::intValue).sum()
                + waiting.values().stream().mapToInt(ArrayDeque::size).sum();
    }
}
