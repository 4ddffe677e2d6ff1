package dev.tillsync.terminal.receipt.printer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Sends ESC/POS bytes to a CUPS queue through {@code lp -d QUEUE -o raw} (CUPS passes raw jobs through untouched).
 * {@code lp} only queues the job, so success means CUPS accepted it; {@code lp} gets {@link #WAIT} to answer. The
 * command is {@code lp} on the PATH, or the system property {@code tillsync.lp} (a full path, for tills where it is elsewhere).
 */
final class CupsPrinter {
    static final Duration WAIT = Duration.ofSeconds(5);

    private CupsPrinter() {}

    static String command() {
        return System.getProperty("tillsync.lp", "lp");
    }

    static void send(PrinterTarget.Cups t, byte[] bytes) throws PrintFailure {
        String lp = command();
        Process p;
        try {
            p = new ProcessBuilder(lp, "-d", t.queue(), "-o", "raw").redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new PrintFailure("the CUPS command '" + lp + "' is not installed on this till (install cups-client)", false);
        }
        try {
            try (OutputStream in = p.getOutputStream()) {
                in.write(bytes);
            } catch (IOException e) {
                // lp exited before reading everything: its own message below says why
            }
            if (!p.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new PrintFailure("CUPS did not accept the job for queue " + t.queue() + " within " + WAIT.toSeconds() + " s", false);
            }
            String said = read(p.getInputStream()).strip();
            if (p.exitValue() != 0) {
                throw new PrintFailure("CUPS refused the job for queue " + t.queue() + ": "
                        + (said.isEmpty() ? "lp exited with " + p.exitValue() : said), false);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new PrintFailure("printing to CUPS queue " + t.queue() + " was interrupted", false);
        }
    }

    private static String read(InputStream in) {
        try {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            in.transferTo(b);
            String s = b.toString(StandardCharsets.UTF_8);
            return s.length() > 300 ? s.substring(0, 300) + "…" : s;
        } catch (IOException e) {
            return "";
        }
    }
}
