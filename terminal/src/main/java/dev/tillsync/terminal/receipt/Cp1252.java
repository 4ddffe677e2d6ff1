package dev.tillsync.terminal.receipt;

import java.nio.charset.Charset;

/** Code page WPC1252 (ESC t 16), what a Latin receipt prints in: whether a text fits it, and its bytes. */
final class Cp1252 {
    static final Charset CHARSET = Charset.forName("windows-1252");

    private Cp1252() {}

    /** True for null and for text whose every character WPC1252 has (control characters excepted). */
    static boolean encodes(String s) {
        if (s == null) return true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c <= 0x7E) continue; // printable ASCII: the common case, no encoder needed
            if (c < 0x20 || !CHARSET.newEncoder().canEncode(c)) return false;
        }
        return true;
    }

    static byte[] bytes(String s) {
        return s.getBytes(CHARSET);
    }
}
