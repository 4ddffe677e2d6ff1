package dev.tillsync.server.console;

import dev.tillsync.server.stock.MovementResult;
import java.util.List;

/**
 * The stocktake page: enter the counted level of several items of one warehouse ({@code rows}), then a confirm step
 * ({@code preview} not null) that shows expected, counted and the variance of each line before anything is posted.
 * {@code movementId} is fixed from the preview to the post, so posting twice posts once.
 */
record StocktakeModel(Frame frame, String error, List<String> warehouses, String warehouse, String q, String reason, List<Row> rows,
                      MovementResult preview, String movementId, boolean canWrite) {

    /** A line of the entry form: a known level ({@code name} set, code fixed) or a blank line to type a code into. */
    record Row(String item, String name, String unit, String expected, String counted) {
        boolean blank() {
            return name == null;
        }
    }

    /** A variance with its sign, as a manager reads it: +3, -1.25, 0. */
    static String signed(MovementResult.Posting p) {
        long v = p.varianceMilli() == null ? 0 : p.varianceMilli();
        return (v > 0 ? "+" : "") + p.variance();
    }

    static String varianceClass(MovementResult.Posting p) {
        long v = p.varianceMilli() == null ? 0 : p.varianceMilli();
        return v < 0 ? "num bad-text" : "num";
    }

    long shortLines() {
        return preview == null ? 0 : preview.postings().stream().filter(p -> p.varianceMilli() != null && p.varianceMilli() < 0).count();
    }

    long overLines() {
        return preview == null ? 0 : preview.postings().stream().filter(p -> p.varianceMilli() != null && p.varianceMilli() > 0).count();
    }
}
