package dev.tillsync.server.catalog;

import dev.tillsync.core.auth.Secrets;
import dev.tillsync.core.master.ProfileData;
import java.util.List;

/** A POS profile row. */
public record ProfileRecord(long id, String name, String warehouse, String priceList, List<String> paymentModes,
                            String taxTemplate, String receiptHeader, String receiptFooter, int version) {

    /** profile_plk: lets the server tell a push made under a stale or foreign profile. */
    public static String profileKey(long profileId, int version) {
        return Secrets.sha256(profileId + ":" + version).substring(0, 16);
    }

    public String profileKey() {
        return profileKey(id, version);
    }

    public ProfileData toData() {
        return new ProfileData(name, warehouse, priceList, paymentModes, taxTemplate, receiptHeader, receiptFooter, profileKey());
    }
}
