package dev.tillsync.core.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tillsync.core.auth.Secrets;
import dev.tillsync.core.json.Json;
import dev.tillsync.core.sync.RowKind;
import dev.tillsync.core.sync.SyncRow;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The export file a terminal writes when the line stays down, and the server imports.
 *
 * <p>Format (version 1): gzip of UTF-8 JSON lines. Line 1 is an {@link ExportHeader}; then one
 * {@link SyncRow} per line, in device sequence order; the last line is {@code {"signature":"<hex>"}},
 * the HMAC-SHA256 of every byte before it (uncompressed), keyed with {@link #signingKey(String)} of the
 * device secret. The server keeps that key (never the secret) so it can verify without being able to
 * authenticate as the device.
 */
public final class ExportFile {
    public static final String FORMAT = "tillsync-export";
    public static final int VERSION = 1;
    /** Largest uncompressed file accepted: protects the server from gzip bombs. */
    public static final long MAX_UNCOMPRESSED_BYTES = 512L * 1024 * 1024;

    private static final ObjectMapper JSON = Json.mapper();

    private ExportFile() {}

    /** The HMAC key derived from a device secret; the server stores this at linking. */
    public static String signingKey(String deviceSecret) {
        return Secrets.sha256("tillsync-export-key:" + deviceSecret);
    }

    /** Writes rows (already in sequence order) as a signed export file. */
    public static ExportHeader write(OutputStream out, String posId, List<SyncRow> rows, String signingKey, Instant now)
            throws IOException {
        long from = rows.stream().mapToLong(SyncRow::seq).min().orElse(0);
        long to = rows.stream().mapToLong(SyncRow::seq).max().orElse(0);
        int invoices = 0;
        long total = 0;
        for (SyncRow r : rows) {
            if (r.kind() == RowKind.INVOICE) {
                invoices++;
                JsonNode g = r.payload().get("grandTotalMinor");
                total += g == null ? 0 : g.asLong();
            }
        }
        ExportHeader header = new ExportHeader(FORMAT, VERSION, posId, from, to, rows.size(), invoices, total, now);
        Mac mac = mac(signingKey);
        GZIPOutputStream gz = new GZIPOutputStream(out);
        writeLine(gz, mac, JSON.writeValueAsBytes(header));
        for (SyncRow r : rows) {
            writeLine(gz, mac, JSON.writeValueAsBytes(r));
        }
        String sig = HexFormat.of().formatHex(mac.doFinal());
        gz.write(("{\"signature\":\"" + sig + "\"}\n").getBytes(StandardCharsets.UTF_8));
        gz.finish();
        gz.flush();
        return header;
    }

    /**
     * Reads and verifies a file. {@code keyForPosId} gives the signing key of the device named in the header,
     * or empty when no such device is known.
     */
    public static ExportContents read(InputStream in, Function<String, Optional<String>> keyForPosId)
            throws ExportFileException {
        byte[] raw = inflate(in);
        List<byte[]> lines = splitLines(raw);
        if (lines.size() < 2) {
            throw new ExportFileException("export_truncated", "The export file is incomplete (no signature line). Export it again from the terminal.");
        }
        ExportHeader header;
        try {
            header = JSON.readValue(lines.get(0), ExportHeader.class);
        } catch (IOException e) {
            throw new ExportFileException("export_malformed", "The export file header is not readable: " + firstLine(e));
        }
        // the JSON literal null reads as no header at all; without this it failed as a 500 on header.format()
        if (header == null || !FORMAT.equals(header.format())) {
            throw new ExportFileException("export_malformed", "This is not a tillsync export file.");
        }
        if (header.version() != VERSION) {
            throw new ExportFileException("export_version", "Export file version " + header.version() + " is not supported (expected " + VERSION + ").");
        }
        String key = keyForPosId.apply(header.posId()).orElseThrow(() ->
                new ExportFileException("unknown_device", "No device with POS ID '" + header.posId() + "' has ever been linked on this server."));
        String sigLine = new String(lines.get(lines.size() - 1), StandardCharsets.UTF_8);
        String claimed;
        try {
            JsonNode n = JSON.readTree(sigLine);
            claimed = n.path("signature").asText("");
        } catch (IOException e) {
            claimed = "";
        }
        if (claimed.isEmpty()) {
            throw new ExportFileException("export_truncated", "The export file is incomplete (its signature line is missing). Export it again from the terminal.");
        }
        Mac mac = mac(key);
        for (int i = 0; i < lines.size() - 1; i++) {
            mac.update(lines.get(i));
            mac.update((byte) '\n');
        }
        byte[] expected = mac.doFinal();
        byte[] given;
        try {
            given = HexFormat.of().parseHex(claimed);
        } catch (IllegalArgumentException e) {
            given = new byte[0];
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw new ExportFileException("bad_signature", "The export file's signature does not match device " + header.posId()
                    + ": it was changed after export, or it belongs to another device. Upload the original file.");
        }
        List<SyncRow> rows = new ArrayList<>();
        for (int i = 1; i < lines.size() - 1; i++) {
            try {
                SyncRow row = JSON.readValue(lines.get(i), SyncRow.class);
                // a line holding the JSON literal null is no row; a null in the list failed ingest with a 500
                if (row == null) throw new ExportFileException("export_malformed", "Row " + i + " of the export file is empty (null).");
                rows.add(row);
            } catch (IOException e) {
                throw new ExportFileException("export_malformed", "Row " + i + " of the export file is not readable: " + firstLine(e));
            }
        }
        if (rows.size() != header.count()) {
            throw new ExportFileException("export_malformed", "The header says " + header.count() + " rows but the file holds " + rows.size() + ".");
        }
        return new ExportContents(header, rows);
    }

    private static void writeLine(OutputStream out, Mac mac, byte[] json) throws IOException {
        mac.update(json);
        mac.update((byte) '\n');
        out.write(json);
        out.write('\n');
    }

    private static Mac mac(String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 missing from the JDK", e);
        }
    }

    private static byte[] inflate(InputStream in) throws ExportFileException {
        try (GZIPInputStream gz = new GZIPInputStream(in)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = gz.read(buf)) > 0) {
                total += n;
                if (total > MAX_UNCOMPRESSED_BYTES) {
                    throw new ExportFileException("export_too_large", "The export file is larger than " + (MAX_UNCOMPRESSED_BYTES >> 20) + " MiB uncompressed; export smaller ranges with --since.");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (ZipException e) {
            throw new ExportFileException("export_malformed", "The file is not a tillsync export file (not gzip-compressed).");
        } catch (EOFException e) {
            throw new ExportFileException("export_truncated", "The export file is cut short (incomplete copy or download). Copy it again.");
        } catch (IOException e) {
            throw new ExportFileException("export_malformed", "The export file could not be read: " + e.getMessage());
        }
    }

    private static List<byte[]> splitLines(byte[] raw) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\n') {
                byte[] line = new byte[i - start];
                System.arraycopy(raw, start, line, 0, line.length);
                lines.add(line);
                start = i + 1;
            }
        }
        if (start < raw.length) {
            byte[] line = new byte[raw.length - start];
            System.arraycopy(raw, start, line, 0, line.length);
            lines.add(line);
        }
        return lines;
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

}
