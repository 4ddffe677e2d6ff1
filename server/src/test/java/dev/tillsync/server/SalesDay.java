package dev.tillsync.server;

import dev.tillsync.core.invoice.InvoiceLine;
import dev.tillsync.core.invoice.InvoiceMath;
import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.payload.ShiftOpenPayload;
import dev.tillsync.core.sync.PushBatch;
import dev.tillsync.core.sync.RowKind;
import dev.tillsync.core.sync.SyncRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A known day of sales pushed by a linked till through the real API, for the sales and report tests. Two tax rates
 * (ITEM-0001 at 1.50 + 15%, a bread at 2.00 + 0%), two payment modes and a return:
 * <pre>
 * S1 amira: 2 × ITEM-0001 (300 + 45) + 3 × bread (600)  = 9.45, Card 4.00 (slip-1) + Cash 10.00, change 4.55
 * S2 ben:   1 × ITEM-0001 (150 + 22)                   = 1.72, Cash 1.72
 * R1 amira: return of S1: -1 × ITEM-0001, -1 × bread   = -3.72, Cash -3.72
 * S3 amira: 1 × bread                                   = 2.00, Card 2.00
 * </pre>
 * All four are in one shift of amira's (Morning), opened first.
 */
public final class SalesDay {
    public record Made(String posId, String bread, String s1, String s2, String r1, String s3, String shift) {}

    private SalesDay() {}

    /** Pushes the day with the four posted times given; answers the numbers made. */
    public static Made push(TillServer server, Instant s1At, Instant s2At, Instant r1At, Instant s3At) {
        Fixtures.Linked d = Fixtures.linkedDevice(server, 500);
        server.admin().addShiftUser(d.posId(), "amira@demo.shop", "Morning");
        String bread = bread(server);
        String shift = "shift-" + d.posId();
        String s1 = d.invoiceSeries() + "000001", s2 = d.invoiceSeries() + "000002", r1 = d.invoiceSeries() + "000003",
                s3 = d.invoiceSeries() + "000004";
        List<SyncRow> rows = new ArrayList<>();
        rows.add(Fixtures.row(1, RowKind.SHIFT_OPEN, new ShiftOpenPayload(shift, "amira@demo.shop", "Morning", 5_000, s1At.minusSeconds(600))));
        rows.add(invoice(2, d, s1, s1At, "amira@demo.shop", shift, null,
                List.of(pen(2), InvoiceLine.of(bread, "Sourdough Bread", 3, 200, 0)),
                List.of(new Payment("Card", 400, "slip-1"), new Payment("Cash", 1000, null)), 455));
        rows.add(invoice(3, d, s2, s2At, "ben@demo.shop", shift, null, List.of(pen(1)), List.of(new Payment("Cash", 172, null)), 0));
        rows.add(invoice(4, d, r1, r1At, "amira@demo.shop", shift, s1,
                List.of(pen(-1), InvoiceLine.of(bread, "Sourdough Bread", -1, 200, 0)), List.of(new Payment("Cash", -372, null)), 0));
        rows.add(invoice(5, d, s3, s3At, "amira@demo.shop", shift, null,
                List.of(InvoiceLine.of(bread, "Sourdough Bread", 1, 200, 0)), List.of(new Payment("Card", 200, null)), 0));
        Http.Response r = d.http().post("/sync/push", new PushBatch(d.posId(), d.profileKey(), rows));
        if (r.status() != 200 || r.raw().contains("rejected")) throw new AssertionError("push failed: " + r.raw());
        return new Made(d.posId(), bread, s1, s2, r1, s3, shift);
    }

    /** One more sale on its own (a cashier with a formula for a name, say), paid in cash exactly. */
    public static String pushOne(TillServer server, Instant at, String cashier) {
        Fixtures.Linked d = Fixtures.linkedDevice(server, 500);
        String n = d.invoiceSeries() + "000001";
        Http.Response r = d.http().post("/sync/push", new PushBatch(d.posId(), d.profileKey(),
                List.of(invoice(1, d, n, at, cashier, null, null, List.of(pen(1)), List.of(new Payment("Cash", 172, null)), 0))));
        if (r.status() != 200 || r.raw().contains("rejected")) throw new AssertionError("push failed: " + r.raw());
        return n;
    }

    private static InvoiceLine pen(long qty) {
        return InvoiceLine.of("ITEM-0001", "Ballpoint Pen Blue", qty, 150, 1500);
    }

    private static SyncRow invoice(long seq, Fixtures.Linked d, String number, Instant at, String cashier, String shift, String against,
                                   List<InvoiceLine> lines, List<Payment> pay, long change) {
        InvoicePayload p = new InvoicePayload(number, at, null, cashier, shift, false, against, d.profileKey(), lines, pay, change,
                InvoiceMath.netTotal(lines), InvoiceMath.taxTotal(lines), InvoiceMath.grandTotal(lines));
        List<String> problems = InvoiceMath.inconsistencies(p);
        if (!problems.isEmpty()) throw new AssertionError(number + ": " + problems);
        return Fixtures.row(seq, RowKind.INVOICE, p);
    }

    /** A zero-rated bread at 2.00 on the standard list, made through the API, with stock so selling it flags nothing. */
    private static synchronized String bread(TillServer server) {
        String code = "BREAD-01";
        if (server.services().jdbi().withHandle(h -> h.createQuery("select exists (select 1 from item where code = :c)").bind("c", code)
                .mapTo(Boolean.class).one())) return code;
        Http manager = new Http(server.baseUrl()).bearer(Fixtures.token(server, "manager@demo.shop", "manager-pass"));
        Http.Response tax = manager.post("/taxes", Map.of("name", "Zero rated food", "ratePercent", "0"));
        if (tax.status() != 201 && tax.status() != 409) throw new AssertionError("tax: " + tax.raw());
        Http.Response item = manager.post("/items", Map.of("code", code, "name", "Sourdough Bread", "unit", "unit", "taxCategory", "Zero rated food",
                "prices", List.of(Map.of("priceList", "Standard Selling", "price", "2.00"))));
        if (item.status() != 201) throw new AssertionError("item: " + item.raw());
        server.services().jdbi().useTransaction(h -> {
            String warehouse = h.createQuery("select warehouse from pos_profile where name = 'Main Store'").mapTo(String.class).one();
            server.services().catalog().setStockMilli(h, warehouse, code, 1_000_000);
        });
        return code;
    }
}
