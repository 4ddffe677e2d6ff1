package dev.tillsync.server.stock;

import java.time.Instant;
import java.util.List;

/**
 * What a movement did: its voucher number (null for a preview), who and when, and per ledger row the quantity
 * posted and the level it left. A stocktake row also carries the expected and counted levels and the variance
 * (counted − expected, the quantity posted); a transfer has two rows per item. {@code replayed}: this is the stored
 * answer of an earlier request with the same movement id, and nothing was written this time.
 */
public record MovementResult(String movementId, String type, String voucherNo, boolean preview, boolean replayed, String createdBy,
                             Instant createdAt, String warehouse, String toWarehouse, String reason, String supplier, String reference,
                             List<Posting> postings) {

    MovementResult asReplay() {
        return new MovementResult(movementId, type, voucherNo, preview, true, createdBy, createdAt, warehouse, toWarehouse, reason,
                supplier, reference, postings);
    }

    /** One ledger row's effect. Quantities as text in the item's unit (Unit.format) beside their thousandths. */
    public record Posting(String warehouse, String item, String itemName, String unit, String qty, long qtyMilli,
                          String level, long levelMilli, String expected, Long expectedMilli, String counted, Long countedMilli,
                          String variance, Long varianceMilli) {}
}
