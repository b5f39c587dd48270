package procrust.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** http and tcp checks against real sockets on loopback (ports from the kernel). */
class NetProbesTest {

    NetProbes probes;
    HttpServer server;
    final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws Exception {
        probes = new NetProbes();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ok", x -> answer(x, 200));
        server.createContext("/moved", x -> {
            x.getResponseHeaders().add("Location", "/elsewhere");
            answer(x, 302);
        });
        server.createContext("/down", x -> answer(x, 503));
        server.createContext("/hang", x -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(x, 200);
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    private static void answer(com.sun.net.httpserver.HttpExchange x, int status) throws java.io.IOException {
        byte[] body = "hello".getBytes();
        x.sendResponseHeaders(status, body.length);
        x.getResponseBody().write(body);
        x.close();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        probes.close();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    ProbeResult http(String path, Duration timeout) throws Exception {
        return probes.http(url(path), timeout).get(20, TimeUnit.SECONDS);
    }

    @Test
    void statusTwoHundredToThreeNinetyNineIsUp() throws Exception {
        assertEquals(ProbeResult.ok("HTTP 200"), http("/ok", Duration.ofSeconds(5)));
        assertEquals(ProbeResult.ok("HTTP 302"), http("/moved", Duration.ofSeconds(5)), "a redirect is not followed");
        assertEquals(ProbeResult.failed("HTTP 503"), http("/down", Duration.ofSeconds(5)));
        assertEquals(ProbeResult.failed("HTTP 404"), http("/nothing", Duration.ofSeconds(5)));
    }

    @Test
    void anAnswerTooLateIsAFailureAtTheTimeout() throws Exception {
        long t0 = System.nanoTime();
        ProbeResult r = http("/hang", Duration.ofMillis(300));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertFalse(r.ok());
        assertEquals("no answer within 300ms", r.detail());
        assertTrue(ms < 10_000, "ended by its timeout, not by the server: " + ms + " ms");
    }

    @Test
    void aClosedPortIsRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ProbeResult h = probes.http(URI.create("http://127.0.0.1:" + port + "/"), Duration.ofSeconds(5))
                .get(20, TimeUnit.SECONDS);
        assertEquals(ProbeResult.failed("connection refused"), h);
        ProbeResult t = probes.tcp("127.0.0.1", port, Duration.ofSeconds(5)).get(20, TimeUnit.SECONDS);
        assertFalse(t.ok());
        assertTrue(t.detail().startsWith("cannot connect to 127.0.0.1:" + port), t::toString);
    }

    @Test
    void tcpConnects() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ProbeResult r = probes.tcp("127.0.0.1", s.getLocalPort(), Duration.ofSeconds(5)).get(20, TimeUnit.SECONDS);
            assertEquals(ProbeResult.ok("connected to 127.0.0.1:" + s.getLocalPort()), r);
            ProbeResult byName = probes.tcp("localhost", s.getLocalPort(), Duration.ofSeconds(5)).get(20, TimeUnit.SECONDS);
            assertTrue(byName.ok() || byName.detail().contains("connect"), byName::toString);
        }
    }

    @Test
    void manyChecksAtOnceNeedNoThreadEach() throws Exception {
        assertTrue(http("/ok", Duration.ofSeconds(5)).ok());
        long before = probeThreads();
        var all = new java.util.ArrayList<java.util.concurrent.CompletableFuture<ProbeResult>>();
        for (int i = 0; i < 100; i++) {
            all.add(probes.http(url("/ok"), Duration.ofSeconds(10)));
        }
        for (var f : all) {
            assertTrue(f.get(30, TimeUnit.SECONDS).ok());
        }
        // the server's own cached pool grows; the probes' threads do not
        assertEquals(before, probeThreads());
    }

