package dev.tillsync.terminal.receipt.printer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tillsync.terminal.TerminalException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Target parsing, the device path (a FIFO stands in for /dev/usb/lp0), CUPS through a stand-in lp, and status answers. */
class PrinterTransportTest {
    @TempDir
    Path dir;

    @Test
    void targetsParseToTheirKind() {
        assertThat(PrinterTarget.parse("tcp://192.168.1.50")).isEqualTo(new PrinterTarget.Tcp("192.168.1.50", 9100, true));
        assertThat(PrinterTarget.parse(" TCP://printer.shop.lan:9101/ ")).isEqualTo(new PrinterTarget.Tcp("printer.shop.lan", 9101, true));
        assertThat(PrinterTarget.parse("tcp://[fe80::1]:9100?status=off")).isEqualTo(new PrinterTarget.Tcp("fe80::1", 9100, false));
        assertThat(PrinterTarget.parse("tcp://[fe80::1]:9100?status=off").describe()).isEqualTo("tcp://[fe80::1]:9100?status=off");
        assertThat(PrinterTarget.parse("cups:TM_T88.front-1")).isEqualTo(new PrinterTarget.Cups("TM_T88.front-1"));
        assertThat(PrinterTarget.parse("/dev/usb/lp0")).isEqualTo(new PrinterTarget.Local(Path.of("/dev/usb/lp0")));
        assertThat(PrinterTarget.parse("")).isEqualTo(new PrinterTarget.ReceiptsFolder());
        assertThat(PrinterTarget.parse(null)).isEqualTo(new PrinterTarget.ReceiptsFolder());
        assertThatThrownBy(() -> PrinterTarget.parse("tcp://host:0")).hasMessageContaining("between 1 and 65535");
        assertThatThrownBy(() -> PrinterTarget.parse("tcp://bad host")).hasMessageContaining("tcp://HOST[:PORT]");
        assertThatThrownBy(() -> PrinterTarget.parse("smb://server/printer")).isInstanceOf(TerminalException.class)
                .hasMessageContaining("only tcp://HOST[:PORT], cups:QUEUE");
        assertThatThrownBy(() -> PrinterTarget.parse("cups:")).hasMessageContaining("lpstat -p");
        assertThatThrownBy(() -> PrinterTarget.validate(dir.resolve("gone/lp0").toString())).hasMessageContaining("does not exist");
        assertThat(PrinterTarget.validate(dir.resolve("lp0").toString())).isInstanceOf(PrinterTarget.Local.class);
    }

    @Test
    void drawerPulseBytesFollowThePinAndLength() {
        assertThat(DrawerSetting.DEFAULT.pulse()).containsExactly(0x1B, 'p', 0, 25, (byte) 250);
        assertThat(new DrawerSetting(5, 100, 200).pulse()).containsExactly(0x1B, 'p', 1, 50, 100);
        assertThat(DrawerSetting.NONE.pulse()).isEmpty();
        assertThat(DrawerSetting.parsePin("pin5")).isEqualTo(5);
        assertThatThrownBy(() -> DrawerSetting.DEFAULT.withPulse("fifty")).hasMessageContaining("ON_MS/OFF_MS");
    }

    @Test
    void aDevicePathThatNeverTakesTheBytesFailsWithinItsDeadlineAndOneThatDoesGetsThemAll() throws Exception {
        Path fifo = dir.resolve("lp0");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> PrinterLink.send(PrinterTarget.parse(fifo.toString()), new byte[] {0x1B, '@'}, dir, "x"))
                .isInstanceOf(PrintFailure.class).hasMessageContaining("did not take the receipt within 5 s");
        assertThat((System.nanoTime() - t0) / 1_000_000).isBetween(4_500L, 7_000L);
        // the stuck writer from above opens the FIFO as soon as a reader does: drain it, then a real job goes through
        CompletableFuture<byte[]> reader = CompletableFuture.supplyAsync(() -> {
            try (var in = Files.newInputStream(fifo)) {
                return in.readAllBytes();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        reader.get(5, TimeUnit.SECONDS);
        CompletableFuture<byte[]> second = CompletableFuture.supplyAsync(() -> {
            try (var in = Files.newInputStream(fifo)) {
                return in.readAllBytes();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        byte[] job = "receipt bytes\n".getBytes();
        PrinterLink.Sent sent = PrinterLink.send(PrinterTarget.parse(fifo.toString()), job, dir, "x");
        assertThat(sent.file()).isEqualTo(fifo);
        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(job);
    }

    @Test
    void cupsGetsTheBytesRawThroughLpAndItsRefusalIsReported() throws Exception {
        Path got = dir.resolve("got.bin"), args = dir.resolve("args.txt");
        Path lp = dir.resolve("lp");
        Files.writeString(lp, """
                #!/bin/sh
                echo "$@" > '%s'
                if [ "$2" = "Missing" ]; then echo "lp: The printer or class does not exist." >&2; cat > /dev/null; exit 1; fi
                cat > '%s'
                echo "request id is $2-7 (1 file(s))"
                """.formatted(args, got));
        Files.setPosixFilePermissions(lp, PosixFilePermissions.fromString("rwx------"));
        String before = System.getProperty("tillsync.lp");
        System.setProperty("tillsync.lp", lp.toString());
        try {
            byte[] job = {0x1B, '@', 'h', 'i', 0x0A, 0x1D, 'V', 66, 0};
            PrinterLink.Sent s = PrinterLink.send(PrinterTarget.parse("cups:Front"), job, dir, "POS-1");
            assertThat(Files.readAllBytes(got)).isEqualTo(job);
            assertThat(Files.readString(args).trim()).isEqualTo("-d Front -o raw");
            assertThat(s.file()).isEqualTo(dir.resolve("POS-1.escpos"));
            assertThatThrownBy(() -> PrinterLink.send(PrinterTarget.parse("cups:Missing"), job, dir, "POS-2"))
                    .hasMessage("CUPS refused the job for queue Missing: lp: The printer or class does not exist.");
            System.setProperty("tillsync.lp", dir.resolve("no-lp-here").toString());
            assertThatThrownBy(() -> PrinterLink.send(PrinterTarget.parse("cups:Front"), job, dir, "POS-3"))
                    .hasMessageContaining("is not installed on this till (install cups-client)");
        } finally {
            if (before == null) System.clearProperty("tillsync.lp");
            else System.setProperty("tillsync.lp", before);
        }
    }

    @Test
    void statusAnswersAreRead() throws Exception {
        assertThat(TcpPrinter.judge("p", (byte) 0x12, (byte) 0x12)).isNull();
        assertThat(TcpPrinter.judge("p", (byte) 0x12, (byte) 0x1E)).isEqualTo("the paper roll is nearly finished");
        assertThatThrownBy(() -> TcpPrinter.judge("p", (byte) 0x1A, (byte) 0x72)).hasMessage("p is out of paper: load a roll, then reprint");
        assertThatThrownBy(() -> TcpPrinter.judge("p", (byte) 0x1A, (byte) 0x12)).hasMessageContaining("off line");
        assertThat(TcpPrinter.judge("p", (byte) 'O', (byte) 'K')).isNull(); // not a status answer: nothing more is known
        assertThat(TcpPrinter.worstCase()).hasMillis(16_300);
    }
}
