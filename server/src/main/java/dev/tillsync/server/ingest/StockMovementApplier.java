package dev.tillsync.server.ingest;

import dev.tillsync.core.master.Unit;
import dev.tillsync.core.payload.StockMovementPayload;
import dev.tillsync.core.sync.SyncRow;
import dev.tillsync.server.device.DeviceRecord;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Applies a local stock adjustment (count, damage, receipt) to the profile's warehouse. */
public final class StockMovementApplier implements RowApplier {
    @Override
    public String numberOf(SyncRow row) {
        return null;
    }

    @Override
    public AppliedRow apply(Handle h, IngestContext ctx, SyncRow row, RowEffects effects) throws Rejection {
        DeviceRecord device = ctx.device();
        StockMovementPayload m = Payloads.read(row, StockMovementPayload.class);
        if (m.itemCode() == null || !ctx.items(h, List.of(m.itemCode())).containsKey(m.itemCode())) {
            throw new Rejection("unknown_item", "Stock movement for item '" + m.itemCode() + "', which does not exist on the server.");
        }
        if (m.qtyChange() == 0) {
            throw new Rejection("invalid_payload", "Stock movement for " + m.itemCode() + " changes nothing (quantity 0).");
        }
        // The stock level moves at the end of the batch; a level below zero is flagged there.
        effects.post(device.warehouse(), m.itemCode(), m.qtyChange() * Unit.MILLI, "Stock Movement", m.reason(), device.id(), row.uuid(), m.at());
        return new AppliedRow(null, List.of());
    }
}
