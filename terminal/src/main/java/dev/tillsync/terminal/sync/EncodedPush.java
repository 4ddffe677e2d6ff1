package dev.tillsync.terminal.sync;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tillsync.core.json.Json;
import dev.tillsync.core.sync.PushBatch;
import dev.tillsync.terminal.outbox.Outbox;
import dev.tillsync.terminal.outbox.OutboxRow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The body of one {@code POST /api/v1/sync/push} ({@link PushBatch} in JSON), encoded once by the thread that
 * reads the outbox ahead, so the thread that waits on the network only sends bytes.
 *
 * <p>Each row's payload goes out as the JSON text the outbox stored when the row was recorded, copied rather
 * than parsed into a tree and written again: the server reads the same JSON either way (it fingerprints a
 * canonical form, never the bytes). Invariant: every payload copied is one complete JSON object, checked by
 * reading its tokens, so a damaged stored row stops the push here ({@code store_corrupt}) instead of
 * corrupting the whole request.
 *
 * <p>{@code syncedThrough}: the highest sequence the till held as Synced when the batch was read, sent as
 * {@code X-Synced-Through} (a value read a batch early is only lower, so it can delay a resend, never ask one wrongly).
 */
public record EncodedPush(byte[] json, long syncedThrough) {
    private static final ObjectMapper JSON = Json.mapper();

    /** Encodes {@code rows} (oldest first) with the device's identity, as {@link PushBatch} would be written. */
    public static EncodedPush of(String posId, String profileKey, List<OutboxRow> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024 + rows.size() * 1024);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            if (posId != null) g.writeStringField("posId", posId);
            if (profileKey != null) g.writeStringField("profileKey", profileKey);
            g.writeArrayFieldStart("rows");
            for (OutboxRow r : rows) {
                g.writeStartObject();
                g.writeStringField("uuid", r.uuid());
                g.writeNumberField("seq", r.seq());
                g.writeFieldName("kind");
                g.writeObject(r.kind());
                g.writeFieldName("createdAt");
                g.writeObject(r.createdAt());
                g.writeFieldName("payload");
                g.writeRawValue(checkedPayload(r));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory
        }
        return new EncodedPush(out.toByteArray(), 0);
    }

    /** The batch as the server will read it (for transports that look inside, such as tests). */
    public PushBatch decode() {
        try {
            return JSON.readValue(json, PushBatch.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String checkedPayload(OutboxRow r) {
        try (JsonParser p = JSON.createParser(r.payload())) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                p.skipChildren();
                if (p.nextToken() == null) return r.payload();
            }
        } catch (IOException | RuntimeException e) {
            throw Outbox.unreadablePayload(r, e);
        }
        throw Outbox.unreadablePayload(r, null);
    }

    /** This batch, reporting {@code seq} as the highest sequence the till holds as Synced. */
    public EncodedPush withSyncedThrough(long seq) {
        return new EncodedPush(json, seq);
    }
}
