package dev.tillsync.core.master;

import java.util.List;

/** The POS profile the device runs under. */
public record ProfileData(String name, String warehouse, String priceList, List<String> paymentModes,
                          String taxTemplate, String receiptHeader, String receiptFooter, String profileKey) {
    public ProfileData {
        paymentModes = paymentModes == null ? List.of() : List.copyOf(paymentModes);
    }
}
