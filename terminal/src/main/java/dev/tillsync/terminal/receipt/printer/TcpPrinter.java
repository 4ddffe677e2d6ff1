package dev.tillsync.terminal.receipt.printer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * Sends raw ESC/POS to a network printer (JetDirect / port 9100). Every wait has a deadline, so a sale's caller is
 * never held longer than {@link #worstCase()}: connecting may take {@link #CONNECT}; sending the bytes and (unless
 * {@code ?status=off}) the printer's answer to {@code DLE EOT 1} (on line?) and {@code DLE EOT 4} (paper?) share
 * {@link #ANSWER}. One retry, {@link #RETRY_PAUSE} later, only when nothing can have printed: the connection was
 * refused, timed out, or broke before the printer answered. A printer that took the bytes and stays silent is not
 * retried (it may be printing), it is reported.
 */
final class TcpPrinter {
    static final Duration CONNECT = Duration.ofSeconds(3);
    static final Duration ANSWER = Duration.ofSeconds(5);
    static final Duration RETRY_PAUSE = Duration.ofMillis(300);
    static final byte[] STATUS_REQUEST = {0x10, 0x04, 1, 0x10, 0x04, 4};

    private TcpPrinter() {}

    static Duration worstCase() {
        return CONNECT.plus(ANSWER).multipliedBy(2).plus(RETRY_PAUSE);
    }

    /** Sends; returns a note on the printer's state when it has one worth saying (paper low), else null. */
    static String send(PrinterTarget.Tcp t, byte[] bytes) throws PrintFailure {
        try {
            return attempt(t, bytes);
        } catch (PrintFailure first) {
            if (!first.retryable()) throw first;
            try {
                Thread.sleep(RETRY_PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw first;
            }
            try {
                return attempt(t, bytes);
            } catch (PrintFailure second) {
                throw new PrintFailure(second.getMessage() + " (tried twice)", false);
            }
        }
    }

    private static String attempt(PrinterTarget.Tcp t, byte[] bytes) throws PrintFailure {
        String who = "the printer at " + t.describe();
        InetSocketAddress addr = new InetSocketAddress(t.host(), t.port());
        if (addr.isUnresolved()) throw new PrintFailure(who + " cannot be found: the name '" + t.host() + "' is unknown on this network", true);
        try (SocketChannel ch = SocketChannel.open(); Selector sel = Selector.open()) {
            ch.configureBlocking(false);
            SelectionKey key = ch.register(sel, SelectionKey.OP_CONNECT);
            if (!ch.connect(addr)) {
                if (sel.select(CONNECT.toMillis()) == 0) {
                    throw new PrintFailure(who + " did not answer within " + CONNECT.toSeconds() + " s (is it switched on and on this network?)", true);
                }
                sel.selectedKeys().clear();
                try {
                    ch.finishConnect();
                } catch (IOException e) {
                    throw new PrintFailure(who + " refused the connection (" + e.getMessage() + "): is it switched on, is the address right?", true);
                }
            }
            long deadline = System.nanoTime() + ANSWER.toNanos();
            ByteBuffer out = ByteBuffer.allocate(bytes.length + (t.askStatus() ? STATUS_REQUEST.length : 0));
            out.put(bytes);
            if (t.askStatus()) out.put(STATUS_REQUEST);
            out.flip();
            key.interestOps(SelectionKey.OP_WRITE);
            try {
                while (out.hasRemaining()) {
                    if (ch.write(out) == 0) {
                        long left = remainingMillis(deadline);
                        if (left <= 0 || sel.select(left) == 0) {
                            throw new PrintFailure(who + " took only " + Math.min(out.position(), bytes.length) + " of " + bytes.length
                                    + " bytes in " + ANSWER.toSeconds() + " s (busy, jammed or out of paper?)", false);
                        }
                        sel.selectedKeys().clear();
                    }
                }
            } catch (IOException e) {
                throw new PrintFailure(who + " closed the connection while the receipt was being sent (" + e.getMessage() + ")", true);
            }
            if (!t.askStatus()) return null;
            // Half-close, as CUPS's socket backend does: a printer (or a plain listener) that has read everything closes
            // its side too; one that answers the status requests is done as soon as both bytes are in.
            ch.shutdownOutput();
            key.interestOps(SelectionKey.OP_READ);
            ByteBuffer in = ByteBuffer.allocate(64);
            try {
                while (in.position() < 2) {
                    int n = ch.read(in);
                    if (n < 0) return null; // took every byte and closed without a status answer: nothing more is known
                    if (n == 0) {
                        long left = remainingMillis(deadline);
                        if (left <= 0 || sel.select(left) == 0) {
                            throw new PrintFailure(who + " took the receipt but did not confirm it within " + ANSWER.toSeconds()
                                    + " s (it may be busy or stuck; if this printer never answers and never closes, add ?status=off to its target)", false);
                        }
                        sel.selectedKeys().clear();
                    }
                }
            } catch (IOException e) {
                throw new PrintFailure(who + " broke the connection before taking the whole receipt (" + e.getMessage() + ")", true);
            }
            return judge(who, in.get(0), in.get(1));
        } catch (IOException e) {
            throw new PrintFailure(who + " could not be reached (" + e.getMessage() + ")", true);
        }
    }

    /** Reads the two status bytes; a printer that says it is off line or out of paper is a failure the cashier must fix. */
    static String judge(String who, byte printer, byte paper) throws PrintFailure {
        boolean wellFormed = (printer & 0x93) == 0x12 && (paper & 0x93) == 0x12;
        if (!wellFormed) return null; // not an ESC/POS status answer: the bytes were taken, nothing more is known
        if ((paper & 0x60) != 0) throw new PrintFailure(who + " is out of paper: load a roll, then reprint", false);
        if ((printer & 0x08) != 0) throw new PrintFailure(who + " is off line (cover open or paper feed pressed?)", false);
        if ((paper & 0x0C) != 0) return "the paper roll is nearly finished";
        return null;
    }

    private static long remainingMillis(long deadline) {
        return Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
    }
}
