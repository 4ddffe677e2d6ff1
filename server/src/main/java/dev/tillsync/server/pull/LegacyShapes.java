package dev.tillsync.server.pull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tillsync.core.sync.Entities;
import java.util.Map;
import java.util.Set;

/**
 * The previous release's form of each pull record. That release refuses unknown JSON fields, so a till that does not
 * name the {@code master-v2} feature gets each record cut to the fields it knows; the values it reads mean what they
 * meant (an item's price is its profile's list price, stock {@code qty} is whole units).
 */
final class LegacyShapes {
    private static final Map<String, Set<String>> FIELDS = Map.of(
            Entities.ITEM, Set.of("code", "name", "barcodes", "priceMinor", "taxRateBp", "active"),
            Entities.PROFILE, Set.of("name", "warehouse", "priceList", "paymentModes", "taxTemplate", "receiptHeader",
                    "receiptFooter", "profileKey"),
            Entities.CUSTOMER, Set.of("number", "name", "phone", "email"),
            Entities.STOCK, Set.of("itemCode", "warehouse", "qty"));

    private LegacyShapes() {}

    static JsonNode cut(String entity, JsonNode data) {
        Set<String> keep = FIELDS.get(entity);
        if (keep == null || !(data instanceof ObjectNode o)) return data;
        ObjectNode copy = o.deepCopy();
        copy.retain(keep);
        return copy;
    }
}
