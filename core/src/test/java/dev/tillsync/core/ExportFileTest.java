package dev.tillsync.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tillsync.core.export.ExportContents;
import dev.tillsync.core.export.ExportFile;
import dev.tillsync.core.export.ExportFileException;
import dev.tillsync.core.json.Json;
import dev.tillsync.core.payload.CustomerPayload;
import dev.tillsync.core.sync.RowKind;
import dev.tillsync.core.sync.SyncRow;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class ExportFileTest {
    private final ObjectMapper json = Json.mapper();
    private final String key = ExportFile.signingKey("secret-1");

    private byte[] file() throws Exception {
        List<SyncRow> rows = List.of(
                new SyncRow("u1", 1, RowKind.CUSTOMER, Instant.EPOCH, json.valueToTree(new CustomerPayload("C-1", "Ann", null, null, Instant.EPOCH))),
                new SyncRow("u2", 2, RowKind.CUSTOMER, Instant.EPOCH, json.valueToTree(new CustomerPayload("C-2", "Bob", null, null, Instant.EPOCH))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportFile.write(out, "P1", rows, key, Instant.EPOCH);
        return out.toByteArray();
    }

    @Test
    void roundTrips() throws Exception {
        ExportContents c = ExportFile.read(new ByteArrayInputStream(file()), id -> Optional.of(key));
        assertThat(c.rows()).extracting(SyncRow::uuid).containsExactly("u1", "u2");
        assertThat(c.header().seqFrom()).isEqualTo(1);
        assertThat(c.header().seqTo()).isEqualTo(2);
    }

    @Test
    void editedFileIsRefused() throws Exception {
        byte[] plain = new GZIPInputStream(new ByteArrayInputStream(file())).readAllBytes();
        String edited = new String(plain).replace("Bob", "Rob");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(edited.getBytes());
        }
        assertThatThrownBy(() -> ExportFile.read(new ByteArrayInputStream(out.toByteArray()), id -> Optional.of(key)))
                .isInstanceOf(ExportFileException.class).hasMessageContaining("signature");
    }

    @Test
    void otherDevicesKeyIsRefusedAndTruncationIsDetected() throws Exception {
        byte[] f = file();
        assertThatThrownBy(() -> ExportFile.read(new ByteArrayInputStream(f), id -> Optional.of(ExportFile.signingKey("other"))))
                .isInstanceOf(ExportFileException.class).extracting(e -> ((ExportFileException) e).code()).isEqualTo("bad_signature");
        byte[] cut = Arrays.copyOf(f, f.length / 2);
        assertThatThrownBy(() -> ExportFile.read(new ByteArrayInputStream(cut), id -> Optional.of(key)))
                .isInstanceOf(ExportFileException.class);
        assertThatThrownBy(() -> ExportFile.read(new ByteArrayInputStream("hello".getBytes()), id -> Optional.of(key)))
                .isInstanceOf(ExportFileException.class).hasMessageContaining("not a tillsync export");
    }

    /** The lines signed as ExportFile signs them, so only the content (not the signature) is wrong. */
    private byte[] signed(String... lines) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        StringBuilder text = new StringBuilder();
        for (String l : lines) {
            mac.update(l.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            mac.update((byte) '\n');
            text.append(l).append('\n');
        }
        text.append("{\"signature\":\"").append(java.util.HexFormat.of().formatHex(mac.doFinal())).append("\"}\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** Found by the reliability fuzzing: a header or row line holding JSON null was a NullPointerException (a 500 on /imports). */
    @Test
    void aNullHeaderOrRowIsMalformedNotACrash() throws Exception {
        assertThatThrownBy(() -> ExportFile.read(new ByteArrayInputStream(signed("null")), id -> Optional.of(key)))
                .isInstanceOf(ExportFileException.class).extracting(e -> ((ExportFileException) e).code()).isEqualTo("export_malformed");
        String header = new String(new GZIPInputStream(new ByteArrayInputStream(file())).readAllBytes()).split("\n")[0];
        assertThatThrownBy(() -> ExportFile.read(new ByteArrayInputStream(signed(header, "null", "null")), id -> Optional.of(key)))
                .isInstanceOf(ExportFileException.class).extracting(e -> ((ExportFileException) e).code()).isEqualTo("export_malformed");
    }
}
