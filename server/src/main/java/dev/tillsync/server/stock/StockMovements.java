package dev.tillsync.server.stock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tillsync.core.json.Json;
import dev.tillsync.core.master.StockLevel;
import dev.tillsync.core.master.Unit;
import dev.tillsync.core.sync.Entities;
import dev.tillsync.server.db.ChangeFeed;
import dev.tillsync.server.master.AuditLog;
import dev.tillsync.server.master.ItemRules;
import dev.tillsync.server.refusal.Refusal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The one way the back office changes stock levels: receipts, adjustments, stocktakes and transfers.
 *
 * <p>Invariant: a movement is one transaction that writes its ledger rows (who, when, why, one voucher number), moves
 * each level it touches, publishes the new levels to the pull feed and writes its audit entry, or writes nothing.
 * Lock order as every other writer of stock (db/StockPublisher, ingest/BatchWrites): the change-feed lock first, then
 * the stock rows in (warehouse, item) order, so a movement, a push and a publication cannot deadlock. A request named
 * with an id is applied at most once: its id is claimed in the same transaction, and a retry reads the first answer.
 *
 * <p>Levels below zero: tills sell below zero offline (invariant 6), so a level may already be negative; a manager's
 * adjustment or transfer that would take a level below zero is refused unless it says {@code allowNegative}, because
 * such a movement is more often a typo (50 for 5) than a real shortage.
 */
public final class StockMovements {
    public static final int MAX_LINES = 1000;
    private static final int TEXT_MAX = 500;

    private final Jdbi jdbi;
    private final ChangeFeed feed;
    private final AuditLog audit;
    private final ObjectMapper json = Json.mapper();

    public StockMovements(Jdbi jdbi, ChangeFeed feed, AuditLog audit) {
        this.jdbi = jdbi;
        this.feed = feed;
        this.audit = audit;
    }

    /** Applies the movement as {@code actor}; a retry with the same movement id answers the first result (replayed). */
    public MovementResult apply(MovementType type, Movement m, String actor) {
        String id = movementId(m.movementId());
        return jdbi.inTransaction(h -> {
            if (id != null) {
                Optional<MovementResult> earlier = claim(h, id, type, m, actor);
                if (earlier.isPresent()) return earlier.get();
            }
            MovementResult r = run(h, type, m, actor, id, false);
            audit.record(h, actor, "stock_movement", r.voucherNo(), type.code(), null, r);
            if (id != null) {
                h.createUpdate("update stock_movement_request set voucher_no = :v, answer = :a where id = :id")
                        .bind("v", r.voucherNo()).bind("a", text(r)).bind("id", id).execute();
            }
            return r;
        });
    }

    /** What the movement would do (expected levels, variances), checked like {@link #apply}; writes nothing. */
    public MovementResult preview(MovementType type, Movement m, String actor) {
        String id = movementId(m.movementId());
        return jdbi.inTransaction(h -> run(h, type, m, actor, id, true));
    }

    private record Posting(String warehouse, Item item, long qtyMilli, Long countedMilli) {}

    private record Item(String code, String name, Unit unit) {}

