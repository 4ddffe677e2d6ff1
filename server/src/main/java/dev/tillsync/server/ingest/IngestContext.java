package dev.tillsync.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tillsync.core.master.ItemData;
import dev.tillsync.core.sync.RowKind;
import dev.tillsync.core.sync.SyncRow;
import dev.tillsync.server.catalog.Catalog;
import dev.tillsync.server.device.DeviceRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * What every row of one batch shares: the device, the batch's profile key, the batch's items read once,
 * the invoice numbers its rows have taken so far, the customers known to exist (only positive answers
 * are kept: a customer row later in the batch may create one that was missing), and the posted times of its
 * invoices by sequence, so each invoice's time is compared with the device's previous invoice without a query
 * (one per batch, for the invoice before the batch).
 */
public final class IngestContext {
    private final Catalog catalog;
    private final DeviceRecord device;
    private final String batchProfileKey;
    private final Map<String, ItemData> items = new HashMap<>();
    private final Set<String> missing = new HashSet<>();
    private final Set<String> invoiceNumbers = new HashSet<>();
    private final Set<String> knownCustomers = new HashSet<>();
    private final PostedTimeCheck postedTimes;
    /** This batch's checked invoices by sequence: number and posted time. */
    private final TreeMap<Long, Map.Entry<String, Instant>> postedBySeq = new TreeMap<>();
    private ProfileMoneyRules moneyRules;
    private final ReturnedQuantities returned = new ReturnedQuantities();

    IngestContext(Catalog catalog, DeviceRecord device, String batchProfileKey, PostedTimeCheck postedTimes) {
        this.catalog = catalog;
        this.device = device;
        this.batchProfileKey = batchProfileKey;
        this.postedTimes = postedTimes;
    }

    public DeviceRecord device() {
        return device;
    }

    public String batchProfileKey() {
        return batchProfileKey;
    }

    /** Reads every item the batch's rows name with one query, so rows then find them without a round trip. */
    void prefetchItems(Handle h, List<SyncRow> rows) {
        Set<String> codes = new LinkedHashSet<>();
        for (SyncRow r : rows) {
            if (r == null || r.kind() == null || r.payload() == null) continue;
            JsonNode lines = r.payload().get("lines");
            if (r.kind() == RowKind.INVOICE && lines != null && lines.isArray()) {
                for (JsonNode l : lines) {
                    if (l.hasNonNull("itemCode") && l.get("itemCode").isTextual()) storable(codes, l.get("itemCode").asText());
                }
            } else if (r.kind() == RowKind.STOCK_MOVEMENT && r.payload().hasNonNull("itemCode") && r.payload().get("itemCode").isTextual()) {
                storable(codes, r.payload().get("itemCode").asText());
            }
        }
        items(h, new ArrayList<>(codes));
    }

    /**
     * A code with U+0000 is left out: PostgreSQL refuses it even as a query parameter, so it failed the whole batch
     * with a 500 on every resend (found by the reliability fuzzing) before its row could be refused on its own (BatchRun
     * refuses any row holding a NUL).
     */
    private static void storable(Set<String> codes, String code) {
        if (!Payloads.unstorable(code)) codes.add(code);
    }

    /** The items among {@code codes} that exist on the server; codes not read yet are read now. */
    Map<String, ItemData> items(Handle h, List<String> codes) {
        List<String> unknown = codes.stream().filter(c -> !items.containsKey(c) && !missing.contains(c)).distinct().toList();
        if (!unknown.isEmpty()) {
            items.putAll(catalog.items(h, device.priceList(), unknown));
            for (String c : unknown) if (!items.containsKey(c)) missing.add(c);
        }
        Map<String, ItemData> found = new HashMap<>();
        for (String c : codes) if (items.containsKey(c)) found.put(c, items.get(c));
        return found;
    }

    /** Takes {@code number} for a row of this batch; false when an earlier row of the batch already took it. */
    boolean claimInvoiceNumber(String number) {
        return invoiceNumbers.add(number);
    }

    /** True when an earlier row of this batch carried invoice {@code number} (inserted or about to be). */
    boolean invoiceSeen(String number) {
        return number != null && invoiceNumbers.contains(number);
    }

    /**
     * The review reasons for the posted time of invoice {@code number} at sequence {@code seq} (see
     * {@link PostedTimeCheck}); remembers it as the previous invoice of the rows after it.
     */
    List<String> postedTimeReasons(Handle h, long seq, String number, Instant posted) {
        Map.Entry<Long, Map.Entry<String, Instant>> inBatch = postedBySeq.lowerEntry(seq);
        Map.Entry<String, Instant> previous = inBatch != null ? inBatch.getValue() : previousStored(h, seq);
        postedBySeq.put(seq, Map.entry(number, posted));
        return postedTimes.reasons(number, posted, previous == null ? null : previous.getKey(), previous == null ? null : previous.getValue());
    }

    /** The device's stored invoice with the highest sequence below {@code seq}: number and posted time. */
    private Map.Entry<String, Instant> previousStored(Handle h, long seq) {
        return h.createQuery("""
                        select i.number, i.posted_at from pos_offline_sync_status s join sales_invoice i on i.sync_uuid = s.uuid
                        where s.device_id = :d and s.seq < :seq and s.kind = 'invoice' order by s.seq desc limit 1
                        """).bind("d", device.id()).bind("seq", seq)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getTimestamp(2).toInstant())).findOne().orElse(null);
    }

    boolean customerExists(Handle h, String number) {
        if (knownCustomers.contains(number)) return true;
        boolean exists = catalog.customerExists(h, number);
        if (exists) knownCustomers.add(number);
        return exists;
    }

    /** What the batch's returns take back of their sales (see {@link ReturnedQuantities}). */
    ReturnedQuantities returned() {
        return returned;
    }

    /** The device profile's money rules, read at the first priced invoice of the batch. */
    ProfileMoneyRules moneyRules(Handle h) {
        if (moneyRules == null) moneyRules = ProfileMoneyRules.read(h, device.id(), device.profileId());
        return moneyRules;
    }
}
