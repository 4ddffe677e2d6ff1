package dev.tillsync.server.ingest;

import dev.tillsync.core.payload.StockMovementPayload;
import dev.tillsync.core.sync.SyncRow;
import dev.tillsync.server.catalog.Catalog;
import dev.tillsync.server.db.ChangeFeed;
import dev.tillsync.server.device.DeviceRecord;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Applies a local stock adjustment (count, damage, receipt) to the profile's warehouse. */
public final class StockMovementApplier implements RowApplier {
    private final Catalog catalog;
    private final ChangeFeed feed;

    public StockMovementApplier(Catalog catalog, ChangeFeed feed) {
        this.catalog = catalog;
        this.feed = feed;
    }

    @Override
    public String numberOf(SyncRow row) {
        return null;
    }

    @Override
    public Applied apply(Handle h, DeviceRecord device, SyncRow row, String batchProfileKey) throws Rejection {
        StockMovementPayload m = Payloads.read(row, StockMovementPayload.class);
        if (m.itemCode() == null || !catalog.itemExists(h, m.itemCode())) {
            throw new Rejection("unknown_item", "Stock movement for item '" + m.itemCode() + "', which does not exist on the server.");
        }
        if (m.qtyChange() == 0) {
            throw new Rejection("invalid_payload", "Stock movement for " + m.itemCode() + " changes nothing (quantity 0).");
        }
        feed.lock(h);
        long level = StockPosting.post(h, catalog, device, m.itemCode(), m.qtyChange(), "Stock Movement",
                m.reason(), row.uuid(), m.at());
        List<String> review = new ArrayList<>();
        if (level < 0) review.add("stock of " + m.itemCode() + " in " + device.warehouse() + " is now " + level);
        return new Applied(null, review);
    }
}