    private MovementResult run(Handle h, MovementType type, Movement m, String actor, String id, boolean preview) {
        String warehouse = warehouse(h, m.warehouse(), type == MovementType.TRANSFER ? "the warehouse to transfer from" : "the warehouse");
        String to = null;
        if (type == MovementType.TRANSFER) {
            to = warehouse(h, m.toWarehouse(), "the warehouse to transfer to (toWarehouse)");
            if (to.equals(warehouse)) {
                throw Refusal.unprocessable("same_warehouse", "A transfer goes from one warehouse to another; both are " + warehouse + ". Pick another warehouse to transfer to.");
            }
        } else if (m.toWarehouse() != null && !m.toWarehouse().isBlank()) {
            throw Refusal.unprocessable("invalid_to_warehouse", "Only a transfer names a toWarehouse; " + type.withArticle() + " changes one warehouse.");
        }
        String reason = optional(m.reason(), "reason");
        if (type == MovementType.ADJUSTMENT && reason == null) {
            throw Refusal.unprocessable("missing_reason", "An adjustment needs a reason (damaged, stolen, found, expired...) so the ledger says why the stock changed.");
        }
        String supplier = optional(m.supplier(), "supplier");
        String reference = optional(m.reference(), "reference");
        if (type != MovementType.RECEIPT && (supplier != null || reference != null)) {
            throw Refusal.unprocessable("invalid_supplier", "Only a receipt names a supplier and its reference; leave them out of " + type.withArticle() + ".");
        }
        boolean allowNegative = Boolean.TRUE.equals(m.allowNegative());
        if (m.lines().isEmpty()) throw Refusal.unprocessable("missing_lines", "The " + type.code() + " has no lines; name at least one item and its quantity.");
        if (m.lines().size() > MAX_LINES) throw Refusal.unprocessable("too_many_lines", "A movement has at most " + MAX_LINES + " lines (this one " + m.lines().size() + "); split it.");

        List<Posting> postings = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < m.lines().size(); i++) {
            Movement.Line l = m.lines().get(i);
            int n = i + 1;
            if (l == null) throw Refusal.unprocessable("invalid_line", "Line " + n + " is empty.");
            Item item = item(h, l.item(), n);
            if (!seen.add(item.code())) {
                throw Refusal.unprocessable("duplicate_line", "Item " + item.code() + " is on more than one line; give it one line with the total.");
            }
            String text = type == MovementType.STOCKTAKE ? (l.counted() != null ? l.counted() : l.qty()) : l.qty();
            if (type == MovementType.STOCKTAKE && l.counted() != null && l.qty() != null) {
                throw Refusal.unprocessable("invalid_line", "Line " + n + " (" + item.code() + "): a stocktake line gives the level counted ('counted'), not a quantity to add.");
            }
            long q = quantity(text, item, n, type);
            switch (type) {
                case RECEIPT -> postings.add(new Posting(warehouse, item, q, null));
                case TRANSFER -> {
                    postings.add(new Posting(warehouse, item, -q, null));
                    postings.add(new Posting(to, item, q, null));
                }
                case ADJUSTMENT -> postings.add(new Posting(warehouse, item, q, null));
                case STOCKTAKE -> postings.add(new Posting(warehouse, item, 0, q));
            }
        }

