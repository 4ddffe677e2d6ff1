package dev.tillsync.server.imports.csv;

import dev.tillsync.server.Limits;
import dev.tillsync.server.refusal.Refusal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file as a header and records, read the way spreadsheets write it: strict UTF-8 with or without a BOM,
 * {@code ,} or {@code ;} (whichever the header line uses), quoted fields with separators, quotes and line breaks,
 * CRLF or LF. Invariant: every record carries the physical line (1-based) it starts on, so a refusal names the line
 * a manager sees in an editor. A hand-written reader (about 100 lines) instead of a dependency: it must report the
 * physical line and the invalid-UTF-8 line, which general readers do not.
 */
public record CsvFile(List<String> header, List<Row> rows, char separator) {
    /** One record: the physical line it starts on and its fields. */
    public record Row(int line, List<String> fields) {}

    /** Reads {@code bytes}; refuses a file over the limit, invalid UTF-8, an empty file and an unterminated quote. */
    public static CsvFile parse(byte[] bytes) {
        if (bytes.length > Limits.CSV_IMPORT_BYTES) {
            throw Refusal.tooLarge("file_too_large", "The file has " + Limits.mib(bytes.length) + "; an import takes at most "
                    + Limits.mib(Limits.CSV_IMPORT_BYTES) + ". Split it into several files.");
        }
        String text = decode(bytes);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
        if (text.isBlank()) throw Refusal.invalid("empty_file", "The file is empty; its first line must be the header (column names).");
        char sep = separatorOf(text);
        List<Row> records = records(text, sep);
        Row head = records.getFirst();
        List<String> header = head.fields().stream().map(f -> f.strip().toLowerCase(java.util.Locale.ROOT)).toList();
        List<Row> rows = new ArrayList<>(records.size());
        for (Row r : records.subList(1, records.size())) {
            if (r.fields().size() == 1 && r.fields().getFirst().isBlank()) continue; // blank line
            rows.add(r);
        }
        return new CsvFile(header, List.copyOf(rows), sep);
    }

    /** Strict UTF-8: the first invalid byte sequence is refused naming its line. */
    private static String decode(byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return d.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int bad = firstInvalid(bytes);
            int line = 1;
            for (int i = 0; i < bad; i++) if (bytes[i] == '\n') line++;
            throw Refusal.invalid("invalid_utf8", "Line " + line + " is not valid UTF-8; save the file as \"CSV UTF-8\" and import it again.");
        }
    }

    private static int firstInvalid(byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        d.decode(in, out, true);
        return in.position();
    }

    /** The separator the header line uses most, outside quotes: {@code ;} when it has more of them than commas. */
    private static char separatorOf(String text) {
        int commas = 0, semis = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (!quoted && (c == '\n' || c == '\r')) break;
            else if (!quoted && c == ',') commas++;
            else if (!quoted && c == ';') semis++;
        }
        return semis > commas ? ';' : ',';
    }

    private static List<Row> records(String text, char sep) {
        List<Row> out = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1, start = 1;
        boolean quoted = false, wasQuoted = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') { field.append('"'); i++; } else quoted = false;
                } else {
                    if (c == '\n') line++;
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == sep) {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') i++;
                fields.add(field.toString());
                out.add(new Row(start, List.copyOf(fields)));
                fields.clear();
                field.setLength(0);
                wasQuoted = false;
                line++;
                start = line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw Refusal.invalid("unterminated_quote", "Line " + start + " opens a quoted field (\") that is never closed; the file may be cut off. Close the quote or export the file again.");
        }
        if (!field.isEmpty() || !fields.isEmpty() || wasQuoted) {
            fields.add(field.toString());
            out.add(new Row(start, List.copyOf(fields)));
        }
        return out;
    }
}
