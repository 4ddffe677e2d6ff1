package dev.tillsync.terminal.receipt.printer;

import dev.tillsync.terminal.TerminalException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a till's ESC/POS bytes go, parsed from the one text a manager types: {@code tcp://HOST[:PORT][?status=off]}
 * (raw ESC/POS over TCP, port 9100 by default), {@code cups:QUEUE} (sent raw through {@code lp}), or a path (a device
 * such as /dev/usb/lp0, a file, or a folder that gets one file per receipt). Blank means the data folder's receipts folder.
 */
public sealed interface PrinterTarget {
    int DEFAULT_PORT = 9100;

    /** The text as a manager would type it again (what the event log and messages show). */
    String describe();

    /** Raw TCP; {@code askStatus} sends DLE EOT after the receipt and waits for the printer's answer. */
    record Tcp(String host, int port, boolean askStatus) implements PrinterTarget {
        public String describe() {
            return "tcp://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + (askStatus ? "" : "?status=off");
        }
    }

    /** A CUPS queue, printed raw ({@code lp -d QUEUE -o raw}). */
    record Cups(String queue) implements PrinterTarget {
        public String describe() {
            return "cups:" + queue;
        }
    }

    /** A device, a file, or a folder (one NUMBER.escpos per receipt). */
    record Local(Path path) implements PrinterTarget {
        public String describe() {
            return path.toString();
        }
    }

    /** Nothing set: DATA/receipts/NUMBER.escpos. */
    record ReceiptsFolder() implements PrinterTarget {
        public String describe() {
            return "the receipts folder";
        }
    }

    Pattern QUEUE = Pattern.compile("[A-Za-z0-9_.\\-]{1,127}");
    Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-_]{1,253}|\\[[0-9A-Fa-f:.]+\\]");

    /** Parses a stored or typed target; refuses a malformed one with what a valid one looks like. */
    static PrinterTarget parse(String text) {
        if (text == null || text.isBlank()) return new ReceiptsFolder();
        String t = text.trim();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.startsWith("tcp://")) return tcp(t, t.substring(6));
        if (lower.startsWith("cups:")) {
            String q = t.substring(5);
            if (!QUEUE.matcher(q).matches()) {
                throw bad(t, "a CUPS queue name is letters, digits, '.', '_' or '-' (see lpstat -p), e.g. cups:Kitchen_TM_T88");
            }
            return new Cups(q);
        }
        if (lower.matches("[a-z][a-z0-9+.\\-]*://.*") || lower.startsWith("tcp:")) {
            throw bad(t, "only tcp://HOST[:PORT], cups:QUEUE, or a device, file or folder path are printer targets");
        }
        try {
            return new Local(Path.of(t));
        } catch (InvalidPathException e) {
            throw bad(t, "it is not a valid path (" + e.getReason() + ")");
        }
    }

    /** {@link #parse}, and for a path also that its folder exists (when setting a target; a printer may be unplugged then). */
    static PrinterTarget validate(String text) {
        PrinterTarget t = parse(text);
        if (t instanceof Local l) {
            Path parent = l.path().toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) throw bad(text.trim(), "the folder " + parent + " does not exist");
        }
        return t;
    }

    private static Tcp tcp(String whole, String rest) {
        boolean askStatus = true;
        int q = rest.indexOf('?');
        if (q >= 0) {
            String query = rest.substring(q + 1);
            rest = rest.substring(0, q);
            if (query.equalsIgnoreCase("status=off")) askStatus = false;
            else if (!query.equalsIgnoreCase("status=on")) throw bad(whole, "the only option is ?status=off (for a printer that never answers status requests)");
        }
        if (rest.endsWith("/")) rest = rest.substring(0, rest.length() - 1);
        String host = rest;
        int port = DEFAULT_PORT;
        int colon = rest.lastIndexOf(':');
        if (colon >= 0 && (rest.startsWith("[") ? rest.indexOf(']') < colon : rest.indexOf(':') == colon)) {
            host = rest.substring(0, colon);
            try {
                port = Integer.parseInt(rest.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw bad(whole, "the port must be a number, e.g. tcp://192.168.1.50:9100");
            }
            if (port < 1 || port > 65535) throw bad(whole, "the port must be between 1 and 65535 (printers listen on 9100)");
        }
        if (host.isEmpty() || !HOST.matcher(host).matches()) {
            throw bad(whole, "write the printer's address as tcp://HOST[:PORT], e.g. tcp://192.168.1.50:9100");
        }
        if (host.startsWith("[")) host = host.substring(1, host.length() - 1);
        return new Tcp(host, port, askStatus);
    }

    private static TerminalException bad(String text, String why) {
        return new TerminalException("bad_printer_target", "Printer target '" + text + "' is not usable: " + why + ".");
    }
}
