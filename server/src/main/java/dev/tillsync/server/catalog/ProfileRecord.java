package dev.tillsync.server.catalog;

import dev.tillsync.core.auth.Secrets;
import dev.tillsync.core.master.PaymentModeData;
import dev.tillsync.core.master.ProfileData;
import dev.tillsync.core.master.ScaleLayout;
import java.util.List;

/** A POS profile row with its payment modes (in the profile's order) and its price list's currency; receiptLogo is base64 or null. */
public record ProfileRecord(long id, String name, String warehouse, String priceList, List<PaymentModeData> modes,
                            String taxTemplate, String receiptHeader, String receiptFooter, int version,
                            String currency, int currencyDigits, boolean pricesIncludeTax, String sellerName,
                            String sellerTaxNumber, long cashRoundingMinor, int maxDiscountBp, int pullIntervalSeconds,
                            ScaleLayout scaleLayout, boolean active, String receiptLogo) {

    /** A profile without a receipt logo. */
    public ProfileRecord(long id, String name, String warehouse, String priceList, List<PaymentModeData> modes,
                         String taxTemplate, String receiptHeader, String receiptFooter, int version,
                         String currency, int currencyDigits, boolean pricesIncludeTax, String sellerName,
                         String sellerTaxNumber, long cashRoundingMinor, int maxDiscountBp, int pullIntervalSeconds,
                         ScaleLayout scaleLayout, boolean active) {
        this(id, name, warehouse, priceList, modes, taxTemplate, receiptHeader, receiptFooter, version, currency, currencyDigits,
                pricesIncludeTax, sellerName, sellerTaxNumber, cashRoundingMinor, maxDiscountBp, pullIntervalSeconds, scaleLayout,
                active, null);
    }

    /** profile_plk: lets the server tell a push made under a stale or foreign profile. */
    public static String profileKey(long profileId, int version) {
        return Secrets.sha256(profileId + ":" + version).substring(0, 16);
    }

    public String profileKey() {
        return profileKey(id, version);
    }

    public List<String> paymentModes() {
        return modes.stream().map(PaymentModeData::name).toList();
    }

    public ProfileData toData() {
        return new ProfileData(name, warehouse, priceList, paymentModes(), taxTemplate, receiptHeader, receiptFooter, profileKey(),
                modes, currency, currencyDigits, cashRoundingMinor, maxDiscountBp, sellerName, sellerTaxNumber,
                pullIntervalSeconds, pricesIncludeTax, scaleLayout, receiptLogo);
    }
}
