package dev.tillsync.core.receipt;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ZATCA (Saudi e-invoicing) Phase 1 QR payload: Base64 of five TLV fields (1 seller name, 2 VAT number, 3 time
 * stamp ISO 8601, 4 total with VAT, 5 VAT total). Each length is the field's UTF-8 BYTE count in one byte — counting
 * characters instead breaks on Arabic names — and the whole payload is at most {@value #MAX_CHARS} characters.
 */
public final class ZatcaQr {
    public static final int MAX_CHARS = 700;

    private ZatcaQr() {}

    /** The payload of a sale: money in minor units of a currency with {@code digits} decimals, the time in UTC seconds. */
    public static String encode(String sellerName, String vatNumber, Instant at, long totalMinor, long vatMinor, int digits) {
        return encode(sellerName, vatNumber, at.truncatedTo(ChronoUnit.SECONDS).toString(), amount(totalMinor, digits),
                amount(vatMinor, digits));
    }

    /** The payload of five field values, as ZATCA's guidance builds it. */
    public static String encode(String sellerName, String vatNumber, String timestamp, String total, String vatTotal) {
        ByteArrayOutputStream tlv = new ByteArrayOutputStream();
        String[] values = {sellerName, vatNumber, timestamp, total, vatTotal};
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null || values[i].isBlank()) throw new IllegalArgumentException("ZATCA QR field " + (i + 1) + " is empty");
            byte[] v = values[i].getBytes(StandardCharsets.UTF_8);
            if (v.length > 255) throw new IllegalArgumentException("ZATCA QR field " + (i + 1) + " is longer than 255 bytes");
            tlv.write(i + 1);
            tlv.write(v.length);
            tlv.writeBytes(v);
        }
        String b64 = Base64.getEncoder().encodeToString(tlv.toByteArray());
        if (b64.length() > MAX_CHARS) throw new IllegalArgumentException("ZATCA QR payload is longer than " + MAX_CHARS + " characters");
        return b64;
    }

    /** The fields of a payload by tag, in order (for tests and for a scanner's view); refuses a malformed one. */
    public static Map<Integer, String> decode(String base64) {
        byte[] b = Base64.getDecoder().decode(base64);
        Map<Integer, String> out = new LinkedHashMap<>();
        int i = 0;
        while (i < b.length) {
            if (i + 2 > b.length) throw new IllegalArgumentException("truncated TLV at byte " + i);
            int tag = b[i] & 0xFF, len = b[i + 1] & 0xFF;
            if (i + 2 + len > b.length) throw new IllegalArgumentException("TLV field " + tag + " runs past the end");
            out.put(tag, new String(b, i + 2, len, StandardCharsets.UTF_8));
            i += 2 + len;
        }
        return out;
    }

    static String amount(long minor, int digits) {
        return BigDecimal.valueOf(minor, digits).toPlainString();
    }
}
