package dev.tillsync.terminal.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile's logo on the receipt: a paper-wide black-and-white GS v 0 raster right after ESC @, and an image in the PDF. */
class ReceiptLogoTest {
    @TempDir Path dir;

    /** 800 x 300: the left half black, the right half white. */
    static String halfBlack() throws IOException {
        BufferedImage img = new BufferedImage(800, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 800, 300);
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, 400, 300);
        g.dispose();
        return png(img);
    }

    static String png(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    static Receipt receipt(String logo, PaperWidth paper) {
        return ReceiptText.lines(ReceiptContentTest.sale("Apples", "Milk"), new ReceiptText.Context("POS-0007", "Main Street 1", "Thanks",
                false, ReceiptContentTest.SELLER, ReceiptContentTest.VAT_NO, "SAR", 2, paper, Map.of(), logo));
    }

    /** The commands between ESC @ and the first text command: the logo's raster bands (and any justification). */
    static List<EscPosCommands.Command> logoCommands(EscPosCommands cmds) {
        assertThat(cmds.commands().getFirst().name()).isEqualTo("ESC @");
        List<EscPosCommands.Command> out = new ArrayList<>();
        for (EscPosCommands.Command c : cmds.commands().subList(1, cmds.commands().size())) {
            if (c.name().equals("ESC t")) break;
            out.add(c);
        }
        return out;
    }

    static BufferedImage stack(List<EscPosCommands.Command> bands) {
        return new EscPosCommands(bands).raster();
    }

    @Test
    void aLogoPrintsFirstAsARasterScaledDownToThePaperWidthKeepingItsAspect() throws IOException {
        String logo = halfBlack();
        for (PaperWidth paper : PaperWidth.values()) {
            EscPosCommands cmds = EscPosCommands.parse(EscPosEncoder.encode(receipt(logo, paper)));
            List<EscPosCommands.Command> head = logoCommands(cmds);
            assertThat(head).as("after ESC @ comes the logo").isNotEmpty();
            assertThat(head.stream().map(EscPosCommands.Command::name).filter(n -> !n.equals("ESC a")).distinct().toList()).containsExactly("GS v 0");
            assertThat(head.stream().filter(c -> !c.name().equals("ESC a")).findFirst().orElseThrow().name()).isEqualTo("GS v 0");
            List<EscPosCommands.Command> bands = head.stream().filter(c -> c.name().equals("GS v 0")).toList();
            BufferedImage raster = stack(bands);
            int dots = paper.dots();
            assertThat(raster.getWidth()).isEqualTo(dots);
            assertThat(raster.getHeight()).isEqualTo(Math.round(300.0 * dots / 800));
            assertThat(raster.getRGB(10, raster.getHeight() / 2) & 0xFFFFFF).isEqualTo(0x000000);
            assertThat(raster.getRGB(dots - 10, raster.getHeight() / 2) & 0xFFFFFF).isEqualTo(0xFFFFFF);
            // then the receipt as before: text, barcode, QR, cut
            assertThat(cmds.text()).contains("INVOICE POS-0007-000123", "Thanks");
            assertThat(cmds.names()).contains("GS k", "GS ( k 81", "GS V");
        }
    }

    @Test
    void aSmallLogoIsNotEnlargedButCentredAndAGreyOneIsDitheredToBlackAndWhiteDots() throws IOException {
        BufferedImage grey = new BufferedImage(100, 50, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grey.createGraphics();
        g.setColor(new Color(128, 128, 128));
        g.fillRect(0, 0, 100, 50);
        g.dispose();
        EscPosCommands cmds = EscPosCommands.parse(EscPosEncoder.encode(receipt(png(grey), PaperWidth.MM80)));
        BufferedImage raster = stack(logoCommands(cmds).stream().filter(c -> c.name().equals("GS v 0")).toList());
        assertThat(raster.getWidth()).isEqualTo(576);
        assertThat(raster.getHeight()).isEqualTo(50);
        int inside = 0, black = 0, outsideBlack = 0;
        for (int y = 0; y < 50; y++) {
            for (int x = 0; x < 576; x++) {
                boolean b = (raster.getRGB(x, y) & 0xFFFFFF) == 0;
                if (x >= 238 && x < 338) { inside++; if (b) black++; } else if (b) outsideBlack++;
            }
        }
        assertThat(outsideBlack).isZero();
        assertThat((double) black / inside).isBetween(0.4, 0.6); // mid grey: about half the dots, not all or none
    }

    @Test
    void thePdfPreviewAndTheReceiptImageCarryTheLogo() throws IOException {
        Receipt r = receipt(halfBlack(), PaperWidth.MM80);
        Path pdf = dir.resolve("logo.pdf");
        PdfReceipt.write(r, pdf);
        assertThat(images(pdf)).anySatisfy(img -> assertThat(img.getWidth()).isEqualTo(576));
        Path plain = dir.resolve("plain.pdf");
        PdfReceipt.write(receipt(null, PaperWidth.MM80), plain);
        assertThat(images(plain)).isEmpty();

        BufferedImage withLogo = ReceiptImage.render(r, true), without = ReceiptImage.render(receipt(null, PaperWidth.MM80), true);
        assertThat(withLogo.getWidth()).isEqualTo(576);
        assertThat(withLogo.getHeight()).isGreaterThan(without.getHeight() + 200);
    }

    @Test
    void withoutALogoOrWithOneThatCannotBeReadTheReceiptIsExactlyAsBefore() {
        for (PaperWidth paper : PaperWidth.values()) {
            byte[] before = EscPosEncoder.encode(ReceiptText.lines(ReceiptContentTest.sale("Apples", "Milk"), new ReceiptText.Context("POS-0007",
                    "Main Street 1", "Thanks", false, ReceiptContentTest.SELLER, ReceiptContentTest.VAT_NO, "SAR", 2, paper, Map.of())));
            assertThat(EscPosEncoder.encode(receipt(null, paper))).isEqualTo(before);
            assertThat(EscPosEncoder.encode(receipt("", paper))).isEqualTo(before);
            assertThat(EscPosEncoder.encode(receipt(Base64.getEncoder().encodeToString("not a picture".getBytes()), paper))).isEqualTo(before);
            assertThat(EscPosCommands.parse(before).all("GS v 0")).isEmpty();
        }
    }

    private static List<PDImageXObject> images(Path pdf) throws IOException {
        List<PDImageXObject> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDResources res = doc.getPage(0).getResources();
            for (COSName name : res.getXObjectNames()) {
                if (res.getXObject(name) instanceof PDImageXObject img) out.add(img);
            }
        }
        return out;
    }
}