    @Test
    void theRequestIsAPlainGetThatAsksToClose() {
        String r = new String(PlainHttpGet.request(URI.create("http://127.0.0.1:8080/health?full=1")),
                java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals("GET /health?full=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nUser-Agent: procrust-health-check\r\n"
                + "Accept: */*\r\nConnection: close\r\n\r\n", r);
        assertTrue(new String(PlainHttpGet.request(URI.create("http://[::1]")), java.nio.charset.StandardCharsets.US_ASCII)
                .startsWith("GET / HTTP/1.1\r\nHost: [::1]\r\n"));
    }

    @Test
    void statusLines() {
        assertEquals(ProbeResult.ok("HTTP 204"), PlainHttpGet.parse("HTTP/1.1 204 No Content"));
        assertEquals(ProbeResult.ok("HTTP 200"), PlainHttpGet.parse("HTTP/1.0 200"));
        assertEquals(ProbeResult.ok("HTTP 399"), PlainHttpGet.parse("HTTP/1.1 399 "));
        assertEquals(ProbeResult.failed("HTTP 400"), PlainHttpGet.parse("HTTP/1.1 400 Bad Request"));
        assertEquals(ProbeResult.failed("HTTP 199"), PlainHttpGet.parse("HTTP/1.1 199 Odd"));
        assertFalse(PlainHttpGet.parse("SSH-2.0-OpenSSH_9.2").ok());
        assertFalse(PlainHttpGet.parse("HTTP/1.1 2000 OK").ok());
        assertFalse(PlainHttpGet.parse("HTTP/1.1 OK").ok());
        assertTrue(PlainHttpGet.parse("+PONG").detail().startsWith("not an HTTP answer"));
    }

    @Test
    void aServerThatIsNotHttpFailsNamingWhatItSaid() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (java.net.Socket c = s.accept()) {
                    c.getOutputStream().write("-ERR unknown command 'GET'\r\n".getBytes());
                } catch (java.io.IOException e) {
                    // the test's assertion says what went wrong
                }
            });
            t.start();
            ProbeResult r = probes.http(URI.create("http://127.0.0.1:" + s.getLocalPort() + "/"), Duration.ofSeconds(5))
                    .get(20, TimeUnit.SECONDS);
            assertEquals(ProbeResult.failed("not an HTTP answer: \"-ERR unknown command 'GET'\""), r);
            t.join(10_000);
        }
    }

    @Test
    void anAnswerLongerThanTheDrainIsStillUp() throws Exception {
        server.createContext("/big", x -> {
            byte[] body = new byte[PlainHttpGet.DRAIN * 4];
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        assertEquals(ProbeResult.ok("HTTP 200"), http("/big", Duration.ofSeconds(5)));
    }

    @Test
    void aServerThatClosesWithoutAnswerFails() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (java.net.Socket c = s.accept()) {
                    c.getInputStream().read();
                } catch (java.io.IOException e) {
                    // the test's assertion says what went wrong
                }
            });
            t.start();
            ProbeResult r = probes.http(URI.create("http://127.0.0.1:" + s.getLocalPort() + "/"), Duration.ofSeconds(5))
                    .get(20, TimeUnit.SECONDS);
            assertFalse(r.ok());
            assertTrue(r.detail().contains("closed the connection without an answer") || r.detail().contains("reset"),
                    r::toString);
            t.join(10_000);
        }
    }

    @Test
    void anAnswerThatNeverEndsIsUpAndItsSocketClosedAtTheTimeLimit() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Integer> seen = new CompletableFuture<>();
            Thread t = new Thread(() -> {
                try (java.net.Socket c = s.accept()) {
                    c.getInputStream().read(new byte[1024]);
                    c.getOutputStream().write("HTTP/1.0 200 OK\r\n".getBytes());
                    c.getOutputStream().flush();
                    c.setSoTimeout(20_000);
                    seen.complete(c.getInputStream().read()); // -1 once procrust closes its end
                } catch (java.io.IOException e) {
                    seen.completeExceptionally(e);
                }
            });
            t.start();
            long t0 = System.nanoTime();
            ProbeResult r = probes.http(URI.create("http://127.0.0.1:" + s.getLocalPort() + "/"), Duration.ofMillis(500))
                    .get(20, TimeUnit.SECONDS);
            assertEquals(ProbeResult.ok("HTTP 200"), r, "up as soon as the status line came");
            assertEquals(-1, seen.get(20, TimeUnit.SECONDS), "the check's end of the connection is closed at its limit");
            assertTrue((System.nanoTime() - t0) / 1_000_000 >= 400, "closed at the limit, not before");
            t.join(10_000);
        }
    }

    @Test
    void httpsGoesThroughTheJdkClient() throws Exception {
        // a TLS hello to a plain HTTP server: the check fails (it does not hang or pass)
        ProbeResult r = probes.http(URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/ok"),
                Duration.ofSeconds(5)).get(20, TimeUnit.SECONDS);
        assertFalse(r.ok(), r::toString);
    }

    @Test
    void aBurstToOneServerWaitsItsTurnInsteadOfOverflowingItsBacklog() throws Exception {
        // a listen backlog of 1 and a server that accepts one connection at a time, slowly: without
        // turns, a burst of 40 connects overflows the backlog and the kernel drops some of them
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                while (!s.isClosed()) {
                    try (java.net.Socket c = s.accept()) {
                        c.getInputStream().read(new byte[1024]);
                        Thread.sleep(5);
                        c.getOutputStream().write("HTTP/1.0 200 OK\r\n\r\n".getBytes());
                    } catch (java.io.IOException | InterruptedException e) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            var all = new java.util.ArrayList<java.util.concurrent.CompletableFuture<ProbeResult>>();
            for (int i = 0; i < 40; i++) {
                all.add(probes.http(URI.create("http://127.0.0.1:" + s.getLocalPort() + "/"), Duration.ofSeconds(20)));
            }
            for (var f : all) {
                assertEquals(ProbeResult.ok("HTTP 200"), f.get(60, TimeUnit.SECONDS));
            }
        }
    }

    private static long probeThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("procrust-probe") || t.getName().startsWith("HttpClient")).count();
    }
}
