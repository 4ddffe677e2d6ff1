package dev.tillsync.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.master.ProfileData;
import dev.tillsync.core.money.Money;
import dev.tillsync.core.sync.Entities;
import dev.tillsync.core.sync.PullPage;
import dev.tillsync.terminal.store.TerminalStore;
import dev.tillsync.terminal.support.LocalDevice;
import dev.tillsync.terminal.sync.PullApplier;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The logo the till pulled with its POS profile is kept with the profile and heads every sale's receipt and preview. */
class ReceiptLogoOfSaleTest {
    @TempDir Path dir;
    PosTerminal pos;

    @AfterEach
    void tearDown() {
        if (pos != null) pos.close();
    }

    void open(String logo) {
        LocalDevice.prepare(dir);
        ProfileData p = new ProfileData("Main Store", "Main", "Standard Selling", List.of("Cash", "Card"), "VAT 15", "Main Street 1",
                "Thank you", "pk-1", null, "SAR", 2, 0, 0, "Bobs Records", null, 60, false, null, logo);
        try (TerminalStore store = TerminalStore.open(dir)) {
            store.useTx(h -> new PullApplier().apply(h, new PullPage("c2", false, 0,
                    List.of(LocalDevice.change(Entities.PROFILE, "Main Store", p))), Instant.now()));
        }
        pos = PosTerminal.open(dir);
        pos.login("amira@demo.shop", "1234");
        pos.openShift(Money.parse("100.00"), null);
    }

    SaleReceipt sell() {
        return pos.recordSale(new SaleRequest(List.of(new SaleItem("ITEM-0001", 1)), null, List.of(new Payment("Cash", Money.parse("5.00"), null))));
    }

    static String logo() throws Exception {
        BufferedImage img = new BufferedImage(600, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 600, 200);
        g.setColor(Color.BLACK);
        g.fillRect(50, 50, 500, 100);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    @Test
    void aSaleOnAProfileWithALogoPrintsItFirstAndThePreviewShowsIt() throws Exception {
        open(logo());
        SaleReceipt r = sell();
        byte[] b = Files.readAllBytes(r.escposPath());
        assertThat(b[0]).isEqualTo((byte) 0x1B);
        assertThat(b[1]).isEqualTo((byte) '@');
        int i = 2;
        while (b[i] == 0x1B && b[i + 1] == 'a') i += 3; // justification before the raster, if any
        assertThat(new byte[] {b[i], b[i + 1], b[i + 2]}).containsExactly(0x1D, 'v', '0');
        int bytesPerRow = (b[i + 4] & 0xFF) | (b[i + 5] & 0xFF) << 8;
        assertThat(bytesPerRow * 8).isEqualTo(576); // the default 80 mm paper
        assertThat(r.text()).contains("Bobs Records", "Thank you");
        try (PDDocument doc = Loader.loadPDF(r.pdfPath().toFile())) {
            PDResources res = doc.getPage(0).getResources();
            boolean image = false;
            for (COSName n : res.getXObjectNames()) image |= res.getXObject(n) instanceof PDImageXObject;
            assertThat(image).isTrue();
        }
    }

    @Test
    void aProfileWithoutALogoPrintsTextFirstAsBefore() throws Exception {
        open(null);
        byte[] b = Files.readAllBytes(sell().escposPath());
        assertThat(new byte[] {b[0], b[1], b[2], b[3]}).containsExactly(0x1B, '@', 0x1B, 't');
    }
}
