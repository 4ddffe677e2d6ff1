package dev.tillsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.core.sync.Change;
import dev.tillsync.core.sync.LinkRequest;
import dev.tillsync.core.sync.LinkResponse;
import dev.tillsync.core.sync.PullPage;
import dev.tillsync.core.sync.SyncHeaders;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The POS profile's receipt logo through the API: checked, stored, published to a master-v2 till and cut for an older one. */
class ReceiptLogoApiTest {
    private final TillServer server = SharedServer.get();
    private final Http http = new Http(server.baseUrl());
    private final Http manager = http.bearer(Fixtures.token(server, "manager@demo.shop", "manager-pass"));

    private record Till(Http current, Http previousRelease) {}

    /** A device linked to {@code profile}: its pulls as this release makes them (master-v2) and as the previous one does. */
    private Till till(String profile) {
        String posId = "POS-L" + UUID.randomUUID().toString().substring(0, 6);
        server.admin().createDevice(posId, profile, 500, posId + "-", "C" + posId + "-", "logo test till");
        Http.Response r = http.post("/terminal/link", new LinkRequest(server.admin().issueLinkCode(posId), "test"));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        Http device = http.device(posId, r.as(LinkResponse.class).deviceSecret());
        return new Till(device.with(SyncHeaders.FEATURES, SyncHeaders.MASTER_V2), device);
    }

    private static Map<String, Change> pullAll(Http till) {
        Map<String, Change> all = new HashMap<>();
        String cursor = null;
        PullPage page;
        do {
            page = till.get("/sync/pull?limit=5000" + (cursor == null ? "" : "&cursor=" + cursor)).as(PullPage.class);
            for (Change c : page.changes()) all.put(c.entity() + "|" + c.key(), c);
            cursor = page.nextCursor();
        } while (page.hasMore());
        return all;
    }

    static String png(BufferedImage img) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage logo(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.fillOval(w / 4, h / 4, w / 2, h / 2);
        g.dispose();
        return img;
    }

    private Http.Response create(String name, String logo) {
        return manager.post("/profiles", Map.of("name", name, "warehouse", "Main Warehouse", "priceList", "Standard Selling",
                "paymentModes", List.of("Cash"), "receiptLogo", logo));
    }

    @Test
    void aValidLogoIsStoredAndReachesAMasterV2TillButNotAPreviousReleaseOne() {
        String name = "Logo-" + UUID.randomUUID().toString().substring(0, 6);
        String logo = png(logo(200, 80));
        Http.Response created = create(name, "data:image/png;base64," + logo);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.body().get("receiptLogo").asText()).isEqualTo(logo);

        Till t = till(name);
        assertThat(pullAll(t.current()).get("profile|" + name).data().get("receiptLogo").asText()).isEqualTo(logo);
        var legacy = pullAll(t.previousRelease()).get("profile|" + name).data();
        assertThat(legacy.has("receiptLogo")).isFalse();
        assertThat(legacy.get("name").asText()).isEqualTo(name);

        // a new logo bumps the version like any setting; "" removes it and the till's next pull says so
        String other = png(logo(120, 120));
        Http.Response changed = manager.put("/profiles/" + name, Map.of("receiptLogo", other, "version", 1));
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.body().get("version").asInt()).isEqualTo(2);
        Http.Response untouched = manager.put("/profiles/" + name, Map.of("receiptFooter", "Thanks", "version", 2));
        assertThat(untouched.body().get("receiptLogo").asText()).isEqualTo(other);
        Http.Response cleared = manager.put("/profiles/" + name, Map.of("receiptLogo", "", "version", 3));
        assertThat(cleared.status()).as(cleared.raw()).isEqualTo(200);
        assertThat(cleared.body().path("receiptLogo").isTextual()).isFalse();
        assertThat(pullAll(t.current()).get("profile|" + name).data().path("receiptLogo").isTextual()).isFalse();
    }

    @Test
    void aLogoThatIsNotAnImageOrTooLargeIsRefusedWithWhatToDo() {
        String text = Base64.getEncoder().encodeToString("not a picture at all".getBytes(StandardCharsets.UTF_8));
        Http.Response notImage = create("Logo-" + UUID.randomUUID().toString().substring(0, 6), text);
        assertThat(notImage.status()).isEqualTo(422);
        assertThat(notImage.error()).isEqualTo("invalid_logo");
        assertThat(notImage.body().get("message").asText()).contains("PNG or JPEG");

        Http.Response notBase64 = create("Logo-" + UUID.randomUUID().toString().substring(0, 6), "%%% not base64 %%%");
        assertThat(notBase64.status()).isEqualTo(422);
        assertThat(notBase64.error()).isEqualTo("invalid_logo");

        BufferedImage noise = new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(19);
        for (int y = 0; y < 300; y++) for (int x = 0; x < 300; x++) noise.setRGB(x, y, random.nextInt());
        Http.Response heavy = create("Logo-" + UUID.randomUUID().toString().substring(0, 6), png(noise));
        assertThat(heavy.status()).isEqualTo(422);
        assertThat(heavy.body().get("message").asText()).contains("at most 64 KiB");

        Http.Response wide = create("Logo-" + UUID.randomUUID().toString().substring(0, 6), png(logo(1100, 40)));
        assertThat(wide.status()).isEqualTo(422);
        assertThat(wide.body().get("message").asText()).contains("1100 x 40 px").contains("1024 x 1024");

        // a refused logo on an update leaves the profile as it was
        String name = "Logo-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(create(name, "").status()).isEqualTo(201);
        assertThat(manager.put("/profiles/" + name, Map.of("receiptLogo", text, "receiptFooter", "x", "version", 1)).status()).isEqualTo(422);
        Http.Response after = manager.get("/profiles/" + name);
        assertThat(after.body().get("version").asInt()).isEqualTo(1);
        assertThat(after.body().path("receiptFooter").isTextual()).isFalse();
    }
}
