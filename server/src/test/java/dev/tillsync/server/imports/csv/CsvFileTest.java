package dev.tillsync.server.imports.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tillsync.server.refusal.Refusal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvFileTest {
    private static CsvFile read(String s) {
        return CsvFile.parse(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void semicolonBomCrlfAndQuotedNewlineAreRead() {
        CsvFile f = read("\uFEFFcode;name\r\nA-1;\"Tea; green\r\n\"\"loose\"\"\"\r\nA-2;Milk\r\n");
        assertEquals(';', f.separator());
        assertEquals(List.of("code", "name"), f.header());
        assertEquals(2, f.rows().size());
        assertEquals("Tea; green\r\n\"loose\"", f.rows().get(0).fields().get(1));
        assertEquals(2, f.rows().get(0).line());
        assertEquals(4, f.rows().get(1).line(), "the physical line after a quoted line break");
    }

    @Test
    void commaAndLfAndNoFinalNewline() {
        CsvFile f = read("code,name\nA,\"x, y\"\nB,z");
        assertEquals(',', f.separator());
        assertEquals(List.of("B", "z"), f.rows().get(1).fields());
    }

    @Test
    void badFilesAreRefusedWithTheirLine() {
        Refusal empty = assertThrows(Refusal.class, () -> read(""));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        Refusal quote = assertThrows(Refusal.class, () -> read("code,name\nA,b\nB,\"cut off"));
        assertTrue(quote.getMessage().startsWith("Line 3 opens a quoted field"), quote.getMessage());
        byte[] bad = "code,name\nA,b\nB,\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        Refusal utf = assertThrows(Refusal.class, () -> CsvFile.parse(bad));
        assertTrue(utf.getMessage().startsWith("Line 3 is not valid UTF-8"), utf.getMessage());
    }
}
