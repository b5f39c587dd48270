package procrust.runtime;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousChannelGroup;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One {@code http://} check: a GET over a non-blocking socket of the shared channel group, up when the
 * status line of the answer says 200-399 within the timeout.
 *
 * <p>Why not the JDK's {@code HttpClient}, which {@code https://} checks still use: a check needs the
 * status line and nothing else, and measured on the same host (docs/benchmarks.md, health checks) an
 * exchange through HttpClient cost 0.6 ms of CPU with keep-alive and 1.5 ms without, against about
 * 0.1 ms here; 100 services checked every 10 s then cost over 1% of a core instead of under 0.2%.
 * What is sent and read: {@code GET <path?query> HTTP/1.1} with {@code Host}, {@code User-Agent:
 * procrust-health-check}, {@code Accept: *}{@code /*} and {@code Connection: close}; the answer's
 * first line must be {@code HTTP/<version> <3 digits>}, or the check fails naming what came. The
 * rest of the answer is read and dropped (up to {@link #DRAIN} bytes, so the server is not cut off
 * mid-write) and the connection closed; redirects are not followed (a 3xx is up), as before.
 */
final class PlainHttpGet {

    /** Bytes of an answer read at most; a longer one is cut (the status line came long before). */
    static final int DRAIN = 64 * 1024;
    /** A status line longer than this is not one. */
    private static final int MAX_STATUS_LINE = 4096;

    private final URI uri;
    private final Duration timeout;
    private final CompletableFuture<ProbeResult> out;
    private final AsynchronousSocketChannel ch;
    private final ByteBuffer in = ByteBuffer.allocate(2048);
    private final StringBuilder line = new StringBuilder();
    private volatile ScheduledFuture<?> limit;
    /** Set once the connection is being closed: a completion that comes after does nothing. */
    private volatile boolean closed;
    private int read;

    private PlainHttpGet(URI uri, Duration timeout, CompletableFuture<ProbeResult> out, AsynchronousSocketChannel ch) {
        this.uri = uri;
        this.timeout = timeout;
        this.out = out;
        this.ch = ch;
    }

    /**
     * Starts the GET (on the calling thread: the timer's, where a host name is resolved) and returns
     * at once; {@code out} is completed once, never exceptionally.
     */
    static void start(URI uri, Duration timeout, AsynchronousChannelGroup group, ScheduledExecutorService timer,
                      CompletableFuture<ProbeResult> out) {
        String host = uri.getHost();
        if (host == null) {
            out.complete(ProbeResult.failed("cannot GET " + uri + ": no host"));
            return;
        }
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetSocketAddress addr = new InetSocketAddress(bare, port);
        AsynchronousSocketChannel ch = NetProbes.socketFor(addr, host, group, out);
        if (ch == null) {
            return;
        }
        PlainHttpGet get = new PlainHttpGet(uri, timeout, out, ch);
        get.limit = timer.schedule(get::expire, timeout.toNanos(), TimeUnit.NANOSECONDS);
        ch.connect(addr, null, get.handler(v -> get.send(), "connection refused"));
    }

    /** The request's bytes: the path and query as the URI has them (already ASCII-encoded). */
    static byte[] request(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        String hostHeader = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        return ("GET " + target + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nUser-Agent: procrust-health-check\r\n"
                + "Accept: */*\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private void send() {
        write(ByteBuffer.wrap(request(uri)));
    }

    private void write(ByteBuffer req) {
        ch.write(req, null, handler(n -> {
            if (req.hasRemaining()) {
                write(req);
            } else {
                readMore();
            }
        }, null));
    }

    private void readMore() {
        in.clear();
        ch.read(in, null, handler(n -> {
            if (n < 0) { // the server closed
                if (!out.isDone()) {
                    finish(ProbeResult.failed(read == 0 ? "the server closed the connection without an answer"
                            : "not an HTTP answer: " + quoted(line)));
                }
                end();
                return;
            }
            read += n;
            in.flip();
            if (!out.isDone()) {
                statusLine();
            }
            if (read >= DRAIN) {
                end();
            } else {
                readMore();
            }
        }, null));
    }

    /** Takes the bytes read into the status line; completes {@code out} once it is whole. */
    private void statusLine() {
        while (in.hasRemaining()) {
            char c = (char) (in.get() & 0xff);
            if (c == '\n') {
                finish(parse(line));
                return;
            }
            if (c != '\r') {
                line.append(c);
            }
            if (line.length() > MAX_STATUS_LINE) {
                finish(ProbeResult.failed("not an HTTP answer: " + quoted(line)));
                return;
            }
        }
    }

    /** {@code HTTP/1.1 200 OK} (the reason may be empty or absent). */
    static ProbeResult parse(CharSequence statusLine) {
        String s = statusLine.toString();
        int sp = s.indexOf(' ');
        if (!s.startsWith("HTTP/") || sp < 0 || s.length() < sp + 4) {
            return ProbeResult.failed("not an HTTP answer: " + quoted(s));
        }
        String code = s.substring(sp + 1, sp + 4);
        boolean digits = code.chars().allMatch(ch -> ch >= '0' && ch <= '9');
        if (!digits || (s.length() > sp + 4 && s.charAt(sp + 4) != ' ')) {
            return ProbeResult.failed("not an HTTP answer: " + quoted(s));
        }
        int status = Integer.parseInt(code);
        return status >= 200 && status < 400 ? ProbeResult.ok("HTTP " + status) : ProbeResult.failed("HTTP " + status);
    }

    private static String quoted(CharSequence s) {
        String t = s.toString();
        t = t.length() > 60 ? t.substring(0, 60) + "..." : t;
        return "\"" + t.replaceAll("\\p{Cntrl}", "?") + "\"";
    }

    /** The result; the rest of the answer is still read and dropped, until EOF, DRAIN bytes or the timeout. */
    private void finish(ProbeResult r) {
        out.complete(r);
    }

    /** The timeout: a failure when no status came; in any case the connection is closed. */
    private void expire() {
        out.complete(ProbeResult.failed("no answer within " + NetProbes.human(timeout)));
        end();
    }

    private void end() {
        closed = true;
        ScheduledFuture<?> l = limit;
        if (l != null) {
            l.cancel(false); // dropped from the timer at once (remove-on-cancel), with what it refers to
        }
        try {
            ch.close();
        } catch (IOException e) {
            // closing a socket that is done with: nothing to do
        }
    }

    /** A completion handler: {@code then} on success; on failure the check fails (refused: {@code refused}). */
    private <V> CompletionHandler<V, Void> handler(java.util.function.Consumer<V> then, String refused) {
        return new CompletionHandler<>() {
            @Override
            public void completed(V v, Void a) {
                if (!closed) { // else it expired meanwhile: the channel is being closed
                    then.accept(v);
                }
            }

            @Override
            public void failed(Throwable e, Void a) {
                String why = e instanceof java.net.ConnectException && refused != null ? refused
                        : e instanceof java.nio.channels.AsynchronousCloseException ? null : NetProbes.words(e);
                if (why != null && !out.isDone()) {
                    finish(ProbeResult.failed(why));
                }
                end();
            }
        };
    }
}
