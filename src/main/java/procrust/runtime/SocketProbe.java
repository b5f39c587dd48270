package procrust.runtime;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;

/**
 * One check over a non-blocking socket of the {@link ProbeLoop}: it connects, then {@link #connected}
 * says what comes next ({@link #watch} for reads or writes, or {@link #end}). The result goes to
 * {@link #out}, once, never exceptionally; the socket is closed at {@link #end}, by the check itself or
 * by its time limit ({@link #expire}). Every method runs on the loop's thread.
 */
abstract class SocketProbe implements ProbeLoop.Ready {

    final ProbeLoop loop;
    final CompletableFuture<ProbeResult> out;
    private SocketChannel ch;
    private SelectionKey key;
    private boolean ended;
    private boolean begun;
    /** The check's time limit, dropped at {@link #end}. */
    ProbeLoop.Timer limit;

    SocketProbe(ProbeLoop loop, CompletableFuture<ProbeResult> out) {
        this.loop = loop;
        this.out = out;
    }

    /** Starts the check (its turn came). */
    final void go() {
        begun = true;
        begin();
    }

    /** True once the check has started: its time limit then closes its socket. */
    final boolean begun() {
        return begun;
    }

    /** Starts the check: {@link #start} with the address, or {@link #fail} and {@link #end} when there is none. */
    abstract void begin();

    /** Opens a socket and connects it to {@code addr} ({@code host} as given, for messages). */
    final void start(InetSocketAddress addr, String host) {
        if (addr.isUnresolved()) {
            fail("cannot resolve host " + host);
            return;
        }
        try {
            ch = SocketChannel.open();
            ch.configureBlocking(false);
            // on loopback the handshake is often over by the time connect returns: a look at once then
            // spares the wait for the selector to say so (a registration and a wake of the loop per check)
            if (ch.connect(addr) || ch.finishConnect()) {
                connected();
            } else {
                key = loop.register(ch, SelectionKey.OP_CONNECT, this);
            }
        } catch (IOException | RuntimeException e) {
            failed(e);
        }
    }

    @Override
    public final void ready(SelectionKey k) {
        try {
            if (k.isConnectable()) {
                ch.finishConnect();
                k.interestOps(0);
                connected();
            } else if (k.isWritable()) {
                writable();
            } else if (k.isReadable()) {
                readable();
            }
        } catch (IOException | RuntimeException e) {
            failed(e);
        }
    }

    /** The connection is made: write, watch, or end. */
    abstract void connected() throws IOException;

    /** The socket can take more bytes (after {@code watch(OP_WRITE)}). */
    void writable() throws IOException {
    }

    /** The socket has bytes or its end (after {@code watch(OP_READ)}). */
    void readable() throws IOException {
    }

    /** Why the check failed, from what went wrong with the socket. */
    abstract String why(Exception e);

    /** Waits for {@code ops} of the socket (replacing what was waited for). */
    final void watch(int ops) throws IOException {
        if (key == null) {
            key = loop.register(ch, ops, this);
        } else {
            key.interestOps(ops);
        }
    }

    final SocketChannel channel() {
        return ch;
    }

    /** The check's time is up: a failure saying {@code why} unless a result came; the socket is closed. */
    final void expire(String why) {
        fail(why);
        end();
    }

    final void fail(String why) {
        out.complete(ProbeResult.failed(why));
    }

    final void failed(Exception e) {
        if (!ended) {
            fail(why(e));
        }
        end();
    }

    /** Closes the socket (once). */
    final void end() {
        if (ended) {
            return;
        }
        ended = true;
        loop.cancel(limit);
        if (key != null) {
            key.cancel();
        }
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                // closing a socket that is done with: nothing to do
            }
        }
    }
}
