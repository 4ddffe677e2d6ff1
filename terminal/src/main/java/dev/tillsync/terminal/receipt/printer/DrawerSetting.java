package dev.tillsync.terminal.receipt.printer;

import dev.tillsync.terminal.TerminalException;

/**
 * The cash drawer on the printer's drawer port: which pin fires (2 or 5; 0 = no drawer) and the pulse, as ESC/POS
 * {@code ESC p m t1 t2} (m 0 = pin 2, 1 = pin 5; t1 on and t2 off, in units of 2 ms, 1..255).
 * Default pin 2, 50 ms on / 500 ms off ({@code ESC p 0 25 250}): Epson's documented value, which most drawers open with.
 */
public record DrawerSetting(int pin, int onMs, int offMs) {
    public static final DrawerSetting DEFAULT = new DrawerSetting(2, 50, 500);
    public static final DrawerSetting NONE = new DrawerSetting(0, 50, 500);

    public DrawerSetting {
        if (pin != 0 && pin != 2 && pin != 5) throw bad("the drawer pin must be 2 or 5 (or off)");
        if (onMs < 2 || onMs > 510 || offMs < 2 || offMs > 510) throw bad("a pulse is ON_MS/OFF_MS, each 2 to 510 ms, e.g. 50/500");
    }

    public boolean enabled() {
        return pin != 0;
    }

    /** The ESC p command; empty when there is no drawer. */
    public byte[] pulse() {
        if (!enabled()) return new byte[0];
        return new byte[] {0x1B, 'p', (byte) (pin == 2 ? 0 : 1), (byte) Math.max(1, onMs / 2), (byte) Math.max(1, offMs / 2)};
    }

    /** "2", "5", "pin2", "pin5" or "off". */
    public static int parsePin(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT).replace("pin", "").trim();
        return switch (t) {
            case "2" -> 2;
            case "5" -> 5;
            case "off", "none", "0" -> 0;
            default -> throw bad("the drawer is 2 or 5 (the printer's drawer pin) or off, not '" + text + "'");
        };
    }

    /** A pulse "ON_MS/OFF_MS" (e.g. 50/500) on this drawer's pin. */
    public DrawerSetting withPulse(String text) {
        String[] p = text == null ? new String[0] : text.trim().split("/");
        try {
            if (p.length != 2) throw new NumberFormatException();
            return new DrawerSetting(pin, Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()));
        } catch (NumberFormatException e) {
            throw bad("a pulse is ON_MS/OFF_MS in milliseconds, e.g. 50/500, not '" + text + "'");
        }
    }

    public String describe() {
        return enabled() ? "pin " + pin + ", pulse " + onMs + " ms on / " + offMs + " ms off" : "off (no cash drawer)";
    }

    private static TerminalException bad(String why) {
        return new TerminalException("bad_drawer_setting", "Cash drawer setting refused: " + why + ".");
    }
}
