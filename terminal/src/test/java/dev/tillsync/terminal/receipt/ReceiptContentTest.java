package dev.tillsync.terminal.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import dev.tillsync.core.invoice.InvoiceLine;
import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.receipt.ZatcaQr;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The receipt's content, from invoice and profile to the ESC/POS stream, the raster and the PDF preview: what is printed,
 * in what order, and that the barcode and QR read back (with ZXing) as their payloads.
 */
class ReceiptContentTest {
    static final Instant SOLD_AT = Instant.parse("2026-12-03T09:15:30Z");
    static final String SELLER = "Bobs Records";
    static final String VAT_NO = "310122393500003";
    static final String ARABIC_SELLER = "شركة التموينات المتحدة";
    static final String ARABIC_HEADER = "متجر الرياض - شارع الملك فهد";
    static final String ARABIC_ITEM = "تفاح أحمر";
    static final String ARABIC_FOOTER = "شكرا لزيارتكم";

    @TempDir Path dir;

    static InvoicePayload sale(String name1, String name2) {
        InvoiceLine apples = InvoiceLine.of("APL", name1, 2, 400, 1500);
        InvoiceLine milk = InvoiceLine.of("MLK", name2, 3, 250, 1500);
        // a line sold at 10% off: its net is below quantity × price
        InvoiceLine bread = new InvoiceLine("BRD", "Bread", 1, 500, 1500, 450, 68, 518);
        List<InvoiceLine> lines = List.of(apples, milk, bread);
        long net = lines.stream().mapToLong(InvoiceLine::netMinor).sum(), tax = lines.stream().mapToLong(InvoiceLine::taxMinor).sum();
        return new InvoicePayload("POS-0007-000123", SOLD_AT, null, "cashier@shop.example", "shift-1", true, null, "plk",
                lines, List.of(new Payment("Cash", 3000, null)), 3000 - net - tax, net, tax, net + tax);
    }

    static ReceiptText.Context context(String seller, String vat, String header, String footer, PaperWidth paper) {
        return new ReceiptText.Context("POS-0007", header, footer, false, seller, vat, "SAR", 2, paper, Map.of("APL", "kg"));
    }

    static Receipt latin() {
        return ReceiptText.lines(sale("Apples Golden Delicious", "Milk 1 l"),
                context(SELLER, VAT_NO, "Main Street 1\nRiyadh", "Thank you!", PaperWidth.MM80));
    }

    static Receipt arabic(PaperWidth paper) {
        return ReceiptText.lines(sale(ARABIC_ITEM, "حليب طازج"), context(ARABIC_SELLER, VAT_NO, ARABIC_HEADER, ARABIC_FOOTER, paper));
    }

    @Test
    void latinReceiptPrintsAsTextThenBarcodeThenQrThenFeedAndCut() {
        Receipt r = latin();
        EscPosCommands cmds = EscPosCommands.parse(EscPosEncoder.encode(r));
        List<String> order = cmds.names().stream().filter(n -> List.of("ESC @", "ESC t", "TEXT", "GS v 0", "GS k", "GS ( k 80",
                "GS ( k 81", "ESC d", "GS V").contains(n)).distinct().toList();
        assertThat(order).containsExactly("ESC @", "ESC t", "TEXT", "GS k", "GS ( k 80", "GS ( k 81", "ESC d", "GS V");
        assertThat(cmds.all("ESC t").getFirst().arg()).isEqualTo(16);
        assertThat(cmds.all("GS v 0")).isEmpty();
        assertThat(cmds.all("GS k").getFirst().arg()).isEqualTo(73); // CODE128
        assertThat(cmds.all("GS k").getFirst().text(StandardCharsets.US_ASCII)).isEqualTo("{BPOS-0007-000123");
        String text = cmds.text();
        assertThat(text).contains(SELLER, "VAT No: " + VAT_NO, "Main Street 1", "INVOICE POS-0007-000123", "Thank you!",
                ReceiptText.OFFLINE_NOTE, "TOTAL SAR", "Cash", "Change");
        assertThat(text).contains("  2.000 kg × 4.00 (15% tax)").contains("  3 × 2.50 (15% tax)");
        assertThat(text).containsPattern("  Discount +-0\\.50");
    }

