package dev.tillsync.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tillsync.core.invoice.InvoiceLine;
import dev.tillsync.core.invoice.InvoiceMath;
import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.payload.CustomerPayload;
import dev.tillsync.core.sync.LinkRequest;
import dev.tillsync.core.sync.LinkResponse;
import dev.tillsync.core.sync.RowKind;
import dev.tillsync.core.sync.SyncRow;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Devices linked through the real API, and rows built with core InvoiceMath as a terminal would. */
final class Fixtures {
    private static final AtomicInteger NEXT = new AtomicInteger(100);

    record Linked(String posId, String secret, String profileKey, String invoiceSeries, String customerSeries, Http http) {}

    private Fixtures() {}

    /** A fresh device on profile Main Store with amira as user, linked over HTTP. */
    static Linked linkedDevice(TillServer server, int rowsPerRequest) {
        int n = NEXT.incrementAndGet();
        String posId = "POS-T" + n + "-" + UUID.randomUUID().toString().substring(0, 4);
        server.admin().createDevice(posId, "Main Store", rowsPerRequest, posId + "-", "C" + posId + "-", "test till");
        server.admin().addDeviceUser(posId, "amira@demo.shop", true, true, true);
        String code = server.admin().issueLinkCode(posId);
        Http http = new Http(server.baseUrl());
        Http.Response r = http.post("/terminal/link", new LinkRequest(code, "test"));
        if (r.status() != 200) throw new AssertionError("link failed: " + r.raw());
        LinkResponse lr = r.as(LinkResponse.class);
        return new Linked(posId, lr.deviceSecret(), lr.config().profileKey(), lr.config().invoiceSeries(),
                lr.config().customerSeries(), http.device(posId, lr.deviceSecret()));
    }

    static SyncRow invoiceRow(long seq, String number, String profileKey, List<InvoiceLine> lines, List<Payment> payments) {
        long grand = InvoiceMath.grandTotal(lines);
        long change = Math.max(0, InvoiceMath.paid(payments) - grand);
        InvoicePayload p = new InvoicePayload(number, Instant.parse("2024-05-31T10:00:00Z"), null, "amira@demo.shop", null, true,
                null, profileKey, lines, payments, change, InvoiceMath.netTotal(lines), InvoiceMath.taxTotal(lines), grand);
        return row(seq, RowKind.INVOICE, p);
    }

    /** A one-line cash sale of ITEM-0001 (1.50 + 15% tax) paid exactly. */
    static SyncRow penSale(Linked d, long seq, long counter, long qty) {
        InvoiceLine line = InvoiceLine.of("ITEM-0001", "Ballpoint Pen Blue", qty, 150, 1500);
        return invoiceRow(seq, d.invoiceSeries() + String.format("%06d", counter), d.profileKey(), List.of(line),
                List.of(new Payment("Cash", line.totalMinor(), null)));
    }

    static SyncRow customerRow(long seq, String number, String name, String phone) {
        return row(seq, RowKind.CUSTOMER, new CustomerPayload(number, name, phone, null, Instant.parse("2024-05-31T09:00:00Z")));
    }

    static SyncRow row(long seq, RowKind kind, Object payload) {
        JsonNode node = Http.JSON.valueToTree(payload);
        return new SyncRow(UUID.randomUUID().toString(), seq, kind, Instant.parse("2024-05-31T10:00:00Z"), node);
    }

    static String token(TillServer server, String email, String password) {
        Http.Response r = new Http(server.baseUrl()).post("/auth/login", java.util.Map.of("email", email, "password", password));
        if (r.status() != 200) throw new AssertionError("login failed: " + r.raw());
        return r.body().get("token").asText();
    }
}
