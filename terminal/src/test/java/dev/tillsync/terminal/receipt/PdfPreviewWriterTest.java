package dev.tillsync.terminal.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PDF preview writer keeps off a burst of sales: it writes when asked, when the till goes idle, and at close;
 * the ESC/POS receipt is always written before print returns.
 */
class PdfPreviewWriterTest {
    @TempDir Path dir;

    private static ReceiptPrinter.Printed print(ReceiptPrinter p, int n) {
        var inv = ReceiptContentTest.sale("Apples", "Milk");
        var numbered = new dev.tillsync.core.invoice.InvoicePayload(String.format("POS-0007-%06d", n), inv.postedAt(), null, inv.cashier(),
                inv.shiftUuid(), inv.offline(), null, inv.profileKey(), inv.lines(), inv.payments(), inv.changeMinor(), inv.netTotalMinor(),
                inv.taxTotalMinor(), inv.grandTotalMinor());
        return p.print(numbered, ReceiptContentTest.context("Shop", null, null, null, PaperWidth.DEFAULT), null);
    }

    @Test
    void aPreviewWaitsForTheTillToBeIdleUnlessAskedFor() throws Exception {
        long idleMillis = 2_000;
        ReceiptPrinter p = new ReceiptPrinter(dir, null, idleMillis);
        try {
            List<ReceiptPrinter.Printed> burst = new ArrayList<>();
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(idleMillis * 2);
            int n = 0;
            // Receipts closer together than the idle time: none of their previews is written meanwhile.
            while (System.nanoTime() < until) {
                ReceiptPrinter.Printed r = print(p, ++n);
                assertThat(r.escpos()).exists();
                assertThat(r.warning()).isNull();
                burst.add(r);
                Thread.sleep(20);
            }
            assertThat(burst).allSatisfy(r -> assertThat(r.pdfDone()).isNotDone());
            // Asked for, one is written at once, while the till is still busy.
            ReceiptPrinter.Printed asked = burst.get(burst.size() / 2);
            asked.wantPdf().run();
            assertThat(asked.pdfDone().get(10, TimeUnit.SECONDS)).isNull();
            assertThat(Files.size(asked.pdf())).isPositive();
            // Once idle, every other one is written, in the background.
            for (ReceiptPrinter.Printed r : burst) assertThat(r.pdfDone().get(30, TimeUnit.SECONDS)).isNull();
            assertThat(burst).allSatisfy(r -> assertThat(r.pdf()).exists());
        } finally {
            p.close();
        }
    }

    @Test
    void closeWritesEveryPendingPreviewAndLaterOnesAreWrittenByTheCaller() throws Exception {
        ReceiptPrinter p = new ReceiptPrinter(dir);
        List<ReceiptPrinter.Printed> printed = new ArrayList<>();
        for (int i = 1; i <= 20; i++) printed.add(print(p, i));
        p.close();
        assertThat(printed).allSatisfy(r -> {
            assertThat(r.pdfDone()).isCompletedWithValue(null);
            assertThat(r.pdf()).exists();
        });
        ReceiptPrinter.Printed after = print(p, 21);
        assertThat(after.pdfDone()).isCompletedWithValue(null);
        assertThat(after.pdf()).exists();
    }
}
