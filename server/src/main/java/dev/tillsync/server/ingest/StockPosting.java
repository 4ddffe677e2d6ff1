package dev.tillsync.server.ingest;

import dev.tillsync.server.catalog.Catalog;
import dev.tillsync.server.device.DeviceRecord;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/** A stock ledger entry and the matching change of the stock level, always written together. */
final class StockPosting {
    private StockPosting() {}

    static long post(Handle h, Catalog catalog, DeviceRecord device, String itemCode, long qtyChange, String voucherType,
                     String voucherNo, String uuid, Instant at) {
        h.createUpdate("""
                insert into stock_ledger (warehouse, item_code, qty_change, voucher_type, voucher_no, device_id, sync_uuid, posted_at)
                values (:w, :i, :q, :vt, :vn, :d, :u, :at)
                """)
                .bind("w", device.warehouse()).bind("i", itemCode).bind("q", qtyChange).bind("vt", voucherType)
                .bind("vn", voucherNo).bind("d", device.id()).bind("u", uuid).bind("at", InvoiceApplier.orNow(at)).execute();
        return catalog.adjustStock(h, device.warehouse(), itemCode, qtyChange);
    }
}
