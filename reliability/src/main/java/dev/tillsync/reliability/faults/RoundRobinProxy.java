package dev.tillsync.reliability.faults;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP load balancer on loopback: each new connection goes to the next upstream in turn; an upstream that
 * refuses the connect is skipped (as a balancer's health check would), but a connection already forwarded dies
 * with its upstream — exactly what a terminal sees when one of two servers is killed mid-request.
 */
public final class RoundRobinProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final List<Integer> upstreamPorts;
    private final AtomicLong next = new AtomicLong();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "round-robin-proxy");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;

    public RoundRobinProxy(List<Integer> upstreamPorts) throws IOException {
        this.upstreamPorts = List.copyOf(upstreamPorts);
        this.listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        pool.execute(this::acceptLoop);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                open.add(client);
                pool.execute(() -> handle(client));
            } catch (IOException e) {
                if (closed) return;
            }
        }
    }

    private void handle(Socket client) {
        Socket server = null;
        long start = next.getAndIncrement();
        for (int i = 0; i < upstreamPorts.size() && server == null; i++) {
            int port = upstreamPorts.get((int) ((start + i) % upstreamPorts.size()));
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
                server = s;
            } catch (IOException e) {
                close(s);
            }
        }
        if (server == null) {
            close(client); // no upstream alive: the client sees the connection drop
            open.remove(client);
            return;
        }
        Socket up = server;
        open.add(up);
        pool.execute(() -> pump(up, client));
        pump(client, up);
    }

    private void pump(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException ignored) {
            // one side died; close both below
        } finally {
            close(from);
            close(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // best effort
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // best effort
        }
        open.forEach(RoundRobinProxy::close);
        pool.shutdownNow();
    }
}
