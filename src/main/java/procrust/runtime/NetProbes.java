package procrust.runtime;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.AsynchronousChannelGroup;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The health checks made inside procrust, with no process spawned and no thread per service: an
 * {@code http://} check is a GET over a non-blocking socket ({@link PlainHttpGet}: success is a status
 * 200-399 within the attempt's timeout; redirects are not followed, a 3xx counts as up), an
 * {@code https://} check the same GET through one shared {@link HttpClient} (TLS), a {@code tcp} check
 * a non-blocking connect; the sockets share one {@link AsynchronousChannelGroup}. Every attempt ends
 * by its timeout at the latest, on one timer. Whatever the number of services, the threads are the
 * timer and the channel group's, made at the first check (an apply without http/tcp checks has none),
 * and for https checks the HTTP client's selector thread.
 * Results complete on those threads; callers hand them to their own loop. The methods may be called
 * from any thread.
 */
public final class NetProbes implements AutoCloseable {

    private ScheduledExecutorService timer;
    private AsynchronousChannelGroup channels;
    private HttpClient http;
    private final Turns turns = new Turns();
    private boolean closed;

    /** Makes the threads at the first check; false once closed. */
    private synchronized boolean ready() {
        if (closed) {
            return false;
        }
        if (timer == null) {
            ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, daemon("procrust-probe-timer"));
            // an attempt's time limit is cancelled as soon as it answers: dropped at once, not kept
            // (with the exchange it refers to) until it would have fired, into the old generation
            t.setRemoveOnCancelPolicy(true);
            timer = t;
            try {
                channels = AsynchronousChannelGroup.withFixedThreadPool(1, daemon("procrust-probe-tcp"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot make the tcp checks' channel group", e);
            }
            // never through a proxy: a check asks the service itself (and the JDK's default proxy
            // selector, asked per request, costs more CPU than the loopback exchange)
        }
        return true;
    }

    /** The client of https checks, made at the first one. */
    private synchronized HttpClient https() {
        if (http == null) {
            // never through a proxy: a check asks the service itself
            http = HttpClient.newBuilder().executor(DIRECT).version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER).proxy(HttpClient.Builder.NO_PROXY).build();
        }
        return http;
    }

    /** Runs the client's completions on its own selector thread: no hand-over to another thread per check. */
    private static final java.util.concurrent.Executor DIRECT = Runnable::run;

    private static CompletableFuture<ProbeResult> closedResult() {
        return CompletableFuture.completedFuture(ProbeResult.failed("apply is ending"));
    }

    /** A GET of {@code uri}: up when it answers 200-399 within {@code timeout}. Never completes exceptionally. */
    public CompletableFuture<ProbeResult> http(URI uri, Duration timeout) {
        if (!ready()) {
            return closedResult();
        }
        CompletableFuture<ProbeResult> out = new CompletableFuture<>();
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            String dest = uri.getHost() + ":" + (uri.getPort() < 0 ? 80 : uri.getPort());
            inTurn(dest, timeout, out, () -> PlainHttpGet.start(uri, timeout, channels, timer, out));
            return out;
        }
        HttpRequest req;
        try {
            req = HttpRequest.newBuilder(uri).GET().timeout(timeout).header("User-Agent", "procrust-health-check")
                    .build();
        } catch (IllegalArgumentException e) {
            out.complete(ProbeResult.failed("cannot GET " + uri + ": " + e.getMessage()));
            return out;
        }
        CompletableFuture<HttpResponse<Void>> sent = https().sendAsync(req, HttpResponse.BodyHandlers.discarding());
        ScheduledFuture<?> limit = timer.schedule(() -> {
            if (out.complete(ProbeResult.failed("no answer within " + human(timeout)))) {
                sent.cancel(true);
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        sent.whenComplete((rsp, err) -> {
            limit.cancel(false);
            if (err == null) {
                int s = rsp.statusCode();
                out.complete(s >= 200 && s < 400 ? ProbeResult.ok("HTTP " + s) : ProbeResult.failed("HTTP " + s));
            } else {
                out.complete(ProbeResult.failed(httpError(err, timeout)));
            }
        });
        return out;
    }

    /** A TCP connect to {@code host:port}: up when it succeeds within {@code timeout}. Never completes exceptionally. */
    public CompletableFuture<ProbeResult> tcp(String host, int port, Duration timeout) {
        if (!ready()) {
            return closedResult();
        }
        CompletableFuture<ProbeResult> out = new CompletableFuture<>();
        inTurn(host + ":" + port, timeout, out, () -> connect(host, port, timeout, out));
        return out;
    }

    /**
     * Runs {@code attempt} on the timer when {@code dest} has a turn ({@link Turns}), and frees the turn
     * when {@code out} completes. An attempt still waiting for its turn at {@code timeout} fails then.
     */
    private void inTurn(String dest, Duration timeout, CompletableFuture<ProbeResult> out, Runnable attempt) {
        java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable go = () -> {
            if (out.isDone()) { // its time ran out while it waited: pass the turn on
                passOn(dest);
                return;
            }
            started.set(true);
            out.whenComplete((r, e) -> passOn(dest));
            attempt.run();
        };
        if (turns.take(dest, () -> onTimer(go))) {
            onTimer(go);
            return;
        }
        // its time counts from now, when it was due, not from its turn
        timer.schedule(() -> out.complete(ProbeResult.failed("no answer within " + human(timeout)
                + (started.get() ? "" : " (it waited its turn behind other checks of " + dest + ")"))),
                timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void onTimer(Runnable r) {
        try {
            timer.execute(r);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // apply is ending: the checks end with it
        }
    }

    private void passOn(String dest) {
        Runnable next = turns.free(dest);
        if (next != null) {
            next.run();
        }
    }

    private void connect(String host, int port, Duration timeout, CompletableFuture<ProbeResult> out) {
        InetSocketAddress addr = new InetSocketAddress(host, port); // a name is resolved here, on the timer
        AsynchronousSocketChannel ch = socketFor(addr, host, channels, out);
        if (ch == null) {
            return;
        }
        ScheduledFuture<?> limit = timer.schedule(() -> {
            if (out.complete(ProbeResult.failed("no connection to " + host + ":" + port + " within " + human(timeout)))) {
                closeQuietly(ch);
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        ch.connect(addr, null, new CompletionHandler<Void, Void>() {
            @Override
            public void completed(Void v, Void a) {
                limit.cancel(false);
                closeQuietly(ch);
                out.complete(ProbeResult.ok("connected to " + host + ":" + port));
            }

            @Override
            public void failed(Throwable e, Void a) {
                limit.cancel(false);
                closeQuietly(ch);
                out.complete(ProbeResult.failed("cannot connect to " + host + ":" + port + ": " + words(e)));
            }
        });
    }

    /**
     * A socket of {@code group} to connect to {@code addr} (resolved by now); null when the name did not
     * resolve or no socket could be opened, {@code out} then completed with why ({@code host} as given).
     */
    static AsynchronousSocketChannel socketFor(InetSocketAddress addr, String host, AsynchronousChannelGroup group,
                                               CompletableFuture<ProbeResult> out) {
        if (addr.isUnresolved()) {
            out.complete(ProbeResult.failed("cannot resolve host " + host));
            return null;
        }
        try {
            return AsynchronousSocketChannel.open(group);
        } catch (IOException e) {
            out.complete(ProbeResult.failed("cannot open a socket: " + e.getMessage()));
            return null;
        }
    }

    private static String httpError(Throwable err, Duration timeout) {
        Throwable e = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
        if (e instanceof HttpConnectTimeoutException || e instanceof HttpTimeoutException) {
            return "no answer within " + human(timeout);
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        return words(e);
    }

    static String words(Throwable e) {
        String m = e.getMessage();
        if (e instanceof ConnectException && (m == null || m.isBlank())) {
            return "connection refused";
        }
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    private static void closeQuietly(AsynchronousSocketChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // closing a socket that failed: nothing to do
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, n.getAndIncrement() == 0 ? name : name + "-" + n.get());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        try {
            channels.shutdownNow();
        } catch (IOException e) {
            // apply is ending: the sockets go with it
        }
    }
}
