package dev.tillsync.terminal.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A network receipt printer on 127.0.0.1 for tests: accepts raw ESC/POS (port 9100 style), answers DLE EOT status
 * requests as it reads them, and keeps each connection's bytes as a {@link Job} decoded by {@link EscPosStream}.
 * Its {@link Behaviour} makes it misbehave the ways real printers do.
 */
public final class PrinterSimulator implements AutoCloseable {
    public enum Behaviour {
        /** Reads everything, answers "on line, paper present". */
        OK,
        /** Accepts the connection and never reads a byte (a printer stuck mid-job). */
        HANG,
        /** Reads the first {@link #CLOSE_AFTER} bytes, then closes the connection. */
        CLOSE_MID_RECEIPT,
        /** Reads everything and answers "off line, paper end". */
        PAPER_OUT,
        /** Reads everything, never answers status requests, closes when the client does (as {@code nc -l 9100} does). */
        NO_STATUS
    }

    public static final int CLOSE_AFTER = 40;

    /** One connection's bytes; {@code complete} once the client closed it. */
    public record Job(byte[] bytes, boolean complete) {
        public List<EscPosStream.Command> commands() {
            return EscPosStream.decode(bytes);
        }

        public List<String> outline() {
            return EscPosStream.outline(commands());
        }

        public long count(String kind) {
            return commands().stream().filter(c -> c.kind().equals(kind)).count();
        }

        public String text() {
            StringBuilder sb = new StringBuilder();
            for (EscPosStream.Command c : commands()) if (c.kind().equals("text")) sb.append(c.detail()).append('\n');
            return sb.toString();
        }
    }

    private final ServerSocket server;
    private final List<Job> jobs = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile Behaviour behaviour;
    private final Thread acceptor;

    public PrinterSimulator(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofVirtual().start(this::acceptLoop);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The target a till is configured with: tcp://127.0.0.1:PORT. */
    public String target() {
        return "tcp://127.0.0.1:" + port();
    }

    public void behave(Behaviour b) {
        this.behaviour = b;
    }

    /** The completed jobs so far, in the order they finished. */
    public List<Job> jobs() {
        return jobs.stream().filter(Job::complete).toList();
    }

    /** Waits until {@code n} jobs are complete (the client closed each), or fails after {@code max}. */
    public List<Job> awaitJobs(int n, Duration max) throws InterruptedException {
        long until = System.nanoTime() + max.toNanos();
        while (jobs().size() < n) {
            if (System.nanoTime() > until) throw new AssertionError("printer got " + jobs().size() + " of " + n + " jobs");
            TimeUnit.MILLISECONDS.sleep(5);
        }
        return jobs();
    }

    /** A port with nothing listening on it (a printer that is off, or the wrong address). */
    public static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                open.add(s);
                Behaviour b = behaviour;
                Thread.ofVirtual().start(() -> serve(s, b));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s, Behaviour b) {
        if (b == Behaviour.HANG) return; // holds the socket open, reads nothing; close() ends it
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        int answered = 0;
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (b == Behaviour.CLOSE_MID_RECEIPT) {
                    got.write(buf, 0, Math.min(n, CLOSE_AFTER - got.size()));
                    if (got.size() >= CLOSE_AFTER) {
                        s.setSoLinger(true, 0); // a reset, as a printer rebooting mid-job does
                        break;
                    }
                    continue;
                }
                got.write(buf, 0, n);
                List<EscPosStream.Command> status = EscPosStream.decode(got.toByteArray()).stream()
                        .filter(c -> c.kind().equals("status")).toList();
                for (; b != Behaviour.NO_STATUS && answered < status.size(); answered++) {
                    boolean paperOut = b == Behaviour.PAPER_OUT;
                    int request = Integer.parseInt(status.get(answered).detail());
                    out.write(request == 4 ? (paperOut ? 0x72 : 0x12) : (paperOut ? 0x1A : 0x12));
                    out.flush();
                }
            }
        } catch (IOException e) {
            // the client went away: keep what arrived
        } finally {
            jobs.add(new Job(got.toByteArray(), true));
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) s.close();
        acceptor.interrupt();
    }

    /** The jobs' outlines, for an assertion message. */
    public List<List<String>> outlines() {
        List<List<String>> all = new ArrayList<>();
        for (Job j : jobs()) all.add(j.outline());
        return all;
    }
}
