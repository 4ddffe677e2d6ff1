package dev.tillsync.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.master.ProfileData;
import dev.tillsync.core.money.Money;
import dev.tillsync.core.receipt.ZatcaQr;
import dev.tillsync.core.sync.Entities;
import dev.tillsync.core.sync.PullPage;
import dev.tillsync.terminal.receipt.ReceiptDecoding;
import dev.tillsync.terminal.store.TerminalStore;
import dev.tillsync.terminal.support.LocalDevice;
import dev.tillsync.terminal.sync.PullApplier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sale's receipt carries its POS profile's seller, VAT number and texts, and the till's paper width. */
class ReceiptOfSaleTest {
    @TempDir Path dir;
    PosTerminal pos;

    void open(String seller, String vat, String header) {
        LocalDevice.prepare(dir);
        ProfileData p = new ProfileData("Main Store", "Main", "Standard Selling", List.of("Cash", "Card"), "VAT 15", header,
                "Thank you", "pk-1", null, "SAR", 2, 0, 0, seller, vat, 60, false, null);
        try (TerminalStore store = TerminalStore.open(dir)) {
            store.useTx(h -> new PullApplier().apply(h, new PullPage("c2", false, 0,
                    List.of(LocalDevice.change(Entities.PROFILE, "Main Store", p))), Instant.now()));
        }
        pos = PosTerminal.open(dir);
        pos.login("amira@demo.shop", "1234");
        pos.openShift(Money.parse("100.00"), null);
    }

    @AfterEach
    void tearDown() {
        if (pos != null) pos.close();
    }

    SaleReceipt sell() {
        return pos.recordSale(new SaleRequest(List.of(new SaleItem("ITEM-0001", 2), new SaleItem("ITEM-0003", 1)), null,
                List.of(new Payment("Cash", Money.parse("10.00"), null))));
    }

    @Test
    void printedQrDecodesToTheSalesSellerVatNumberTimeTotalAndVat() throws Exception {
        open("Bobs Records", "310122393500003", "Main Street 1");
        SaleReceipt r = sell();
        ReceiptDecoding.Printed printed = ReceiptDecoding.of(Files.readAllBytes(r.escposPath()));
        Map<Integer, String> tlv = ZatcaQr.decode(printed.qr());
        // 2 × 1.50 + 1 × 3.00 = 6.00 net, 0.90 VAT at 15%
        assertThat(tlv).containsExactly(Map.entry(1, "Bobs Records"), Map.entry(2, "310122393500003"),
                Map.entry(3, r.invoice().postedAt().truncatedTo(ChronoUnit.SECONDS).toString()), Map.entry(4, "6.90"), Map.entry(5, "0.90"));
        assertThat(printed.barcode()).isEqualTo(r.number());
        assertThat(printed.text()).contains("Bobs Records", "VAT No: 310122393500003", "Main Street 1", "TOTAL SAR", "Thank you");
        assertThat(printed.rasterWidth()).isZero(); // Latin: printed as text
    }

    @Test
    void arabicProfilePrintsARasterOfThePaperWidthAndThePreviewKeepsItsText() throws Exception {
        String header = "متجر الرياض";
        open("شركة التموينات", "310122393500003", header);
        SaleReceipt wide = sell();
        assertThat(ReceiptDecoding.of(Files.readAllBytes(wide.escposPath())).rasterWidth()).isEqualTo(576);

        pos.setReceiptColumns(32);
        assertThat(pos.receiptColumns()).isEqualTo(32);
        SaleReceipt narrow = sell();
        ReceiptDecoding.Printed printed = ReceiptDecoding.of(Files.readAllBytes(narrow.escposPath()));
        assertThat(printed.rasterWidth()).isEqualTo(384);
        assertThat(ZatcaQr.decode(printed.qr()).get(1)).isEqualTo("شركة التموينات");
        assertThat(narrow.text().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(32));
        try (PDDocument doc = Loader.loadPDF(narrow.pdfPath().toFile())) {
            assertThat(new PDFTextStripper().getText(doc)).contains(header, "شركة التموينات");
        }
    }

    @Test
    void paperWidthIsAConfigurationSettingWithItsChoicesNamed() {
        open(null, null, "Demo Shop");
        assertThat(pos.receiptColumns()).isEqualTo(42);
        assertThatThrownBy(() -> pos.setReceiptColumns(40)).isInstanceOf(TerminalException.class)
                .hasMessageContaining("32 columns (58 mm paper), 42 or 48 columns (80 mm paper)");
        pos.setReceiptColumns(48);
        assertThat(sell().text().lines().filter(l -> l.startsWith("---")).findFirst().orElseThrow()).hasSize(48);
        pos.logout();
        pos.login("ben@demo.shop", "5678");
        assertThatThrownBy(() -> pos.setReceiptColumns(32)).isInstanceOf(TerminalException.class);
        assertThat(pos.receiptColumns()).isEqualTo(48);
    }
}
