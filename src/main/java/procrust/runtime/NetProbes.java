package procrust.runtime;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The health checks made inside procrust, with no process spawned and no thread per service: an
 * {@code http://} check is a GET over a non-blocking socket ({@link PlainHttpGet}: success is a status
 * 200-399 within the attempt's timeout; redirects are not followed, a 3xx counts as up), an
 * {@code https://} check the same GET through one shared {@link HttpClient} (TLS), a {@code tcp} check
 * a non-blocking connect. The sockets, their time limits and the turns of each destination
 * ({@link Turns}) are all steps of one thread, {@code procrust-probes} ({@link ProbeLoop}), made at the
 * first check (an apply without http/tcp checks has none); https checks add the HTTP client's selector
 * thread. Results complete on those threads; callers hand them to their own loop. The methods may be
 * called from any thread.
 */
public final class NetProbes implements AutoCloseable {

    private ProbeLoop loop;
    private HttpClient http;
    private final Turns turns = new Turns();
    private boolean closed;

    /** The loop, made at the first check; null once closed. */
    private synchronized ProbeLoop loop() {
        if (closed) {
            return null;
        }
        if (loop == null) {
            loop = new ProbeLoop("procrust-probes");
        }
        return loop;
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
        ProbeLoop l = loop();
        if (l == null) {
            return closedResult();
        }
        CompletableFuture<ProbeResult> out = new CompletableFuture<>();
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            String dest = uri.getHost() + ":" + (uri.getPort() < 0 ? 80 : uri.getPort());
            inTurn(l, dest, timeout, "no answer within " + human(timeout), new PlainHttpGet(l, uri, out));
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
        long due = System.nanoTime();
        CompletableFuture<HttpResponse<Void>> sent = https().sendAsync(req, HttpResponse.BodyHandlers.discarding());
        l.execute(() -> {
            ProbeLoop.Timer limit = l.at(due + timeout.toNanos(), () -> {
                if (out.complete(ProbeResult.failed("no answer within " + human(timeout)))) {
                    sent.cancel(true);
                }
            });
            out.whenComplete((r, e) -> l.execute(() -> l.cancel(limit)));
        });
        sent.whenComplete((rsp, err) -> {
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
        ProbeLoop l = loop();
        if (l == null) {
            return closedResult();
        }
        CompletableFuture<ProbeResult> out = new CompletableFuture<>();
        String dest = host + ":" + port;
        inTurn(l, dest, timeout, "no connection to " + dest + " within " + human(timeout),
                new TcpConnect(l, host, port, out));
        return out;
    }

    /**
     * On the loop: starts check {@code p} when {@code dest} has a turn ({@link Turns}), and frees the turn
     * when its result comes. Its time counts from now, when it was due, not from its turn: at
     * {@code timeout} a check still waiting fails, one under way fails saying {@code late} and its socket
     * is closed.
     */
    private void inTurn(ProbeLoop l, String dest, Duration timeout, String late, SocketProbe p) {
        long due = System.nanoTime();
        CompletableFuture<ProbeResult> out = p.out;
        l.execute(() -> {
            p.limit = l.at(due + timeout.toNanos(), () -> {
                if (p.begun()) {
                    p.expire(late);
                } else {
                    out.complete(ProbeResult.failed("no answer within " + human(timeout)
                            + " (it waited its turn behind other checks of " + dest + ")"));
                }
            });
            Runnable go = () -> {
                if (out.isDone()) { // its time ran out while it waited: pass the turn on
                    passOn(dest);
                    return;
                }
                out.whenComplete((r, e) -> passOn(dest));
                p.go();
            };
            if (turns.take(dest, go)) {
                go.run();
            }
        });
    }

    private void passOn(String dest) {
        Runnable next = turns.free(dest);
        if (next != null) {
            next.run();
        }
    }

    /** A tcp check: up once connected; the socket is closed at once. */
    private static final class TcpConnect extends SocketProbe {
        private final String host;
        private final int port;

        TcpConnect(ProbeLoop loop, String host, int port, CompletableFuture<ProbeResult> out) {
            super(loop, out);
            this.host = host;
            this.port = port;
        }

        @Override
        void begin() {
            start(new InetSocketAddress(host, port), host); // a name is resolved here, on the loop's thread
        }

        @Override
        void connected() {
            out.complete(ProbeResult.ok("connected to " + host + ":" + port));
            end();
        }

        @Override
        String why(Exception e) {
            return "cannot connect to " + host + ":" + port + ": " + words(e);
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

    @Override
    public synchronized void close() {
        closed = true;
        if (loop != null) {
            loop.close();
        }
    }
}
