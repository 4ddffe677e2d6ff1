package dev.tillsync.terminal.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy between terminal and server that a test controls: {@link #down(boolean)} refuses
 * connections (the line is cut, same port), {@link #dropNextResponse()} forwards the next request to the
 * server, lets it commit, and closes the connection instead of returning the answer;
 * {@link #cutAfterRequests(int)} lets that many requests through with their answers and cuts the line at the next.
 */
public final class LossyProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int targetPort;
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicBoolean dropNext = new AtomicBoolean();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile int cutAfter = -1;
    private volatile boolean closed;

    public LossyProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "lossy-proxy");
        t.setDaemon(true);
        t.start();
    }

    public String url() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    public void down(boolean isDown) {
        down.set(isDown);
        if (!isDown) cutAfter = -1;
    }

    /** Forwards the next {@code n} requests and their answers, then goes down as the one after starts (it never reaches the server). */
    public void cutAfterRequests(int n) {
        requests.set(0);
        cutAfter = n;
    }

    public void dropNextResponse() {
        dropNext.set(true);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                if (down.get()) {
                    client.setSoLinger(true, 0);
                    client.close();
                    continue;
                }
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                pump(client, server, false);
                pump(server, client, true);
            } catch (IOException e) {
                if (closed) return;
            }
        }
    }

    private void pump(Socket from, Socket to, boolean response) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    if (!response && cutAfter >= 0 && startsRequest(buf, n) && requests.incrementAndGet() > cutAfter) {
                        cutAfter = -1;
                        down.set(true);
                    }
                    if (down.get() || response && dropNext.compareAndSet(true, false)) {
                        // The server has answered (so it committed); the terminal never sees the answer.
                        to.setSoLinger(true, 0);
                        to.close();
                        from.close();
                        return;
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // connection ended
            } finally {
                try {
                    to.close();
                    from.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }, "lossy-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    /** A request's first bytes (the client writes its head and body separately and waits for each answer). */
    private static boolean startsRequest(byte[] buf, int n) {
        String head = new String(buf, 0, Math.min(n, 8), StandardCharsets.US_ASCII);
        return head.startsWith("GET ") || head.startsWith("POST ") || head.startsWith("PUT ") || head.startsWith("DELETE ");
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
    }
}
