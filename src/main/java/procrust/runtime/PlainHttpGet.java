package procrust.runtime;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * One {@code http://} check: a GET over a non-blocking socket of the {@link ProbeLoop}, up when the
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
final class PlainHttpGet extends SocketProbe {

    /** Bytes of an answer read at most; a longer one is cut (the status line came long before). */
    static final int DRAIN = 64 * 1024;
    /** A status line longer than this is not one. */
    private static final int MAX_STATUS_LINE = 4096;

    private final ByteBuffer req;
    private final ByteBuffer in = ByteBuffer.allocate(2048);
    private final StringBuilder line = new StringBuilder();
    private int read;

    private final URI uri;

    PlainHttpGet(ProbeLoop loop, URI uri, CompletableFuture<ProbeResult> out) {
        super(loop, out);
        this.uri = uri;
        this.req = ByteBuffer.wrap(request(uri));
    }

    /** Connects to the URI's host and port (a name is resolved here, on the loop's thread). */
    @Override
    void begin() {
        String host = uri.getHost();
        if (host == null) {
            fail("cannot GET " + uri + ": no host");
            end();
            return;
        }
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        start(new InetSocketAddress(bare, port), host);
    }

    /** The request's bytes: the path and query as the URI has them (already ASCII-encoded). */
    static byte[] request(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        String hostHeader = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        return ("GET " + target + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nUser-Agent: procrust-health-check\r\n"
                + "Accept: */*\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    void connected() throws IOException {
        writable();
    }

    @Override
    void writable() throws IOException {
        channel().write(req);
        watch(req.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
    }

    /**
     * Reads what came, until the socket has nothing more for now; the rest of the answer after the status
     * line is read and dropped, to EOF or DRAIN bytes. (The answer and its end often come together:
     * reading on spares a wake of the loop for the end.)
     */
    @Override
    void readable() throws IOException {
        while (true) {
            in.clear();
            int n = channel().read(in);
            if (n == 0) {
                return; // the selector says when there is more
            }
            if (n < 0) { // the server closed
                fail(read == 0 ? "the server closed the connection without an answer"
                        : "not an HTTP answer: " + quoted(line));
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
                return;
            }
        }
    }

    @Override
    String why(Exception e) {
        return e instanceof ConnectException ? "connection refused" : NetProbes.words(e);
    }

    /** Takes the bytes read into the status line; completes {@code out} once it is whole. */
    private void statusLine() {
        while (in.hasRemaining()) {
            char c = (char) (in.get() & 0xff);
            if (c == '\n') {
                out.complete(parse(line));
                return;
            }
            if (c != '\r') {
                line.append(c);
            }
            if (line.length() > MAX_STATUS_LINE) {
                fail("not an HTTP answer: " + quoted(line));
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
}
