package dev.tillsync.server.console;

import dev.tillsync.core.master.ProfileData;
import dev.tillsync.core.master.ScaleLayout;
import dev.tillsync.server.catalog.ProfileRecord;
import dev.tillsync.server.master.profiles.ProfileService;
import dev.tillsync.server.refusal.Refusal;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.List;

/**
 * A POS profile form's values as the user sees them (text, ticks, the payment modes in till order): read from the
 * record, or as typed, so a refused save shows the form exactly as it was sent. {@code version} is null on create.
 */
record ProfileDraft(String name, String warehouse, String priceList, List<String> modes, String taxTemplate, String receiptHeader,
                    String receiptFooter, String sellerName, String sellerTaxNumber, String cashRounding, String maxDiscount,
                    String pullInterval, String scalePrefix, String scaleItemDigits, String scaleValueDigits, String scaleValueDecimals,
                    String scaleKind, boolean active, Integer version) {

    /** A new profile: the first warehouse and price list, every active mode offered, the default pull interval. */
    static ProfileDraft blank(List<String> warehouses, List<String> priceLists, List<String> modes) {
        return new ProfileDraft("", warehouses.isEmpty() ? "" : warehouses.get(0), priceLists.isEmpty() ? "" : priceLists.get(0), modes, "", "", "",
                "", "", "", "", String.valueOf(ProfileData.DEFAULT_PULL_INTERVAL_SECONDS), "", "", "", "", ScaleLayout.WEIGHT, true, null);
    }

    static ProfileDraft of(ProfileRecord e) {
        ScaleLayout s = e.scaleLayout();
        return new ProfileDraft(e.name(), e.warehouse(), e.priceList(), e.paymentModes(), Urls.text(e.taxTemplate()), Urls.text(e.receiptHeader()),
                Urls.text(e.receiptFooter()), Urls.text(e.sellerName()), Urls.text(e.sellerTaxNumber()),
                BigDecimal.valueOf(e.cashRoundingMinor(), e.currencyDigits()).toPlainString(),
                BigDecimal.valueOf(e.maxDiscountBp(), 2).stripTrailingZeros().toPlainString(), String.valueOf(e.pullIntervalSeconds()),
                s == null ? "" : s.prefix(), s == null ? "" : String.valueOf(s.itemDigits()), s == null ? "" : String.valueOf(s.valueDigits()),
                s == null ? "" : String.valueOf(s.valueDecimals()), s == null ? ScaleLayout.WEIGHT : s.kind(), e.active(), e.version());
    }

    /** The form as posted; {@code name} is the path's on edit (a profile keeps its name). */
    static ProfileDraft typed(Context ctx, String name) {
        return new ProfileDraft(name != null ? name : f(ctx, "name"), f(ctx, "warehouse"), f(ctx, "priceList"), ctx.formParams("mode"),
                f(ctx, "taxTemplate"), lines(f(ctx, "receiptHeader")), lines(f(ctx, "receiptFooter")), f(ctx, "sellerName"), f(ctx, "sellerTaxNumber"),
                f(ctx, "cashRounding"), f(ctx, "maxDiscountPercent"), f(ctx, "pullIntervalSeconds"), f(ctx, "scalePrefix"), f(ctx, "scaleItemDigits"),
                f(ctx, "scaleValueDigits"), f(ctx, "scaleValueDecimals"), f(ctx, "scaleKind"), ctx.formParam("active") != null, Urls.version(ctx));
    }

    /** What ProfileService is asked to write; refuses a number field with something other than digits. */
    ProfileService.Spec toSpec(boolean create) {
        ScaleLayout scale = scalePrefix.isBlank() ? null : new ScaleLayout(scalePrefix.strip(), digits("scale item digits", scaleItemDigits),
                digits("scale value digits", scaleValueDigits), digits("scale value decimals", scaleValueDecimals), scaleKind);
        Integer pull = pullInterval.isBlank() ? null : digits("pull interval", pullInterval);
        return new ProfileService.Spec(create ? name : null, warehouse, priceList, modes, taxTemplate, receiptHeader, receiptFooter, sellerName,
                sellerTaxNumber, cashRounding, maxDiscount, pull, scale, scale == null, create ? null : active, version);
    }

    boolean offers(String mode) {
        return modes.contains(mode);
    }

    /** The offered modes first, in the profile's order, then the other active ones. */
    List<String> ordered(List<String> active) {
        List<String> out = new java.util.ArrayList<>(modes);
        for (String m : active) if (!out.contains(m)) out.add(m);
        return out;
    }

    private static int digits(String what, String v) {
        String t = v.strip();
        if (!t.matches("[0-9]{1,6}")) throw Refusal.invalid("invalid_number", "The " + what + " must be a whole number" + (t.isEmpty() ? "." : "; '" + t + "' is not."));
        return Integer.parseInt(t);
    }

    /** A browser sends a textarea's line breaks as CR LF; the receipts and the tills want LF. */
    private static String lines(String text) {
        return text.replace("\r\n", "\n");
    }

    private static String f(Context ctx, String field) {
        return Urls.text(ctx.formParam(field));
    }
}
