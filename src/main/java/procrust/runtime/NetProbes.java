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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The health checks made inside procrust, with no process spawned and no thread per service: an
 * {@code http} check is a GET through one shared {@link HttpClient} (success: a status 200-399 with the
 * headers and body within the attempt's timeout; redirects are not followed, a 3xx counts as up), a
 * {@code tcp} check is a non-blocking connect through one {@link AsynchronousChannelGroup}. Every
 * attempt ends by its timeout at the latest, on one timer. Whatever the number of services, the
 * threads are the same four: the timer, the HTTP client's selector, one executor for its callbacks,
 * and the channel group's, made at the first check (an apply without http/tcp checks has none).
 * Results complete on those threads; callers hand them to their own loop. The methods may be called
 * from any thread.
 */
public final class NetProbes implements AutoCloseable {

    private ScheduledExecutorService timer;
    private ExecutorService callbacks;
    private AsynchronousChannelGroup channels;
    private HttpClient http;
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
            callbacks = Executors.newSingleThreadExecutor(daemon("procrust-probe-http"));
            try {
                channels = AsynchronousChannelGroup.withFixedThreadPool(1, daemon("procrust-probe-tcp"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot make the tcp checks' channel group", e);
            }
            http = HttpClient.newBuilder().executor(DIRECT).version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        }
        return true;
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
        HttpRequest req;
        try {
            req = HttpRequest.newBuilder(uri).GET().timeout(timeout).header("User-Agent", "procrust-health-check")
                    .build();
        } catch (IllegalArgumentException e) {
            out.complete(ProbeResult.failed("cannot GET " + uri + ": " + e.getMessage()));
            return out;
        }
        CompletableFuture<HttpResponse<Void>> sent = http.sendAsync(req, HttpResponse.BodyHandlers.discarding());
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
        timer.execute(() -> connect(host, port, timeout, out));
        return out;
    }

    private void connect(String host, int port, Duration timeout, CompletableFuture<ProbeResult> out) {
        InetSocketAddress addr = new InetSocketAddress(host, port); // a name is resolved here, on the timer
        if (addr.isUnresolved()) {
            out.complete(ProbeResult.failed("cannot resolve host " + host));
            return;
        }
        AsynchronousSocketChannel ch;
        try {
            ch = AsynchronousSocketChannel.open(channels);
        } catch (IOException e) {
            out.complete(ProbeResult.failed("cannot open a socket: " + e.getMessage()));
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

    private static String words(Throwable e) {
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
        callbacks.shutdownNow();
        try {
            channels.shutdownNow();
        } catch (IOException e) {
            // apply is ending: the sockets go with it
        }
    }
}
