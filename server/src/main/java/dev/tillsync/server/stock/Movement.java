package dev.tillsync.server.stock;

import java.util.List;

/**
 * A stock movement as asked for (API body, console form). Quantities are text as a person writes them ("2",
 * "1.250"), read with ItemRules.quantity against each item's unit. {@code movementId} is the client's own name for
 * the request (optional, a UUID is best): a retry with the same id answers the first answer and applies nothing.
 * {@code supplier} and {@code reference} belong to a receipt; {@code toWarehouse} to a transfer; {@code allowNegative}
 * lets an adjustment or a transfer leave a level below zero (refused otherwise).
 */
public record Movement(String movementId, String warehouse, String toWarehouse, String reason, String supplier, String reference,
                       Boolean allowNegative, List<Line> lines) {
    public Movement {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** The same movement under another id (the Idempotency-Key header names it when the body does not). */
    public Movement withMovementId(String id) {
        return new Movement(id, warehouse, toWarehouse, reason, supplier, reference, allowNegative, lines);
    }

    /** One item of the movement: a receipt's, adjustment's or transfer's {@code qty}, or a stocktake's {@code counted} level. */
    public record Line(String item, String qty, String counted) {}
}
