package dev.tillsync.core.master;

import java.util.List;

/**
 * The POS profile the device runs under (pull entity {@code profile}).
 *
 * <p>The first eight fields are the previous release's wire form; the rest reach only a till that sends the
 * {@code master-v2} feature. Money settings are in minor units of {@code currency}, which has {@code currencyDigits}
 * decimals: {@code cashRoundingMinor} is the increment cash tenders round to (0 = none), {@code maxDiscountBp} the
 * largest discount (basis points of the amount discounted) a cashier gives without approval.
 * {@code pullIntervalSeconds}: how often a running till pulls when it has nothing to push.
 * {@code pricesIncludeTax}: whether the profile's price list holds prices that include tax. {@code scaleLayout} may be null.
 * {@code receiptLogo}: base64 of a PNG or JPEG printed at the top of each receipt, or null.
 */
public record ProfileData(String name, String warehouse, String priceList, List<String> paymentModes,
                          String taxTemplate, String receiptHeader, String receiptFooter, String profileKey,
                          List<PaymentModeData> modes, String currency, int currencyDigits, long cashRoundingMinor,
                          int maxDiscountBp, String sellerName, String sellerTaxNumber, int pullIntervalSeconds,
                          boolean pricesIncludeTax, ScaleLayout scaleLayout, String receiptLogo) {
    public static final int DEFAULT_PULL_INTERVAL_SECONDS = 60;

    public ProfileData {
        paymentModes = paymentModes == null ? List.of() : List.copyOf(paymentModes);
        modes = modes == null ? paymentModes.stream().map(ProfileData::guessMode).toList() : List.copyOf(modes);
        currency = currency == null ? "USD" : currency;
        pullIntervalSeconds = pullIntervalSeconds <= 0 ? DEFAULT_PULL_INTERVAL_SECONDS : pullIntervalSeconds;
    }

    /** The previous release's form (its payment modes by name only). */
    public ProfileData(String name, String warehouse, String priceList, List<String> paymentModes,
                       String taxTemplate, String receiptHeader, String receiptFooter, String profileKey) {
        this(name, warehouse, priceList, paymentModes, taxTemplate, receiptHeader, receiptFooter, profileKey,
                null, null, 2, 0, 0, null, null, DEFAULT_PULL_INTERVAL_SECONDS, false, null, null);
    }

    /** The master-v2 form before receipt logos. */
    public ProfileData(String name, String warehouse, String priceList, List<String> paymentModes,
                       String taxTemplate, String receiptHeader, String receiptFooter, String profileKey,
                       List<PaymentModeData> modes, String currency, int currencyDigits, long cashRoundingMinor,
                       int maxDiscountBp, String sellerName, String sellerTaxNumber, int pullIntervalSeconds,
                       boolean pricesIncludeTax, ScaleLayout scaleLayout) {
        this(name, warehouse, priceList, paymentModes, taxTemplate, receiptHeader, receiptFooter, profileKey, modes, currency,
                currencyDigits, cashRoundingMinor, maxDiscountBp, sellerName, sellerTaxNumber, pullIntervalSeconds,
                pricesIncludeTax, scaleLayout, null);
    }

    /** The mode of this name; a name-only mode from an old server is cash when it says "cash", else card. */
    public PaymentModeData mode(String name) {
        return modes.stream().filter(m -> m.name().equalsIgnoreCase(name)).findFirst().orElse(null);
    }

    private static PaymentModeData guessMode(String name) {
        boolean cash = name.equalsIgnoreCase("cash");
        return new PaymentModeData(name, cash ? PaymentModeData.CASH : PaymentModeData.CARD, cash, false);
    }
}
