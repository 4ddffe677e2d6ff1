package dev.tillsync.terminal.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.money.Money;
import dev.tillsync.terminal.SaleReceipt;
import dev.tillsync.terminal.TerminalException;
import dev.tillsync.core.json.Json;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Parsing and printing shared by the commands. */
final class Commands {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final ObjectMapper JSON = Json.mapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Commands() {}

    /** Parses {@code MODE:AMOUNT[:REF]}. */
    static Payment payment(String text) {
        String[] p = text.split(":", 3);
        if (p.length < 2 || p[0].isBlank()) {
            throw new TerminalException("bad_payment", "Payment '" + text + "' should be MODE:AMOUNT[:REF], e.g. Cash:20.00 or Card:12.50:slip-42.");
        }
        long amount;
        try {
            amount = Money.parse(p[1]);
        } catch (IllegalArgumentException e) {
            throw new TerminalException("bad_amount", "Payment '" + text + "': " + e.getMessage() + ".");
        }
        return new Payment(p[0].trim(), amount, p.length == 3 ? p[2] : null);
    }

    /** {@code EMAIL:PIN} of an approving manager checked now (PosTerminal.approve): their login, or null when none was given. */
    static String approver(dev.tillsync.terminal.PosTerminal pos, String emailPin) {
        if (emailPin == null || emailPin.isBlank()) return null;
        int colon = emailPin.lastIndexOf(':');
        if (colon <= 0) {
            throw new TerminalException("bad_approver", "--approve '" + emailPin + "' should be EMAIL:PIN of a manager, e.g. --approve manager@shop.example:1234.");
        }
        return pos.approve(emailPin.substring(0, colon).trim(), emailPin.substring(colon + 1));
    }

    static long amount(String text, String what) {
        try {
            return Money.parse(text);
        } catch (IllegalArgumentException e) {
            throw new TerminalException("bad_amount", what + ": " + e.getMessage() + ".");
        }
    }

    static String time(Instant i) {
        return i == null ? "never" : TIME.format(i);
    }

    static void json(PrintWriter out, Object o) {
        try {
            out.println(JSON.writeValueAsString(o));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Prints the receipt and says where it went, waiting for the PDF preview so that "Preview PATH" names a file that
     * exists; exit code 3 if it could not be printed or previewed.
     */
    static int receipt(PrintWriter out, PrintWriter err, SaleReceipt r) {
        return receipt(out, err, r, null);
    }

    /** The same, naming a network or CUPS printer ({@code target}) rather than the copy of the bytes kept on disk. */
    static int receipt(PrintWriter out, PrintWriter err, SaleReceipt r, String target) {
        out.print(r.text());
        out.println("Recorded " + r.number() + " (seq " + r.seq() + ")" + (r.offline() ? " OFFLINE — will sync" : "")
                + (r.changeMinor() > 0 ? "; change " + Money.format(r.changeMinor()) : ""));
        if (r.escposPath() != null) {
            boolean remote = target != null && (target.startsWith("tcp://") || target.startsWith("cups:"));
            out.println(remote ? "Printed on " + target + " (bytes kept in " + r.escposPath() + ")" : "Printed to " + r.escposPath());
        }
        if (r.pdfPath() != null) out.println("Preview " + r.pdfPath());
        String warning = r.receiptWarning();
        if (warning != null) {
            err.println("warning [not_printed]: " + warning);
            return TerminalMain.NOT_PRINTED;
        }
        return 0;
    }
}
