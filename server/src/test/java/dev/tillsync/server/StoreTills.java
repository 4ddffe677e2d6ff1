package dev.tillsync.server;

import dev.tillsync.core.invoice.InvoiceHeader;
import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.invoice.PricedInvoice;
import dev.tillsync.core.master.ItemData;
import dev.tillsync.core.master.PaymentModeData;
import dev.tillsync.core.pricing.CartLine;
import dev.tillsync.core.pricing.Discount;
import dev.tillsync.core.pricing.PricedSale;
import dev.tillsync.core.pricing.SaleMath;
import dev.tillsync.core.returns.ReturnPricing;
import dev.tillsync.core.returns.ReturnableLine;
import dev.tillsync.core.sync.LinkRequest;
import dev.tillsync.core.sync.LinkResponse;
import dev.tillsync.core.sync.PushBatch;
import dev.tillsync.core.sync.PushResult;
import dev.tillsync.core.sync.RowKind;
import dev.tillsync.core.sync.RowResult;
import dev.tillsync.core.sync.SyncHeaders;
import dev.tillsync.core.sync.SyncRow;
import dev.tillsync.server.catalog.Catalog;
import dev.tillsync.server.ingest.ReviewReasons;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two stores for the store-wide return tests: store A (two tills may be linked to it) and store B, each a profile with
 * its own warehouse over one price list, tills linked through the real API, and sales and returns priced by SaleMath.
 */
final class StoreTills {
    static final String LIST = "T17R List", STORE_A = "T17R Store A", STORE_B = "T17R Store B";
    static final String PEN = "T17R-PEN", RICE = "T17R-RICE";
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static volatile boolean ready;

    record Till(String posId, String series, String profileKey, Http http, AtomicInteger counter, AtomicInteger seq) {
        String nextNumber() {
            return series + String.format("%06d", counter.incrementAndGet());
        }

        Http v2() {
            return http.with(SyncHeaders.FEATURES, SyncHeaders.HIGH_WATER + "," + SyncHeaders.MASTER_V2 + "," + SyncHeaders.SALE_V2);
        }
    }

    private StoreTills() {}

    static synchronized void shops(TillServer server) {
        if (ready) return;
        Services s = server.services();
        s.jdbi().useTransaction(h -> {
            for (String[] p : new String[][] {{STORE_A, "T17R Warehouse A"}, {STORE_B, "T17R Warehouse B"}}) {
                s.catalog().ensureProfile(h, new Catalog.ProfileSpec(p[0], p[1], LIST,
                        List.of(new PaymentModeData("Cash", PaymentModeData.CASH, true, false),
                                new PaymentModeData("Card", PaymentModeData.CARD, false, false)),
                        "VAT 15%", "T17R", "thanks", "T17R shop", "300000000000003", 0, 1000, 60, null));
            }
            s.catalog().upsertItem(h, new ItemData(PEN, "Pen", List.of(), 399, 1500, true, "unit", null, null, LIST, false));
            s.catalog().upsertItem(h, new ItemData(RICE, "Rice", List.of(), 250, 0, true, "kg", null, null, LIST, false));
            for (String w : List.of("T17R Warehouse A", "T17R Warehouse B")) {
                s.catalog().setStockMilli(h, w, PEN, 1_000_000_000L);
                s.catalog().setStockMilli(h, w, RICE, 1_000_000_000L);
            }
        });
        ready = true;
    }

    static Till till(TillServer server, String profile) {
        shops(server);
        String posId = "POS-R17-" + NEXT.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 4);
        server.admin().createDevice(posId, profile, 100, posId + "-", "C" + posId + "-", "store till");
        server.admin().addDeviceUser(posId, "amira@demo.shop", true, false, false);
        Http http = new Http(server.baseUrl());
        LinkResponse lr = http.post("/terminal/link", new LinkRequest(server.admin().issueLinkCode(posId), "test")).as(LinkResponse.class);
        return new Till(posId, lr.config().invoiceSeries(), lr.config().profileKey(), http.device(posId, lr.deviceSecret()),
                new AtomicInteger(), new AtomicInteger());
    }

    /** Three pens at 3.99 with 10% off and 1.500 kg of rice at 2.50, 1.00 off the sale, paid by card, {@code daysAgo} ago. */
    static InvoicePayload sale(Till t, long daysAgo) {
        PricedSale priced = SaleMath.price(List.of(
                new CartLine(PEN, "Pen", 3000, false, 399, 1500, Discount.percent(1000, "damaged box")),
                new CartLine(RICE, "Rice", 1500, true, 250, 0, null)), Discount.amount(100, "regular"), false);
        return PricedInvoice.of(header(t, null, daysAgo), priced, List.of("unit", "kg"),
                List.of(new Payment("Card", priced.totalMinor(), "slip-1")), 0);
    }

    /** A return of {@code qtyMilli} of {@code line} (priced by ReturnPricing given what came back before), refunded by card. */
    static InvoicePayload returnOf(Till t, String against, ReturnableLine line, long alreadyMilli, long qtyMilli) {
        long off = ReturnPricing.discountFor(line, alreadyMilli, qtyMilli);
        PricedSale back = SaleMath.price(List.of(new CartLine(line.itemCode(), line.itemName(), -qtyMilli, !"unit".equals(line.unit()),
                line.rateMinor(), line.taxRateBp(), off == 0 ? null : Discount.amount(off, "as sold"))), null, false);
        return PricedInvoice.of(header(t, against, 0), back, List.of(line.unit()), List.of(new Payment("Card", back.totalMinor(), "slip-1")), 0);
    }

    private static InvoiceHeader header(Till t, String against, long daysAgo) {
        return new InvoiceHeader(t.nextNumber(), Instant.now().minus(daysAgo, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS), null,
                "amira@demo.shop", null, true, against, t.profileKey());
    }

    static List<RowResult> push(Till t, InvoicePayload... invoices) {
        List<SyncRow> rows = new ArrayList<>();
        for (InvoicePayload inv : invoices) {
            rows.add(new SyncRow(UUID.randomUUID().toString(), t.seq().incrementAndGet(), RowKind.INVOICE, Instant.now(),
                    Http.JSON.valueToTree(inv)));
        }
        Http.Response r = t.http().post("/sync/push", new PushBatch(t.posId(), t.profileKey(), rows));
        if (r.status() != 200) throw new AssertionError("push failed: " + r.raw());
        return r.as(PushResult.class).results();
    }

    static List<String> reasons(TillServer server, String uuid) {
        return server.services().jdbi().withHandle(h -> new ReviewReasons().parse(
                h.createQuery("select review_reasons from pos_offline_sync_status where uuid = :u").bind("u", uuid).mapTo(String.class).one()));
    }
}
