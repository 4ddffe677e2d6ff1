package dev.tillsync.terminal.receipt;

/**
 * The words a receipt prints around the shop's own texts, in English or — when the profile's seller name, header or
 * footer is written in Arabic — in Arabic, so a Saudi shop's receipt reads in one language (the title is the
 * "simplified tax invoice" ZATCA asks for). Payment mode names and unit codes print as the profile spells them.
 */
record ReceiptLabels(String vatNumber, String invoice, String ret, String against, String date, String pos, String cashier,
                     String customer, String taxRate, String discount, String net, String tax, String total, String change,
                     String offline, String reprint) {
    static final ReceiptLabels ENGLISH = new ReceiptLabels("VAT No", "INVOICE", "RETURN", "Against", "Date", "POS", "Cashier",
            "Customer", "tax", "Discount", "Net", "Tax", "TOTAL", "Change", ReceiptText.OFFLINE_NOTE, ReceiptText.REPRINT_NOTE);
    static final ReceiptLabels ARABIC = new ReceiptLabels("الرقم الضريبي", "فاتورة ضريبية مبسطة", "مرتجع", "عن الفاتورة",
            "التاريخ", "نقطة البيع", "الكاشير", "العميل", null, "خصم", "الإجمالي قبل الضريبة", "ضريبة القيمة المضافة",
            "الإجمالي", "الباقي", "دون اتصال — ستتم المزامنة", "*** نسخة مكررة ***");

    /** Arabic labels when any of the shop's texts has an Arabic letter, else English. */
    static ReceiptLabels of(String... shopTexts) {
        for (String s : shopTexts) {
            if (s != null && s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.ARABIC)) return ARABIC;
        }
        return ENGLISH;
    }

    /** The cash rounding's label (its own amount under the total, docs/pricing.md step 6). */
    String rounding() {
        return this.equals(ARABIC) ? "فرق التقريب" : "Cash rounding";
    }

    /** The tax rate as printed after a line's price: "(15% tax)", or "(15%)" where the word would break the line's direction. */
    String rate(String percent) {
        return taxRate == null ? "(" + percent + ")" : "(" + percent + " " + taxRate + ")";
    }
}
