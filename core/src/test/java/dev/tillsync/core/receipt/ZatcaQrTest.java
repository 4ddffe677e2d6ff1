package dev.tillsync.core.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZatcaQrTest {
    /** ZATCA's worked example (QRCodeCreation.pdf, "Bobs Records"): the Base64 ZATCA publishes for these five values. */
    private static final String BOBS_RECORDS =
            "AQxCb2JzIFJlY29yZHMCDzMxMDEyMjM5MzUwMDAwMwMUMjAyMi0wNC0yNVQxNTozMDowMFoEBzEwMDAuMDAFBjE1MC4wMA==";

    @Test
    void encodesZatcasPublishedExampleByteForByte() {
        assertThat(ZatcaQr.encode("Bobs Records", "310122393500003", "2022-04-25T15:30:00Z", "1000.00", "150.00"))
                .isEqualTo(BOBS_RECORDS);
        assertThat(ZatcaQr.encode("Bobs Records", "310122393500003", Instant.parse("2022-04-25T15:30:00.400Z"), 100000, 15000, 2))
                .isEqualTo(BOBS_RECORDS);
    }

    @Test
    void decodesThePublishedExampleIntoItsFiveFields() {
        assertThat(ZatcaQr.decode(BOBS_RECORDS)).containsExactly(Map.entry(1, "Bobs Records"), Map.entry(2, "310122393500003"),
                Map.entry(3, "2022-04-25T15:30:00Z"), Map.entry(4, "1000.00"), Map.entry(5, "150.00"));
    }

    @Test
    void anArabicSellerNameIsCountedInUtf8BytesNotCharacters() {
        String name = "متجر تجريبي"; // 11 characters (10 letters and a space), 21 bytes
        byte[] tlv = Base64.getDecoder().decode(ZatcaQr.encode(name, "300000000000003", "2026-12-02T10:00:00Z", "11.50", "1.50"));
        assertThat(tlv[0]).isEqualTo((byte) 1);
        assertThat(tlv[1] & 0xFF).isEqualTo(name.getBytes(StandardCharsets.UTF_8).length).isEqualTo(21);
        assertThat(ZatcaQr.decode(Base64.getEncoder().encodeToString(tlv))).containsEntry(1, name).containsEntry(4, "11.50");
    }

    @Test
    void refusesEmptyFieldsAndPayloadsOverSevenHundredCharacters() {
        assertThatThrownBy(() -> ZatcaQr.encode("", "3", "t", "1", "0")).hasMessageContaining("field 1");
        String longName = "م".repeat(127); // 254 bytes
        assertThatThrownBy(() -> ZatcaQr.encode(longName, "3".repeat(255), "t".repeat(255), "1", "0"))
                .hasMessageContaining("700");
    }
}
