package dev.tillsync.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class QrCodeTest {
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    @Test
    void everyLinkCodesQrReadsBackToItsText() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            StringBuilder code = new StringBuilder();
            for (int j = 0; j < 10; j++) code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            String text = "tillsync://link?server=http%3A%2F%2F127.0.0.1%3A" + (30000 + random.nextInt(30000)) + "&code=" + code;
            assertThat(QrImages.decode(QrCode.pngDataUri(text, 220))).as("code %d", i).isEqualTo(text);
        }
    }
}
