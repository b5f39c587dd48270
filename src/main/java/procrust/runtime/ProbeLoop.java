package procrust.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The one thread of the http and tcp checks: a {@link Selector} over their non-blocking sockets, the
 * tasks handed to it, and their time limits, all on the thread {@code procrust-probes}. A check's
 * connect, write, reads and time limit are steps of this one thread, with no hand-over between threads
 * inside a check (what an {@code AsynchronousChannelGroup} and a timer thread cost: a dispatch and a
 * futex wake per completion, measured in docs/benchmarks.md, health checks).
 *
 * <p>{@link #execute} may be called from any thread; everything else from the loop's own thread only
 * (from a task, a {@link Ready} or a timer's action).
 */
final class ProbeLoop implements AutoCloseable {

    /** What a registered channel's attachment does when its operations are ready (on the loop's thread). */
    interface Ready {
        void ready(SelectionKey key);
    }

    /** An action due at a {@link System#nanoTime()} instant. */
    static final class Timer implements Comparable<Timer> {
        final long at;
        final Runnable action;

        private Timer(long at, Runnable action) {
            this.at = at;
            this.action = action;
        }

        @Override
        public int compareTo(Timer o) {
            return Long.compare(at - o.at, 0); // nanoTime instants compare by their difference
        }
    }

    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private volatile boolean closed;

    ProbeLoop(String name) {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the health checks' selector", e);
        }
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs {@code task} on the loop's thread, soon; false once the loop is closed (it never runs then). */
    boolean execute(Runnable task) {
        if (closed) {
            return false;
        }
        tasks.add(task);
        if (Thread.currentThread() != thread) {
            selector.wakeup();
        }
        return true;
    }

    /** Runs {@code action} once {@code System.nanoTime()} reaches {@code at}, unless cancelled first. Loop thread. */
    Timer at(long at, Runnable action) {
        Timer t = new Timer(at, action);
        timers.add(t);
        return t;
    }

    /** Drops a timer that has not fired (nothing when it has). Loop thread. */
    void cancel(Timer t) {
        if (t != null) {
            timers.remove(t);
        }
    }

    /** Watches {@code ch} (non-blocking) for {@code ops}; {@code ready} is called when they are. Loop thread. */
    SelectionKey register(SelectableChannel ch, int ops, Ready ready) throws ClosedChannelException {
        return ch.register(selector, ops, ready);
    }

    private void run() {
        try {
            while (!closed) {
                for (Runnable r; (r = tasks.poll()) != null; ) {
                    safely(r);
                }
                long waitMs = 0; // 0: until a socket is ready or a task comes
                Timer next = timers.peek();
                if (next != null) {
                    long left = next.at - System.nanoTime();
                    waitMs = left <= 0 ? -1 : Math.max(1, (left + 999_999) / 1_000_000);
                }
                if (waitMs < 0 || !tasks.isEmpty()) {
                    selector.selectNow(this::dispatch);
                } else {
                    selector.select(this::dispatch, waitMs);
                }
                long now = System.nanoTime();
                for (Timer t; (t = timers.peek()) != null && t.at - now <= 0; ) {
                    timers.poll();
                    safely(t.action);
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            // the selector is gone: apply is ending, the checks end with it
        } finally {
            for (SelectionKey k : keysOrNone()) {
                try {
                    k.channel().close();
                } catch (IOException e) {
                    // apply is ending: the socket goes with it
                }
            }
            try {
                selector.close();
            } catch (IOException e) {
                // apply is ending
            }
        }
    }

    private java.util.Set<SelectionKey> keysOrNone() {
        try {
            return selector.keys();
        } catch (ClosedSelectorException e) {
            return java.util.Set.of();
        }
    }

    private void dispatch(SelectionKey k) {
        if (k.isValid()) {
            safely(() -> ((Ready) k.attachment()).ready(k));
        }
    }

    /** A check's bug must not end the loop, and so every other check: it is printed, the loop goes on. */
    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            System.err.println("procrust: a health check failed unexpectedly: " + e);
        }
    }

    @Override
    public void close() {
        closed = true;
        selector.wakeup();
    }
}
