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
}
