package dev.tillsync.core.master;

/**
 * A payment mode of a POS profile. {@code type} is {@code cash}, {@code card} or {@code other}: cash rounding applies
 * to cash only, a refund of a card tender goes back to card. {@code opensDrawer}: the receipt of a sale paid with it
 * carries the drawer pulse. {@code requiresReference}: the till asks for a slip or authorisation number.
 */
public record PaymentModeData(String name, String type, boolean opensDrawer, boolean requiresReference) {
    public static final String CASH = "cash";
    public static final String CARD = "card";
    public static final String OTHER = "other";
}