    @Test
    void qrCarriesZatcaTlvOfTheSale() {
        Receipt r = latin();
        InvoicePayload inv = sale("Apples Golden Delicious", "Milk 1 l");
        Map<Integer, String> tlv = ZatcaQr.decode(EscPosCommands.parse(EscPosEncoder.encode(r)).qrData());
        assertThat(tlv).containsExactly(Map.entry(1, SELLER), Map.entry(2, VAT_NO), Map.entry(3, "2026-12-03T09:15:30Z"),
                Map.entry(4, "23.00"), Map.entry(5, "3.00"));
        assertThat(inv.grandTotalMinor()).isEqualTo(2300);
        assertThat(inv.taxTotalMinor()).isEqualTo(300);
    }

    @Test
    void withoutSellerAndVatNumberTheQrIsTheInvoiceNumber() {
        Receipt r = ReceiptText.lines(sale("Apples", "Milk"), context(null, null, null, null, PaperWidth.MM80));
        assertThat(r.qr()).isEqualTo("POS-0007-000123");
        assertThat(ReceiptText.plain(r)).doesNotContain("VAT No");
    }

    @Test
    void qrAndBarcodeReadBackFromTheReceiptImageAndThePdfPreview() throws Exception {
        Receipt r = latin();
        BufferedImage img = ReceiptImage.render(r, true);
        assertThat(img.getWidth()).isEqualTo(576);
        assertThat(decode(img, BarcodeFormat.QR_CODE)).isEqualTo(r.qr());
        assertThat(decode(img, BarcodeFormat.CODE_128)).isEqualTo("POS-0007-000123");

        Path pdf = dir.resolve("r.pdf");
        PdfReceipt.write(r, pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 300, ImageType.RGB);
            assertThat(decode(page, BarcodeFormat.QR_CODE)).isEqualTo(r.qr());
            assertThat(decode(page, BarcodeFormat.CODE_128)).isEqualTo("POS-0007-000123");
            assertThat(new PDFTextStripper().getText(doc)).contains("INVOICE POS-0007-000123", "2.000 kg × 4.00");
        }
        Map<Integer, String> tlv = ZatcaQr.decode(r.qr());
        assertThat(tlv.get(1)).isEqualTo(SELLER);
    }

    @Test
    void arabicReceiptIsARasterOfThePrinterWidth() {
        for (PaperWidth paper : List.of(PaperWidth.MM58, PaperWidth.MM80)) {
            Receipt r = arabic(paper);
            assertThat(r.latinOnly()).isFalse();
            EscPosCommands cmds = EscPosCommands.parse(EscPosEncoder.encode(r));
            assertThat(cmds.all("ESC t")).isEmpty();
            assertThat(cmds.all("TEXT")).allSatisfy(t -> assertThat(t.data()).isEmpty());
            BufferedImage raster = cmds.raster();
            assertThat(raster.getWidth()).isEqualTo(paper == PaperWidth.MM58 ? 384 : 576);
            assertThat(raster.getHeight()).isGreaterThan(r.lines().size() * 15);
            assertThat(blackShare(raster)).isBetween(0.02, 0.4); // text, not a blank or solid image
            List<String> order = cmds.names().stream().filter(n -> List.of("ESC @", "GS v 0", "GS k", "GS ( k 81", "GS V").contains(n))
                    .distinct().toList();
            assertThat(order).containsExactly("ESC @", "GS v 0", "GS k", "GS ( k 81", "GS V");
            Map<Integer, String> tlv = ZatcaQr.decode(cmds.qrData());
            assertThat(tlv.get(1)).isEqualTo(ARABIC_SELLER); // lengths in UTF-8 bytes: decodes back whole
        }
    }

    @Test
    void arabicPdfPreviewTextExtractsAsTheArabicInput() throws Exception {
        Receipt r = arabic(PaperWidth.MM80);
        Path pdf = dir.resolve("ar.pdf");
        PdfReceipt.write(r, pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains(ARABIC_SELLER, ARABIC_HEADER, ARABIC_ITEM, ARABIC_FOOTER, "فاتورة ضريبية مبسطة", "POS-0007-000123",
                    "الإجمالي", "الباقي", "2.000 kg × 4.00");
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 300, ImageType.RGB);
            assertThat(ZatcaQr.decode(decode(page, BarcodeFormat.QR_CODE)).get(1)).isEqualTo(ARABIC_SELLER);
            // the Latin lines after an Arabic one are still drawn: the invisible text layer does not leak
            BufferedImage latinOnly = new PDFRenderer(doc).renderImageWithDPI(0, 300, ImageType.RGB);
            assertThat(blackShare(latinOnly.getSubimage(0, latinOnly.getHeight() / 3, latinOnly.getWidth(), latinOnly.getHeight() / 6)))
                    .isGreaterThan(0.005);
        }
    }

    @Test
    void everyPaperWidthWrapsAtItsColumns() {
        String longName = "Extra virgin olive oil cold pressed from Andalusian hojiblanca olives 750 ml bottle";
        for (PaperWidth paper : PaperWidth.values()) {
            Receipt r = ReceiptText.lines(sale(longName, "Milk"), context(SELLER, VAT_NO,
                    "A header much longer than any receipt paper is wide, so that it has to wrap", "Footer", paper));
            List<String> rows = ReceiptText.plain(r).lines().toList();
            assertThat(rows).allSatisfy(row -> assertThat(row.length()).isLessThanOrEqualTo(paper.columns()));
            assertThat(rows).anySatisfy(row -> assertThat(row).hasSize(paper.columns())); // the rules fill the paper
            assertThat(String.join(" ", rows).replaceAll("\\s+", " ")).contains(longName);
            assertThat(rows.stream().filter(row -> row.startsWith("---")).findFirst().orElseThrow()).hasSize(paper.columns());
        }
        assertThat(PaperWidth.ofColumns(32)).isEqualTo(PaperWidth.MM58);
        assertThat(PaperWidth.DEFAULT.columns()).isEqualTo(42);
    }

    @Test
    void screenshotsOfLatinAndArabicReceipts() throws Exception {
        Path screens = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."), "docs", "screens");
        if (!Files.isDirectory(screens)) screens = Path.of("..", "docs", "screens");
        Files.createDirectories(screens);
        ImageIO.write(ReceiptImage.render(latin(), true), "png", screens.resolve("receipt-latin.png").toFile());
        ImageIO.write(ReceiptImage.render(arabic(PaperWidth.MM80), true), "png", screens.resolve("receipt-arabic.png").toFile());
        assertThat(screens.resolve("receipt-arabic.png")).isNotEmptyFile();
        // the PDF previews, rendered, for a person to look at (target/, not docs/)
        for (var e : Map.of("latin", latin(), "arabic", arabic(PaperWidth.MM58)).entrySet()) {
            Path pdf = dir.resolve(e.getKey() + ".pdf");
            PdfReceipt.write(e.getValue(), pdf);
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 200, ImageType.RGB), "png",
                        Path.of("target", "receipt-" + e.getKey() + "-pdf.png").toFile());
            }
        }
    }

    static String decode(BufferedImage img, BarcodeFormat format) throws NotFoundException {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(img)));
        return new MultiFormatReader().decode(bitmap, Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(format),
                DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }

    static double blackShare(BufferedImage img) {
        long black = 0;
        for (int y = 0; y < img.getHeight(); y++) for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) & 0xFF) < 128) black++;
        return (double) black / ((long) img.getWidth() * img.getHeight());
    }
}
