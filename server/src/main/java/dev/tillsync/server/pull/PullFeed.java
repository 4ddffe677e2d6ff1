package dev.tillsync.server.pull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tillsync.core.json.Json;
import dev.tillsync.core.sync.Change;
import dev.tillsync.core.sync.PullPage;
import dev.tillsync.server.Limits;
import dev.tillsync.server.db.ChangeFeed;
import dev.tillsync.server.db.StockPublisher;
import dev.tillsync.server.returns.StoreInvoiceFeed;
import dev.tillsync.server.device.DeviceRecord;
import dev.tillsync.server.refusal.Refusal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Pages of master-data changes after an opaque cursor (invariant 5), filtered to what the device may see.
 *
 * <p>The cursor is base64url("v1:" + last change sequence + ":" + profile key). Change sequences are
 * committed in order (see ChangeFeed), so reading everything above the cursor never skips a change.
 * A cursor issued under another profile key restarts from a full snapshot, so a device moved to another
 * profile receives that profile's records and warehouse stock. Stock levels moved by pushes are published
 * by the pull itself ({@link StockPublisher}) before it reads.
 *
 * <p>A till that names the sale-v2 feature (with master-v2) also gets the items of every active price list (scope = the
 * list, so a customer's list can re-price the cart) and the recent sales of its store (entity store_invoice, scope = its
 * warehouse, posted within the server's store_invoice_days), its own included; the sales pushes marked since the last
 * such pull are published first ({@link StoreInvoiceFeed}), as stock levels are. Its cursor carries a "+sale-v2" mark after
 * the profile key, so a till that starts naming the feature gets one full snapshot with those records, and one that
 * stops gets one without them.
 */
public final class PullFeed {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PullFeed.class);

    private static final String VISIBLE = """
            seq > :after and (
                (entity in ('customer', 'shift_type') and scope = '')
             or (entity = 'item' and (scope = :priceList or (:sale2 and scope in (select name from price_list where active))))
             or (entity = 'category' and scope = '' and :v2)
             or (entity = 'stock' and scope = :warehouse)
             or (entity = 'store_invoice' and :sale2 and scope = :warehouse and posted_at >= :since)
             or (entity in ('device_user', 'shift_user', 'device') and scope = :pos)
             or (entity = 'profile' and scope = :profile))
            and (:after > 0 or not deleted)
            """;

    private final Jdbi jdbi;
    private final StockPublisher stock;
    private final ChangeFeed feed;
    private final StoreInvoiceFeed storeInvoices = new StoreInvoiceFeed();
    private final ObjectMapper json = Json.mapper();

    public PullFeed(Jdbi jdbi, StockPublisher stock, ChangeFeed feed) {
        this.jdbi = jdbi;
        this.stock = stock;
        this.feed = feed;
    }

    /** A page for a till of the current release (it sends the master-v2 feature). */
    public PullPage page(DeviceRecord device, String cursor, Integer limit) {
        return page(device, cursor, limit, true);
    }

    /**
     * A page after {@code cursor}. {@code v2}: the till named the master-v2 feature; without it every record is cut to
     * the previous release's fields ({@link LegacyShapes}), which is all such a till parses.
     */
    public PullPage page(DeviceRecord device, String cursor, Integer limit, boolean v2) {
        return page(device, cursor, limit, v2, false);
    }

    /** As above; {@code saleV2}: the till also named the sale-v2 feature (taken only with master-v2). */
    public PullPage page(DeviceRecord device, String cursor, Integer limit, boolean v2, boolean saleV2) {
        boolean sale2 = v2 && saleV2;
        String cursorKey = device.profilePlk() + (sale2 ? "+sale-v2" : "");
        int n = limit == null ? Limits.ROWS_PER_REQUEST_DEFAULT : limit;
        if (n < Limits.ROWS_PER_REQUEST_MIN || n > Limits.ROWS_PER_REQUEST_MAX) {
            throw Refusal.invalid("invalid_limit", "limit must be between " + Limits.ROWS_PER_REQUEST_MIN + " and "
                    + Limits.ROWS_PER_REQUEST_MAX + ".");
        }
        long after = decode(cursor, cursorKey);
        // Committed before the page is read, so the page carries every level moved before this pull asked.
        stock.publish(device.warehouse());
        if (sale2) storeInvoices.publish(jdbi, feed, device.warehouse());
        record Row(long seq, String entity, String key, boolean deleted, String data) {}
        return jdbi.inTransaction(h -> {
            long from = after;
            if (from > 0 && cursorUndone(h, from)) {
                log.warn("device {} pulled with a cursor at change {}, which a restore of the database from a backup undid: sending it"
                        + " a full snapshot", device.posId(), from);
                from = 0;
            }
            long afterSeq = from;
            java.sql.Timestamp since = java.sql.Timestamp.from(java.time.Instant.now().minus(
                    java.time.Duration.ofDays(dev.tillsync.server.master.ShopSettings.readStoreInvoiceDays(h))));
            List<Row> rows = h.createQuery("select seq, entity, key, deleted, data from change_state where " + VISIBLE + " order by seq limit :n")
                    .bind("after", afterSeq).bind("warehouse", device.warehouse()).bind("pos", device.posId())
                    .bind("profile", device.profileName()).bind("priceList", device.priceList()).bind("v2", v2).bind("n", n)
                    .bind("sale2", sale2).bind("since", since)
                    .map((rs, c) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5)))
                    .list();
            long last = rows.isEmpty() ? afterSeq : rows.get(rows.size() - 1).seq();
            long remaining = h.createQuery("select count(*) from change_state where " + VISIBLE)
                    .bind("after", last).bind("warehouse", device.warehouse()).bind("pos", device.posId())
                    .bind("profile", device.profileName()).bind("priceList", device.priceList()).bind("v2", v2)
                    .bind("sale2", sale2).bind("since", since).mapTo(Long.class).one();
            List<Change> changes = rows.stream().map(r -> {
                JsonNode data = parse(r.data());
                return new Change(r.entity(), r.key(), r.deleted(), v2 || data == null ? data : LegacyShapes.cut(r.entity(), data));
            }).toList();
            return new PullPage(encode(last, cursorKey), remaining > 0, remaining, changes);
        });
    }

    /**
     * True when a till at {@code cursor} has seen changes the database no longer holds: the cursor lies past the feed's
     * head, or inside a window a restore undid ({@link dev.tillsync.server.db.DatabaseBackup#RESTORED_FEED}). One
     * round trip: the sequence's position and one setting.
     */
    private static boolean cursorUndone(org.jdbi.v3.core.Handle h, long cursor) {
        record Head(long head, String windows) {}
        Head state = h.createQuery("select (select case when is_called then last_value else 0 end from change_seq),"
                        + " (select value from server_setting where key = :k)")
                .bind("k", dev.tillsync.server.db.DatabaseBackup.RESTORED_FEED)
                .map((rs, c) -> new Head(rs.getLong(1), rs.getString(2))).one();
        if (cursor > state.head()) return true;
        if (state.windows() == null) return false;
        for (String w : state.windows().split(",")) {
            String[] p = w.split(":");
            if (p.length == 2 && cursor > Long.parseLong(p[0].trim()) && cursor <= Long.parseLong(p[1].trim())) return true;
        }
        return false;
    }

    static String encode(long seq, String profileKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("v1:" + seq + ":" + profileKey).getBytes(StandardCharsets.UTF_8));
    }

    static long decode(String cursor, String profileKey) {
        if (cursor == null || cursor.isBlank()) return 0;
        try {
            String[] p = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8).split(":", 3);
            if (p.length != 3 || !p[0].equals("v1")) throw new IllegalArgumentException();
            long seq = Long.parseLong(p[1]);
            if (seq < 0) throw new IllegalArgumentException();
            return p[2].equals(profileKey) ? seq : 0;
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("invalid_cursor", "The pull cursor is not one this server issued; pull again without a cursor for a full snapshot.");
        }
    }

    private JsonNode parse(String data) {
        if (data == null) return null;
        try {
            return json.readTree(data);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable change data", e);
        }
    }
}
