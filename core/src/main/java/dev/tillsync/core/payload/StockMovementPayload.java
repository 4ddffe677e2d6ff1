package dev.tillsync.core.payload;

import java.time.Instant;

/**
 * Outbox payload of kind {@code stock_movement}: a local adjustment not caused by a sale
 * (a count, damage, receipt of goods). Sales carry their own stock effect in the invoice.
 */
public record StockMovementPayload(String itemCode, long qtyChange, String reason, String user, Instant at) {}