        if (!preview) feed.lock(h);
        Map<String, Long> levels = lockLevels(h, postings, preview);
        String voucher = preview ? null : type.voucherNo(h.createQuery("select nextval('stock_voucher_seq')").mapTo(Long.class).one());
        Instant now = h.createQuery("select now()").mapTo(Instant.class).one();
        List<MovementResult.Posting> out = new ArrayList<>();
        List<ChangeFeed.Put> puts = new ArrayList<>();
        for (Posting p : postings) {
            String key = p.warehouse() + "\u0000" + p.item().code();
            long before = levels.getOrDefault(key, 0L);
            long delta = p.countedMilli() != null ? p.countedMilli() - before : p.qtyMilli();
            long after = before + delta;
            levels.put(key, after);
            if (delta < 0 && after < 0 && !allowNegative && type != MovementType.STOCKTAKE) {
                Unit u = p.item().unit();
                throw Refusal.conflict("negative_stock", "Warehouse " + p.warehouse() + " has " + amount(before, u) + " of " + p.item().code()
                        + " (" + p.item().name() + "); taking " + amount(-delta, u) + " would leave " + amount(after, u)
                        + ". Check the quantity, count the item first (stocktake), or allow the level below zero (allowNegative) if the shelf really is short.");
            }
            Long expected = p.countedMilli() != null ? before : null;
            boolean counted = p.countedMilli() != null;
            out.add(new MovementResult.Posting(p.warehouse(), p.item().code(), p.item().name(), p.item().unit().code(),
                    Unit.format(delta), delta, Unit.format(after), after, counted ? Unit.format(expected) : null, expected,
                    counted ? Unit.format(p.countedMilli()) : null, p.countedMilli(), counted ? Unit.format(delta) : null, counted ? delta : null));
            if (preview) continue;
            h.createUpdate("update stock set qty_milli = :q, unpublished = false where warehouse = :w and item_code = :i")
                    .bind("q", after).bind("w", p.warehouse()).bind("i", p.item().code()).execute();
            h.createUpdate("""
                    insert into stock_ledger (warehouse, item_code, qty_milli, voucher_type, voucher_no, posted_at, reason, created_by,
                                              expected_milli, counted_milli, supplier, reference)
                    values (:w, :i, :q, :t, :v, :at, :reason, :by, :expected, :counted, :supplier, :reference)
                    """).bind("w", p.warehouse()).bind("i", p.item().code()).bind("q", delta).bind("t", type.voucherType())
                    .bind("v", voucher).bind("at", now).bind("reason", reason).bind("by", actor).bind("expected", expected)
                    .bind("counted", p.countedMilli()).bind("supplier", supplier).bind("reference", reference).execute();
        }
        if (!preview) {
            // One pull record per level touched (a transfer touches two), with the level the movement left.
            Map<String, ChangeFeed.Put> latest = new LinkedHashMap<>();
            for (MovementResult.Posting p : out) {
                latest.put(p.warehouse() + "\u0000" + p.item(), new ChangeFeed.Put(Entities.STOCK, p.warehouse(), p.item(),
                        StockLevel.ofMilli(p.item(), p.warehouse(), p.levelMilli())));
            }
            puts.addAll(latest.values());
            feed.putAllLocked(h, puts);
        }
        return new MovementResult(id, type.code(), voucher, preview, false, actor, now, warehouse, to, reason, supplier, reference, List.copyOf(out));
    }

    /** A quantity for a message: "3" of a unit item, "1.25 kg" of a measured one. */
    static String amount(long milli, Unit unit) {
        return Unit.format(milli) + (unit.measured() ? " " + unit.code() : "");
    }

    /** The line's quantity in thousandths under the item's unit rules; a refusal names the line and the item (422). */
    private static long quantity(String text, Item item, int line, MovementType type) {
        String what = type == MovementType.STOCKTAKE ? "counted level" : "quantity";
        if (text == null || text.isBlank()) {
            throw Refusal.unprocessable("invalid_quantity", "Line " + line + " (" + item.code() + "): the " + what + " is empty.");
        }
        long q;
        try {
            q = ItemRules.quantity(text, item.unit(), item.code(), type == MovementType.ADJUSTMENT);
        } catch (Refusal e) {
            throw Refusal.unprocessable(e.code(), "Line " + line + " (" + item.code() + "): " + e.getMessage());
        }
        if (type == MovementType.STOCKTAKE) return q;
        if (q == 0) {
            throw Refusal.unprocessable("zero_quantity", "Line " + line + " (" + item.code() + "): " + type.withArticle() + " of 0 changes nothing; give the quantity"
                    + (type == MovementType.ADJUSTMENT ? " to add (5) or take away (-5)." : "."));
        }
        if (q < 0 && type != MovementType.ADJUSTMENT) {
            throw Refusal.unprocessable("invalid_quantity", "Line " + line + " (" + item.code() + "): " + type.withArticle() + " moves a quantity above zero, not " + text.trim() + ".");
        }
        return q;
    }

    /** Makes sure each touched level has a row and locks them all in (warehouse, item) order; returns the current levels. */
    private Map<String, Long> lockLevels(Handle h, List<Posting> postings, boolean preview) {
        List<Posting> sorted = postings.stream()
                .sorted(Comparator.comparing(Posting::warehouse).thenComparing(p -> p.item().code())).toList();
        if (!preview) {
            var insert = h.prepareBatch("insert into stock (warehouse, item_code, qty_milli) values (:w, :i, 0) on conflict do nothing");
            for (Posting p : sorted) insert.bind("w", p.warehouse()).bind("i", p.item().code()).add();
            insert.execute();
        }
        Set<String> warehouses = new HashSet<>();
        Set<String> codes = new HashSet<>();
        for (Posting p : postings) {
            warehouses.add(p.warehouse());
            codes.add(p.item().code());
        }
        Map<String, Long> levels = new HashMap<>();
        h.createQuery("select warehouse, item_code, qty_milli from stock where warehouse = any(:w) and item_code = any(:i) order by warehouse, item_code"
                        + (preview ? "" : " for update"))
                .bindArray("w", String.class, List.copyOf(warehouses)).bindArray("i", String.class, List.copyOf(codes))
                .map((rs, ctx) -> Map.entry(rs.getString("warehouse") + "\u0000" + rs.getString("item_code"), rs.getLong("qty_milli")))
                .forEach(e -> levels.put(e.getKey(), e.getValue()));
        return levels;
    }

    private static String warehouse(Handle h, String name, String what) {
        String n = name == null ? "" : name.trim();
        if (n.isEmpty()) throw Refusal.unprocessable("missing_warehouse", "Name " + what + ".");
        Optional<Boolean> active = h.createQuery("select active from warehouse where name = :n").bind("n", n).mapTo(Boolean.class).findOne();
        if (active.isEmpty()) throw Refusal.unprocessable("unknown_warehouse", "Warehouse '" + n + "' does not exist; pick one of the shop's warehouses.");
        if (!active.get()) throw Refusal.unprocessable("inactive_warehouse", "Warehouse '" + n + "' is disabled; enable it first or pick another.");
        return n;
    }

    private static Item item(Handle h, String code, int line) {
        String c = code == null ? "" : code.trim();
        if (c.isEmpty()) throw Refusal.unprocessable("missing_item", "Line " + line + " names no item code.");
        return h.createQuery("select code, name, unit from item where code = :c").bind("c", c)
                .map((rs, ctx) -> new Item(rs.getString("code"), rs.getString("name"), Unit.parse(rs.getString("unit")).orElse(Unit.UNIT)))
                .findOne()
                .orElseThrow(() -> Refusal.unprocessable("unknown_item", "Line " + line + ": item '" + c + "' does not exist; check the code."));
    }

    private static String optional(String v, String what) {
        if (v == null || v.isBlank()) return null;
        String t = v.strip();
        if (t.length() > TEXT_MAX) throw Refusal.unprocessable("invalid_" + what, "The " + what + " has " + t.length() + " characters; at most " + TEXT_MAX + ".");
        if (t.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) throw Refusal.unprocessable("invalid_" + what, "The " + what + " has a control character (a tab or line break); write it on one line.");
        return t;
    }

    /** The client's movement id, null when none; letters, digits and . _ : - only (a UUID fits). */
    public static String movementId(String id) {
        if (id == null || id.isBlank()) return null;
        String t = id.trim();
        if (t.length() > 100 || !t.matches("[A-Za-z0-9._:-]+")) {
            throw Refusal.invalid("invalid_movement_id", "The movement id (Idempotency-Key) may have only letters, digits and . _ : - (at most 100); a UUID is a good id.");
        }
        return t;
    }

    /** Claims the id for this request, or returns the answer of the request that claimed it first. */
    private Optional<MovementResult> claim(Handle h, String id, MovementType type, Movement m, String actor) {
        String hash = hash(type, m);
        // A second request with this id waits here on the unique key until the first commits (then reads its answer)
        // or rolls back (then claims the id itself).
        int claimed = h.createUpdate("insert into stock_movement_request (id, request_hash, created_by) values (:id, :h, :by) on conflict (id) do nothing")
                .bind("id", id).bind("h", hash).bind("by", actor).execute();
        if (claimed == 1) return Optional.empty();
        record Earlier(String requestHash, String answer) {}
        Earlier e = h.createQuery("select request_hash, answer from stock_movement_request where id = :id").bind("id", id)
                .map((rs, ctx) -> new Earlier(rs.getString(1), rs.getString(2))).one();
        if (!e.requestHash().equals(hash)) {
            throw Refusal.conflict("movement_id_reused", "Movement id " + id + " was already used for a different movement; use a new id for a new movement.");
        }
        try {
            return Optional.of(json.readValue(e.answer(), MovementResult.class).asReplay());
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored answer of movement " + id + " is unreadable", ex);
        }
    }

    private String hash(MovementType type, Movement m) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((type.code() + "\n" + text(m.withMovementId(null))).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String text(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
