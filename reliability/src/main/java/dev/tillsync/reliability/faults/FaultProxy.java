package dev.tillsync.reliability.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on loopback between a terminal and a server that injects network faults.
 * The mode is read once per accepted connection, so switching modes never tears a connection in half
 * by accident; {@link #dropAll()} does that on purpose. Listens on 127.0.0.1 only.
 */
public final class FaultProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final InetSocketAddress upstream;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Random random;
    private final AtomicLong connections = new AtomicLong();
    private volatile FaultMode mode = FaultMode.PASS;
    private volatile long delayMillis = 1_500;
    private volatile int trickleBytes = 7;
    private volatile long tricklePauseMillis = 15;
    private volatile boolean closed;

    /** Starts listening on {@code listenPort} (0 = any free port) and forwarding to {@code upstreamPort} on loopback. */
    public FaultProxy(int listenPort, int upstreamPort, long seed) throws IOException {
        this.listener = new ServerSocket();
        this.listener.setReuseAddress(true);
        this.listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), listenPort));
        this.upstream = new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort);
        this.random = new Random(seed);
        pool.execute(this::acceptLoop);
    }

    public int port() {
        return listener.getLocalPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public FaultMode mode() {
        return mode;
    }

    public void mode(FaultMode mode) {
        this.mode = mode;
    }

    public long delayMillis() {
        return delayMillis;
    }

    public void delayMillis(long millis) {
        this.delayMillis = millis;
    }

    /** How TRICKLE dribbles answers: {@code bytes} at a time with {@code pauseMillis} between (default 7 bytes / 15 ms). */
    public void trickle(int bytes, long pauseMillis) {
        this.trickleBytes = Math.max(1, bytes);
        this.tricklePauseMillis = Math.max(0, pauseMillis);
    }

    public long connections() {
        return connections.get();
    }

    /** Closes every open connection through the proxy (a cable pulled mid-flight). */
    public void dropAll() {
        for (Socket s : open) {
            closeQuietly(s);
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        dropAll();
        pool.shutdownNow();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                connections.incrementAndGet();
                open.add(client);
                FaultMode m = mode;
                pool.execute(() -> handle(client, m));
            } catch (IOException e) {
                if (closed) return;
            }
        }
    }

    private void handle(Socket client, FaultMode m) {
        try {
            switch (m) {
                case REFUSE -> {
                    client.setSoLinger(true, 0); // RST, like a refused port
                    client.close();
                }
                case BLACKHOLE -> client.getInputStream().transferTo(OutputStream.nullOutputStream());
                case GARBAGE -> answer(client, garbage());
                case HTTP_500 -> answer(client, httpError(500, "Internal Server Error", "<html>upstream exploded</html>"));
                case HTTP_503 -> answer(client, httpError(503, "Service Unavailable", "no healthy upstream"));
                case PASS, DELAY, CUT_AFTER_REQUEST, TRICKLE -> forward(client, m);
            }
        } catch (IOException ignored) {
            // A fault proxy's own connections end badly by design.
        } finally {
            open.remove(client);
            closeQuietly(client);
        }
    }

    private void forward(Socket client, FaultMode m) throws IOException {
        try (Socket server = new Socket()) {
            server.connect(upstream, 2_000);
            open.add(server);
            try {
                pool.execute(() -> pump(client, server));
                InputStream fromServer = server.getInputStream();
                OutputStream toClient = client.getOutputStream();
                byte[] buf = new byte[16 * 1024];
                boolean first = true;
                int n;
                while ((n = fromServer.read(buf)) > 0) {
                    if (first) {
                        first = false;
                        if (m == FaultMode.CUT_AFTER_REQUEST) {
                            client.setSoLinger(true, 0);
                            return; // the server has answered, so it has committed: lose the answer
                        }
                        if (m == FaultMode.DELAY) sleep(delayMillis);
                    }
                    if (m == FaultMode.TRICKLE) {
                        int step = trickleBytes;
                        for (int i = 0; i < n; i += step) {
                            toClient.write(buf, i, Math.min(step, n - i));
                            toClient.flush();
                            sleep(tricklePauseMillis);
                        }
                    } else {
                        toClient.write(buf, 0, n);
                        toClient.flush();
                    }
                }
            } finally {
                open.remove(server);
            }
        }
    }

    private void pump(Socket client, Socket server) {
        try {
            client.getInputStream().transferTo(server.getOutputStream());
            server.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(server);
        }
    }

    private void answer(Socket client, byte[] response) throws IOException {
        readRequest(client.getInputStream());
        client.getOutputStream().write(response);
        client.getOutputStream().flush();
    }

    /** Reads one HTTP request (head and Content-Length body) so the client finished sending before it is answered. */
    private static void readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            last4 = (last4 << 8) | b;
            if (last4 == 0x0D0A0D0A) break; // CR LF CR LF ends the head
        }
        long length = 0;
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(line.substring(15).trim());
            }
        }
        in.skipNBytes(length);
    }

    private byte[] garbage() {
        byte[] junk = new byte[64 + random.nextInt(512)];
        synchronized (random) {
            random.nextBytes(junk);
        }
        return junk;
    }

    private static byte[] httpError(int status, String reason, String body) {
        return ("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: text/html\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException | RuntimeException ignored) {
            // closing is best effort
        }
    }

}
