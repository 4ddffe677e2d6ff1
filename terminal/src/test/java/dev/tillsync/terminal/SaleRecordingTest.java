package dev.tillsync.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.money.Money;
import dev.tillsync.core.sync.Entities;
import dev.tillsync.core.master.StockLevel;
import dev.tillsync.core.sync.PullPage;
import dev.tillsync.terminal.receipt.ReceiptText;
import dev.tillsync.terminal.store.TerminalStore;
import dev.tillsync.terminal.support.LocalDevice;
import dev.tillsync.terminal.sync.PullApplier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SaleRecordingTest {
    @TempDir
    Path dir;
    PosTerminal pos;

    @BeforeEach
    void setUp() {
        LocalDevice.prepare(dir);
        pos = PosTerminal.open(dir);
        pos.login("amira@demo.shop", "1234");
        pos.openShift(Money.parse("100.00"), null);
    }

    @AfterEach
    void tearDown() {
        pos.close();
    }

    static SaleRequest sale(String item, long qty, Payment... pays) {
        return new SaleRequest(List.of(new SaleItem(item, qty)), null, List.of(pays));
    }

    static Payment cash(String amount) {
        return new Payment("Cash", Money.parse(amount), null);
    }

    long count(String sql) {
        try (TerminalStore s = TerminalStore.open(dir)) {
            return s.read(h -> h.createQuery(sql).mapTo(Long.class).one());
        }
    }

    @Test
    void saleIsRecordedWithLinesPaymentsOutboxAndEventThenReceipt() throws Exception {
        // 2 × 1.50 at 15% = 3.00 + 0.45 = 3.45; paid 5.00 cash → change 1.55
        SaleReceipt r = pos.recordSale(sale("4006381333931", 2, cash("5.00")));
        assertThat(r.number()).isEqualTo("POS-0001-000001");
        assertThat(r.grandTotalMinor()).isEqualTo(345);
        assertThat(r.changeMinor()).isEqualTo(155);
        assertThat(r.offline()).isTrue(); // never probed: last known state is offline
        assertThat(r.text()).contains(ReceiptText.OFFLINE_NOTE).contains("TOTAL").contains("3.45").contains("Change");
        assertThat(count("select count(*) from invoice")).isEqualTo(1);
        assertThat(count("select count(*) from invoice_line")).isEqualTo(1);
        assertThat(count("select count(*) from invoice_payment")).isEqualTo(1);
        assertThat(count("select count(*) from outbox where kind = 'invoice' and status = 'Pending'")).isEqualTo(1);
        assertThat(count("select count(*) from event_log where type = 'sale'")).isEqualTo(1);
        byte[] escpos = Files.readAllBytes(r.escposPath());
        assertThat(escpos[0]).isEqualTo((byte) 0x1B);
        assertThat(escpos[1]).isEqualTo((byte) '@');
        assertThat(new byte[] {escpos[escpos.length - 9], escpos[escpos.length - 8]}).containsExactly(0x1D, 'V');
        assertThat(java.util.Arrays.copyOfRange(escpos, escpos.length - 5, escpos.length)) // a cash sale: the drawer pulse after the cut
                .containsExactly(0x1B, 'p', 0, 25, (byte) 250);
        assertThat(r.pdfPath()).isEqualTo(dir.resolve("receipts/POS-0001-000001.pdf")); // waits for the background writer
        assertValidPreview(r.pdfPath(), r.number());
        assertThat(r.receiptWarning()).isNull();
        assertThat(pos.findItem("ITEM-0001").orElseThrow().localStock()).isEqualTo(98);
    }

    @Test
    void previewsAreWrittenOffTheSalePathAndCloseNeverLosesOne() throws Exception {
        List<SaleReceipt> receipts = new java.util.ArrayList<>();
        Thread closer;
        // Holding the lock PdfReceipt writes under stalls the background writer: the sales must still complete,
        // and close() must wait for their previews rather than exit without them.
        synchronized (dev.tillsync.terminal.receipt.PdfReceipt.class) {
            for (int i = 0; i < 5; i++) receipts.add(pos.recordSale(sale("ITEM-0001", 1, cash("5.00"))));
            receipts.add(pos.reprint(receipts.get(0).number()));
            for (SaleReceipt r : receipts) {
                assertThat(r.escposPath()).exists();      // the real receipt is printed before recordSale returns
                assertThat(r.printWarning()).isNull();
                assertThat(r.pdf().isDone()).isFalse();   // the preview is not on the sale path
            }
            closer = new Thread(pos::close, "test-close");
            closer.start();
            closer.join(300);
            assertThat(closer.isAlive()).as("close() waits for pending previews").isTrue();
        }
        closer.join(30_000);
        assertThat(closer.isAlive()).isFalse();
        for (SaleReceipt r : receipts) {
            assertThat(r.pdf().isDone()).isTrue();
            assertValidPreview(r.pdf().path(), r.number());
            assertThat(r.pdf().warning()).isNull();
        }
        assertThat(receipts.get(5).pdf().path().getFileName().toString()).isEqualTo("POS-0001-000001.reprint.pdf");
        pos = PosTerminal.open(dir); // for tearDown
    }

    @Test
    void aPreviewThatCannotBeWrittenNeverTouchesTheSaleAndSaysHowToReprint() throws Exception {
        Files.createDirectories(dir.resolve("receipts/POS-0001-000001.pdf")); // a folder where the PDF should go
        SaleReceipt r = pos.recordSale(sale("ITEM-0001", 2, cash("5.00")));
        assertThat(r.number()).isEqualTo("POS-0001-000001");
        assertThat(r.printWarning()).isNull();           // the ESC/POS receipt printed
        assertThat(r.escposPath()).exists();
        assertThat(r.pdfPath()).isNull();
        assertThat(r.pdf().written()).isFalse();
        assertThat(r.pdf().warning()).startsWith("The sale is recorded").contains("POS-0001-000001.pdf")
                .endsWith("Reprint it with: terminal reprint POS-0001-000001");
        assertThat(r.receiptWarning()).isEqualTo(r.pdf().warning());
        java.util.concurrent.CompletableFuture<PdfPreview> told = new java.util.concurrent.CompletableFuture<>();
        r.pdf().whenDone(told::complete);
        assertThat(told.get(5, java.util.concurrent.TimeUnit.SECONDS)).isSameAs(r.pdf());
        // The sale is whole: invoice, lines, payment, outbox row, event, stock.
        assertThat(count("select count(*) from invoice")).isEqualTo(1);
        assertThat(count("select count(*) from invoice_line")).isEqualTo(1);
        assertThat(count("select count(*) from invoice_payment")).isEqualTo(1);
        assertThat(count("select count(*) from outbox where kind = 'invoice' and status = 'Pending'")).isEqualTo(1);
        assertThat(count("select count(*) from event_log where type = 'sale'")).isEqualTo(1);
        assertThat(pos.findItem("ITEM-0001").orElseThrow().localStock()).isEqualTo(98);
        // The writer carries on, and the reprint the warning names produces a preview.
        SaleReceipt next = pos.recordSale(sale("ITEM-0002", 1, cash("5.00")));
        assertValidPreview(next.pdfPath(), next.number());
        SaleReceipt again = pos.reprint(r.number());
        assertValidPreview(again.pdfPath(), r.number());
        assertThat(again.receiptWarning()).isNull();
    }

    @Test
    void anEscPosFailureIsReportedAtOnceAndThePreviewIsStillWritten() throws Exception {
        Files.createDirectories(dir.resolve("receipts"));
        Files.createDirectories(dir.resolve("not-a-folder"));
        pos.setPrinterTarget(dir.resolve("not-a-folder/printer.bin").toString());
        Files.delete(dir.resolve("not-a-folder")); // the folder went away after the target was set
        Files.writeString(dir.resolve("not-a-folder"), "x");
        SaleReceipt r = pos.recordSale(sale("ITEM-0001", 1, cash("5.00")));
        assertThat(r.escposPath()).isNull();
        assertThat(r.printWarning()).startsWith("Receipt not printed: the file " + dir.resolve("not-a-folder/printer.bin"))
                .contains("The sale " + r.number() + " is saved; reprint with: terminal reprint " + r.number())
                .endsWith("The cash drawer was not opened either: terminal drawer open");
        assertValidPreview(r.pdfPath(), r.number());
        assertThat(r.receiptWarning()).isEqualTo(r.printWarning());
        assertThat(count("select count(*) from invoice")).isEqualTo(1);
    }

    /** A whole PDF: header, trailer, and PDFBox reads the invoice number back from it. */
    static void assertValidPreview(Path pdf, String number) throws Exception {
        assertThat(pdf).isRegularFile();
        byte[] bytes = Files.readAllBytes(pdf);
        assertThat(bytes).startsWith("%PDF".getBytes());
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).stripTrailing()).endsWith("%%EOF");
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains(number);
        }
    }

    @Test
    void splitPaymentAndChangeComeOnlyFromCash() {
        // ITEM-0002: 2.00 + 15% = 2.30 × 3 = 6.90; card 5.00 + cash 2.00 → change 0.10
        SaleReceipt r = pos.recordSale(new SaleRequest(List.of(new SaleItem("ITEM-0002", 3)), null,
                List.of(new Payment("Card", 500, "slip-9"), cash("2.00"))));
        assertThat(r.grandTotalMinor()).isEqualTo(690);
        assertThat(r.changeMinor()).isEqualTo(10);
        assertThatThrownBy(() -> pos.recordSale(sale("ITEM-0002", 1, new Payment("Card", 500, null))))
                .isInstanceOf(TerminalException.class).hasMessageContaining("only cash");
    }

    @Test
    void failureInsideTheTransactionLeavesNothingAndNoGap() {
        pos.recordSale(sale("ITEM-0001", 1, cash("5.00")));
        try (TerminalStore s = TerminalStore.open(dir)) {
            // The outbox insert is the last write before the event: make it fail after the counters moved.
            s.useTx(h -> h.execute("create trigger fail_invoice before insert on invoice_payment begin select raise(abort, 'disk gremlin'); end"));
        }
        assertThatThrownBy(() -> pos.recordSale(sale("ITEM-0003", 2, cash("50.00")))).isInstanceOf(TerminalException.class);
        assertThat(count("select count(*) from invoice")).isEqualTo(1);
        assertThat(count("select count(*) from invoice_line")).isEqualTo(1);
        assertThat(count("select count(*) from outbox where kind = 'invoice'")).isEqualTo(1);
        assertThat(count("select value from counter where name = 'invoice'")).isEqualTo(1);
        assertThat(pos.findItem("ITEM-0003").orElseThrow().localStock()).isEqualTo(100);
        try (TerminalStore s = TerminalStore.open(dir)) {
            s.useTx(h -> h.execute("drop trigger fail_invoice"));
        }
        SaleReceipt next = pos.recordSale(sale("ITEM-0003", 2, cash("50.00")));
        assertThat(next.number()).isEqualTo("POS-0001-000002");
        List<Long> seqs = pos.history(HistoryFilter.all()).stream().map(HistoryEntry::seq).sorted().toList();
        assertThat(seqs).containsExactly(1L, 2L, 3L); // shift_open, sale, sale: gap-free
    }

    @Test
    void badInputIsRefusedAndNothingIsWritten() {
        long before = count("select count(*) from outbox");
        assertCode(() -> pos.recordSale(sale("NOPE", 1, cash("5.00"))), "unknown_item");
        assertCode(() -> pos.recordSale(sale("ITEM-0001", 0, cash("5.00"))), "bad_quantity");
        assertCode(() -> pos.recordSale(sale("ITEM-0001", -2, cash("5.00"))), "bad_quantity");
        assertCode(() -> SaleItem.parse("ITEM-0001:two"), "bad_quantity");
        assertCode(() -> pos.recordSale(sale("ITEM-0001", 1, cash("1.00"))), "underpaid");
        assertCode(() -> pos.recordSale(sale("ITEM-0001", 1, new Payment("Bitcoin", 500, null))), "unknown_payment_mode");
        assertCode(() -> pos.recordSale(new SaleRequest(List.of(new SaleItem("ITEM-0001", 1)), "CUST-9", List.of(cash("5")))), "unknown_customer");
        pos.closeShift(Money.parse("100.00"));
        assertCode(() -> pos.recordSale(sale("ITEM-0001", 1, cash("5.00"))), "no_open_shift");
        assertThat(count("select count(*) from invoice")).isZero();
        assertThat(count("select count(*) from outbox")).isEqualTo(before + 1); // only the shift_close
        assertThat(count("select value from counter where name = 'invoice'")).isZero();
    }

    @Test
    void returnAgainstASaleRefundsThePricePaidAndRestoresStock() {
        SaleReceipt sale = pos.recordSale(sale("ITEM-0001", 3, cash("10.00"))); // 3 × 1.725 → 5.18 (4.50 + 0.68)
        assertThat(sale.grandTotalMinor()).isEqualTo(518);
        assertThat(pos.findItem("ITEM-0001").orElseThrow().localStock()).isEqualTo(97);
        SaleReceipt ret = pos.recordReturn(new ReturnRequest(sale.number(), List.of(new SaleItem("ITEM-0001", 1)),
                List.of(new Payment("Cash", -172, null)))); // -1.50 − 0.225 → −0.22 (half-even) = −1.72
        assertThat(ret.invoice().returnAgainst()).isEqualTo(sale.number());
        assertThat(ret.invoice().lines().get(0).qty()).isEqualTo(-1);
        assertThat(ret.grandTotalMinor()).isEqualTo(-172);
        assertThat(pos.findItem("ITEM-0001").orElseThrow().localStock()).isEqualTo(98);
        assertCode(() -> pos.recordReturn(new ReturnRequest(sale.number(), List.of(new SaleItem("ITEM-0001", 3)),
                List.of(new Payment("Cash", -519, null)))), "return_too_many");
        assertCode(() -> pos.recordReturn(new ReturnRequest(sale.number(), List.of(new SaleItem("ITEM-0001", 1)),
                List.of(new Payment("Cash", -100, null)))), "refund_mismatch");
    }

    @Test
    void localStockIsServerStockMinusSalesTheServerHasNotCounted() {
        pos.recordSale(sale("ITEM-0004", 5, cash("100.00")));
        assertThat(pos.findItem("ITEM-0004").orElseThrow().localStock()).isEqualTo(95);
        try (TerminalStore s = TerminalStore.open(dir)) {
            // A pull before the sale is synced: the server still says 100; the offline sale is not undone.
            s.useTx(h -> new PullApplier().apply(h, new PullPage("c2", false, 0,
                    List.of(LocalDevice.change(Entities.STOCK, "ITEM-0004", new StockLevel("ITEM-0004", "Main", 100)))), Instant.now()));
            assertThat(pos.findItem("ITEM-0004").orElseThrow().localStock()).isEqualTo(95);
            // The server took the sale (row synced), then a later pull reports 95: counted once.
            s.useTx(h -> h.execute("update outbox set status = 'Synced', synced_at = '2000-01-01T00:00:00Z' where kind = 'invoice'"));
            s.useTx(h -> new PullApplier().apply(h, new PullPage("c3", false, 0,
                    List.of(LocalDevice.change(Entities.STOCK, "ITEM-0004", new StockLevel("ITEM-0004", "Main", 95)))), Instant.now()));
            assertThat(pos.findItem("ITEM-0004").orElseThrow().localStock()).isEqualTo(95);
            assertThat((String) s.read(h -> SyncCursor.of(h))).isEqualTo("c3");
        }
    }

    @Test
    void shiftCloseReconcilesCashAndModes() {
        pos.recordSale(sale("ITEM-0001", 2, cash("5.00")));                         // 3.45, change 1.55
        pos.recordSale(new SaleRequest(List.of(new SaleItem("ITEM-0002", 1)), null, List.of(new Payment("Card", 230, null))));
        ShiftCloseReport r = pos.closeShift(Money.parse("103.45"));
        assertThat(r.expectedCashMinor()).isEqualTo(10345);
        assertThat(r.differenceMinor()).isZero();
        assertThat(r.totalsByModeMinor()).isEqualTo(Map.of("Cash", 345L, "Card", 230L));
        assertThat(r.salesCount()).isEqualTo(2);
        assertThat(pos.currentShift()).isEmpty();
    }

    @Test
    void customersAreNumberedFromTheDeviceSeries() {
        Customer c = pos.addCustomer(new NewCustomer("Lina", "555-1", "lina@example.com"));
        assertThat(c.number()).isEqualTo("CUST-0001-00001");
        SaleReceipt r = pos.recordSale(new SaleRequest(List.of(new SaleItem("ITEM-0001", 1)), c.number(), List.of(cash("2"))));
        assertThat(r.invoice().customerNumber()).isEqualTo("CUST-0001-00001");
        assertThat(pos.customers("lina", 10)).extracting(Customer::number).containsExactly("CUST-0001-00001");
        assertThat(count("select count(*) from outbox where kind = 'customer'")).isEqualTo(1);
    }

    static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOf(TerminalException.class)
                .satisfies(e -> assertThat(((TerminalException) e).code()).isEqualTo(code));
    }

    /** Reads the stored cursor. */
    static final class SyncCursor {
        static String of(org.jdbi.v3.core.Handle h) {
            return dev.tillsync.terminal.store.SyncStateRepo.load(h).cursor();
        }
    }
}
