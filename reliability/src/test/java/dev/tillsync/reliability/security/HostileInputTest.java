package dev.tillsync.reliability.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tillsync.core.export.ExportFile;
import dev.tillsync.core.invoice.InvoiceLine;
import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.sync.LinkRequest;
import dev.tillsync.core.sync.PushBatch;
import dev.tillsync.core.sync.RowKind;
import dev.tillsync.core.sync.SyncRow;
import dev.tillsync.reliability.check.ServerLedger;
import dev.tillsync.reliability.support.Api;
import dev.tillsync.reliability.support.Devices;
import dev.tillsync.reliability.support.Rows;
import dev.tillsync.reliability.support.SharedEnv;
import dev.tillsync.server.TillServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and bad input against every HTTP endpoint and the import, one table row per attack. Each row states
 * the HTTP status and JSON error code (or, for a push row the server must refuse on its own, the row's rejection
 * code); every row then checks that no business table changed (nothing half-written) and the server still serves.
 * Complements the server module's BadInputTest (which covers the basic cases) with the attacks it does not.
 */
class HostileInputTest {
    private static final List<String> TABLES = List.of("sales_invoice", "sales_invoice_line", "sales_invoice_payment", "stock_ledger",
            "stock", "customer", "pos_offline", "pos_offline_user", "app_user", "pos_shift", "device_signing_key", "change_state");

    /** Everything a case may use; built once over the shared server. */
    record Ctx(TillServer server, Api anon, Devices.Linked a, Devices.Linked b, String unlinkedPosId, Devices.Linked forced,
               String viewer, String manager, String admin, String usedCode, String expiredCode, String expiredToken,
               byte[] exportA, byte[] exportB, AtomicLong seqA) {
        long seq() {
            return seqA.incrementAndGet();
        }

        String numberA(long n) {
            return a.invoiceSeries() + String.format("%06d", n);
        }
    }

    /**
     * @param status   expected HTTP status
     * @param code     expected {@code error} code, or for a row-level case the row's rejection code
     * @param rowLevel the server answers 200 and refuses the row itself (it is recorded as rejected, never applied)
     */
    record Case(String name, Function<Ctx, Api.Response> call, int status, String code, boolean rowLevel) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Ctx ctx;

    @BeforeAll
    static void setUp() throws Exception {
        TillServer s = SharedEnv.server();
        Api anon = new Api(s.baseUrl());
        Devices.Linked a = Devices.linked(s, "HOST-A");
        Devices.Linked b = Devices.linked(s, "HOST-B");
        String unlinked = Devices.create(s, "HOST-U");
        Devices.Linked forced = Devices.linked(s, "HOST-F");
        s.admin().unlink(forced.posId(), true);

        // A link code already redeemed, and one that expired (its row moved into the past).
        String dev = Devices.create(s, "HOST-L");
        String used = s.admin().issueLinkCode(dev);
        assertThat(anon.post("/terminal/link", new LinkRequest(used, "first")).status()).isEqualTo(200);
        String dev2 = Devices.create(s, "HOST-E");
        String expired = s.admin().issueLinkCode(dev2);
        ServerLedger db = SharedEnv.ledger();
        db.update("update link_code set expires_at = now() - interval '1 minute' where device_id = (select id from pos_offline where pos_id = ?)", dev2);


        byte[] exportA = export(a.posId(), a.secret(), List.of(Rows.row(9_000, RowKind.INVOICE, Rows.penInvoice(a.invoiceSeries() + "900000", a.profileKey(), 1))));
        byte[] exportB = export(b.posId(), b.secret(), List.of(Rows.row(1, RowKind.INVOICE, Rows.penInvoice(b.invoiceSeries() + "000001", b.profileKey(), 1))));
        String viewer = Devices.token(s, "viewer@demo.shop", "viewer-pass");
        String manager = Devices.token(s, "manager@demo.shop", "manager-pass");
        String admin = Devices.token(s, "admin@demo.shop", "admin-pass");
        // Last: every login purges expired tokens, so this one must expire after the others logged in.
        s.admin().addUser("expiring@hostile.test", "Accounts Manager", "expiring-pass", null, null, null);
        String expiring = Devices.token(s, "expiring@hostile.test", "expiring-pass");
        db.update("update auth_token set expires_at = now() - interval '1 second' where user_id = (select id from app_user where email = ?)",
                "expiring@hostile.test");
        ctx = new Ctx(s, anon, a, b, unlinked, forced, viewer, manager, admin, used, expired, expiring, exportA, exportB, new AtomicLong());
    }

    static byte[] export(String posId, String secret, List<SyncRow> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportFile.write(out, posId, rows, ExportFile.signingKey(secret), Instant.parse("2025-01-15T12:00:00Z"));
        return out.toByteArray();
    }

    static byte[] gunzip(byte[] b) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] gzip(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(b);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** The export file with one character of its row content changed (a cashier's edit), signature kept. */
    static byte[] tampered(byte[] export) {
        String text = new String(gunzip(export), StandardCharsets.UTF_8);
        String edited = text.replaceFirst("\"qty\":1,", "\"qty\":9,");
        if (edited.equals(text)) throw new IllegalStateException("fixture changed: " + text);
        return gzip(edited.getBytes(StandardCharsets.UTF_8));
    }

    private static Api.Response push(Ctx c, Object body) {
        return c.a().api().post("/sync/push", body);
    }

    private static Api.Response pushOne(Ctx c, SyncRow row) {
        return push(c, new PushBatch(c.a().posId(), c.a().profileKey(), List.of(row)));
    }

    /** An invoice row for device A whose JSON was edited by {@code edit}. */
    private static Api.Response pushEdited(Ctx c, java.util.function.Consumer<ObjectNode> edit) {
        long seq = c.seq();
        ObjectNode inv = Rows.tree(Rows.penInvoice(c.numberA(seq), c.a().profileKey(), 2));
        edit.accept(inv);
        return pushOne(c, Rows.row(seq, RowKind.INVOICE, inv));
    }

    private static Api.Response pushInvoice(Ctx c, InvoicePayload p) {
        return pushOne(c, Rows.row(c.seq(), RowKind.INVOICE, p));
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private static Case http(String name, int status, String code, Function<Ctx, Api.Response> call) {
        return new Case(name, call, status, code, false);
    }

    private static Case row(String name, String code, Function<Ctx, Api.Response> call) {
        return new Case(name, call, 200, code, true);
    }

    static Stream<Arguments> cases() {
        String inject = "'); DROP TABLE sales_invoice;--";
        List<Case> all = new ArrayList<>(List.of(
                // ---- push: transport-level garbage
                http("push: truncated JSON", 400, null, c -> push(c, "{\"posId\":\"" + c.a().posId() + "\",\"rows\":[")),
                http("push: not JSON at all", 400, "malformed_json", c -> push(c, "posId=A&rows=1")),
                http("push: JSON null", 400, "invalid_request", c -> push(c, "null")),
                http("push: top-level array", 400, "invalid_request", c -> push(c, "[1,2,3]")),
                http("push: trailing garbage after the object", 400, null, c -> push(c, "{\"posId\":\"" + c.a().posId() + "\",\"rows\":[]} trailing")),
                http("push: rows is a string", 400, "invalid_request", c -> push(c, "{\"posId\":\"" + c.a().posId() + "\",\"rows\":\"all of them\"}")),
                http("push: seq is a float", 400, "invalid_request", c -> push(c, "{\"posId\":\"" + c.a().posId()
                        + "\",\"rows\":[{\"uuid\":\"f1\",\"seq\":1.5,\"kind\":\"invoice\",\"createdAt\":\"2025-01-15T10:00:00Z\",\"payload\":{}}]}")),
                http("push: seq beyond a long", 400, "invalid_request", c -> push(c, "{\"posId\":\"" + c.a().posId()
                        + "\",\"rows\":[{\"uuid\":\"f2\",\"seq\":99999999999999999999999,\"kind\":\"invoice\",\"createdAt\":\"2025-01-15T10:00:00Z\",\"payload\":{}}]}")),
                http("push: NaN literal", 400, null, c -> push(c, "{\"posId\":\"" + c.a().posId()
                        + "\",\"rows\":[{\"uuid\":\"f3\",\"seq\":NaN}]}")),
                http("push: nesting 20000 deep inside a payload", 400, null, c -> push(c, "{\"posId\":\"" + c.a().posId()
                        + "\",\"rows\":[{\"uuid\":\"f4\",\"seq\":1,\"kind\":\"invoice\",\"createdAt\":\"2025-01-15T10:00:00Z\",\"payload\":" + nested(20_000) + "}]}")),
                http("push: 10 MiB body", 413, "body_too_large", c -> push(c, "{\"posId\":\"" + c.a().posId() + "\",\"rows\":[],\"profileKey\":\""
                        + "A".repeat(10 * 1024 * 1024) + "\"}")),
                http("push: XML body", 400, "malformed_json", c -> c.a().api().send("POST", "/sync/push",
                        "<push><rows/></push>".getBytes(StandardCharsets.UTF_8), "application/xml")),
                http("push: batch for another device", 403, "pos_id_mismatch", c -> push(c, new PushBatch(c.b().posId(), c.b().profileKey(),
                        List.of(Rows.row(1, RowKind.INVOICE, Rows.penInvoice(c.b().invoiceSeries() + "000077", c.b().profileKey(), 1)))))),
                // ---- push: authentication
                http("push: no credentials", 401, "device_auth_failed", c -> c.anon().post("/sync/push", Rows.batch(c.a()))),
                http("push: another device's secret", 401, "device_auth_failed", c -> c.anon().device(c.a().posId(), c.b().secret())
                        .post("/sync/push", Rows.batch(c.a()))),
                http("push: SQL injection as secret", 401, "device_auth_failed", c -> c.anon().device(c.a().posId(), "' OR '1'='1")
                        .post("/sync/push", Rows.batch(c.a()))),
                http("push: SQL injection as POS ID", 401, "device_auth_failed", c -> c.anon().device("x' OR '1'='1", c.a().secret())
                        .post("/sync/push", Rows.batch(c.a()))),
                http("push: device created but never linked", 401, "device_auth_failed", c -> c.anon().device(c.unlinkedPosId(), "0".repeat(64))
                        .post("/sync/push", "{\"posId\":\"" + c.unlinkedPosId() + "\",\"rows\":[]}")),
                http("push: device force-unlinked, old secret", 403, "device_unlinked", c -> c.forced().api()
                        .post("/sync/push", Rows.batch(c.forced(), Rows.row(1, RowKind.INVOICE,
                                Rows.penInvoice(c.forced().invoiceSeries() + "000001", c.forced().profileKey(), 1))))),
                http("pull: user bearer token instead of device secret", 401, "device_auth_failed", c -> c.anon().with("X-Pos-Id", c.a().posId())
                        .bearer(c.admin()).get("/sync/pull")),
                // ---- push: rows a terminal would never build; refused per row, never applied
                row("row: negative quantity on a sale", "totals_mismatch", c -> pushInvoice(c, Rows.invoice(c.numberA(c.seqA().get() + 1), c.a().profileKey(),
                        List.of(InvoiceLine.of("ITEM-0001", "Pen", -3, 150, 1500)), List.of(new Payment("Cash", -518, null))))),
                row("row: negative price", null, c -> pushInvoice(c, Rows.invoice(c.numberA(c.seqA().get() + 1), c.a().profileKey(),
                        List.of(InvoiceLine.of("ITEM-0001", "Pen", 1, -150, 1500)), List.of(new Payment("Cash", 0, null))))),
                row("row: tax rate of 200%", null, c -> pushInvoice(c, Rows.invoice(c.numberA(c.seqA().get() + 1), c.a().profileKey(),
                        List.of(InvoiceLine.of("ITEM-0001", "Pen", 1, 150, 20_000)), List.of(new Payment("Cash", 450, null))))),
                row("row: quantity near Long.MAX (overflow)", null, c -> pushEdited(c, inv -> {
                    ObjectNode l = (ObjectNode) inv.get("lines").get(0);
                    l.put("qty", Long.MAX_VALUE / 2);
                })),
                row("row: net total off by one", "totals_mismatch", c -> pushEdited(c, inv -> inv.put("netTotalMinor", inv.get("netTotalMinor").asLong() + 1))),
                row("row: grand total off by one, lines untouched", "totals_mismatch", c -> pushEdited(c, inv -> inv.put("grandTotalMinor", inv.get("grandTotalMinor").asLong() - 1))),
                row("row: payments do not cover the total", null, c -> pushEdited(c, inv -> ((ObjectNode) inv.get("payments").get(0)).put("amountMinor", 1))),
                row("row: change claimed without overpayment", "totals_mismatch", c -> pushEdited(c, inv -> inv.put("changeMinor", 500))),
                row("row: no lines", null, c -> pushEdited(c, inv -> inv.set("lines", Api.JSON.createArrayNode()))),
                row("row: invoice number of another device's series", "number_outside_series", c -> pushInvoice(c,
                        Rows.penInvoice(c.b().invoiceSeries() + "000999", c.a().profileKey(), 1))),
                row("row: invoice number with no series prefix", "number_outside_series", c -> pushInvoice(c,
                        Rows.penInvoice("INV-000001", c.a().profileKey(), 1))),
                row("row: path traversal as invoice number", "number_outside_series", c -> pushInvoice(c,
                        Rows.penInvoice("../../etc/passwd", c.a().profileKey(), 1))),
                row("row: SQL injection as invoice number", "number_outside_series", c -> pushInvoice(c,
                        Rows.penInvoice(inject, c.a().profileKey(), 1))),
                row("row: customer number of another device's series", "number_outside_series", c -> pushOne(c,
                        Rows.customer(c.seq(), c.b().customerSeries() + "00001", "Eve"))),
                row("row: payment mode not in the profile", "unknown_payment_mode", c -> pushEdited(c, inv ->
                        ((ObjectNode) inv.get("payments").get(0)).put("mode", "<script>alert(1)</script>"))),
                row("row: customer payload sent as an invoice", null, c -> pushOne(c, Rows.row(c.seq(), RowKind.INVOICE,
                        Api.JSON.valueToTree(Map.of("number", c.a().customerSeries() + "00009", "name", "x"))))),
                row("row: empty payload", null, c -> pushOne(c, Rows.row(c.seq(), RowKind.INVOICE, Api.JSON.createObjectNode()))),
                row("row: sequence number zero", "invalid_row", c -> pushOne(c, Rows.row(0, RowKind.INVOICE, Rows.penInvoice(c.numberA(c.seq()), c.a().profileKey(), 1)))),
                row("row: negative sequence number", "invalid_row", c -> pushOne(c, Rows.row(-5, RowKind.INVOICE, Rows.penInvoice(c.numberA(c.seq()), c.a().profileKey(), 1)))),
                // ---- link codes
                http("link: replayed link code", 400, "invalid_link_code", c -> c.anon().post("/terminal/link", new LinkRequest(c.usedCode(), "replay"))),
                http("link: expired link code", 400, "invalid_link_code", c -> c.anon().post("/terminal/link", new LinkRequest(c.expiredCode(), "late"))),
                http("link: guessed link code", 400, "invalid_link_code", c -> c.anon().post("/terminal/link", new LinkRequest("AAAA-BBBB-CCCC", "guess"))),
                http("link: SQL injection as link code", 400, "invalid_link_code", c -> c.anon().post("/terminal/link", new LinkRequest("' OR 1=1 --", "x"))),
                http("link: missing code", 400, null, c -> c.anon().post("/terminal/link", "{\"deviceLabel\":\"x\"}")),
                http("link: code is an object", 400, "invalid_request", c -> c.anon().post("/terminal/link", "{\"code\":{\"$ne\":null}}")),
                // ---- users and tokens
                http("login: SQL injection as email", 401, "invalid_credentials", c -> c.anon().post("/auth/login",
                        Map.of("email", "admin@demo.shop' --", "password", "x"))),
                http("login: empty object", 400, "invalid_request", c -> c.anon().post("/auth/login", "{}")),
                http("login: wrong types", 400, "invalid_request", c -> c.anon().post("/auth/login", "{\"email\":[1],\"password\":{}}")),
                http("login: 2 MiB password", 413, "body_too_large", c -> c.anon().post("/auth/login",
                        Map.of("email", "admin@demo.shop", "password", "p".repeat(2 * 1024 * 1024)))),
                http("token: expired (row moved into the past)", 401, "token_expired", c -> c.anon().bearer(c.expiredToken()).get("/devices")),
                http("token: a device secret as bearer token", 401, null, c -> c.anon().bearer(c.a().secret()).get("/devices")),
                http("users: role that does not exist", 400, "invalid_role", c -> c.anon().bearer(c.admin()).post("/users",
                        Map.of("email", "x@hostile.test", "role", "Root", "password", "long-enough-pass"))),
                // ---- devices
                http("devices: path traversal as POS ID", 400, "invalid_pos_id", c -> c.anon().bearer(c.manager()).post("/devices",
                        Map.of("posId", "../../etc/passwd", "posProfile", "Main Store"))),
                http("devices: SQL injection as POS ID", 400, "invalid_pos_id", c -> c.anon().bearer(c.manager()).post("/devices",
                        Map.of("posId", inject, "posProfile", "Main Store"))),
                http("devices: rows per request zero", 400, null, c -> c.anon().bearer(c.manager()).post("/devices",
                        Map.of("posId", "HOST-Z0", "posProfile", "Main Store", "syncRowsPerRequest", 0))),
                http("devices: rows per request ten million", 400, null, c -> c.anon().bearer(c.manager()).post("/devices",
                        Map.of("posId", "HOST-Z1", "posProfile", "Main Store", "syncRowsPerRequest", 10_000_000))),
                http("devices: invoice series already used by another device", 409, null, c -> c.anon().bearer(c.manager()).post("/devices",
                        Map.of("posId", "HOST-Z2", "posProfile", "Main Store", "invoiceSeries", c.a().invoiceSeries()))),
                http("devices: unknown profile", 422, "unknown_profile", c -> c.anon().bearer(c.manager()).post("/devices",
                        Map.of("posId", "HOST-Z3", "posProfile", "No Such Store"))),
                http("devices: encoded path traversal in URL", 404, "not_found", c -> c.anon().bearer(c.manager()).get("/devices/..%2F..%2Fetc%2Fpasswd")),
                http("devices: change the POS ID of a device", 400, "pos_id_immutable", c -> c.anon().bearer(c.manager()).put("/devices/" + c.a().posId(),
                        Map.of("posId", c.b().posId()))),
                http("devices: link code for unknown device", 404, "not_found", c -> c.anon().bearer(c.manager()).post("/devices/NO-SUCH-DEVICE/link-code", null)),
                http("devices: unlink body not JSON", 400, "invalid_request", c -> c.anon().bearer(c.manager()).post("/devices/" + c.a().posId() + "/unlink", "force please")),
                // ---- pull and reports
                http("pull: limit not a number", 400, "invalid_limit", c -> c.a().api().get("/sync/pull?limit=ten")),
                http("pull: forged cursor", 400, null, c -> c.a().api().get("/sync/pull?cursor=%27%3B%20DROP%20TABLE%20change_state%3B--")),
                http("reports: from date is garbage", 400, null, c -> c.anon().bearer(c.viewer()).get("/reports/reconciliation?from=yesterday")),
                http("sync-status: unknown outcome filter", 400, null, c -> c.anon().bearer(c.viewer()).get("/devices/" + c.a().posId() + "/sync-status?outcome=%3Cscript%3E")),
                http("flags: review an unknown row", 404, "not_found", c -> c.anon().bearer(c.manager()).post("/reports/flags/no-such-uuid/reviewed", null)),
                http("method: PATCH on devices", 404, null, c -> c.anon().bearer(c.manager()).send("PATCH", "/devices", "{}".getBytes(StandardCharsets.UTF_8), "application/json")),
                // ---- imports
                http("import: empty body", 400, null, c -> c.anon().bearer(c.manager()).send("POST", "/imports", new byte[0], "application/octet-stream")),
                http("import: not gzip", 400, "export_malformed", c -> c.anon().bearer(c.manager()).send("POST", "/imports",
                        "hello".getBytes(StandardCharsets.UTF_8), "application/octet-stream")),
                http("import: tampered export file", 400, "bad_signature", c -> c.anon().bearer(c.manager()).send("POST", "/imports",
                        tampered(c.exportA()), "application/octet-stream")),
                http("import: truncated export file", 400, "export_truncated", c -> c.anon().bearer(c.manager()).send("POST", "/imports",
                        java.util.Arrays.copyOf(c.exportA(), c.exportA().length / 2), "application/octet-stream")),
                http("import: last line (signature) cut off", 400, "export_truncated", c -> {
                    String text = new String(gunzip(c.exportA()), StandardCharsets.UTF_8);
                    String cut = text.substring(0, text.lastIndexOf("{\"signature\""));
                    return c.anon().bearer(c.manager()).send("POST", "/imports", gzip(cut.getBytes(StandardCharsets.UTF_8)), "application/octet-stream");
                }),
                http("import: another device's file uploaded by a device", 403, "pos_id_mismatch", c -> c.a().api().send("POST", "/imports",
                        c.exportB(), "application/octet-stream")),
                http("import: file signed with another device's key", 400, "bad_signature", c -> {
                    try {
                        return c.anon().bearer(c.manager()).send("POST", "/imports", export(c.a().posId(), c.b().secret(),
                                List.of(Rows.row(9_001, RowKind.INVOICE, Rows.penInvoice(c.numberA(9_001), c.a().profileKey(), 1)))), "application/octet-stream");
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }),
                http("import: path traversal as POS ID in the header", 400, null, c -> {
                    try {
                        return c.anon().bearer(c.manager()).send("POST", "/imports", export("../../etc/passwd", "x", List.of()), "application/octet-stream");
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }),
                http("import: gzip bomb (600 MiB of zeros)", 413, "export_too_large", c -> c.anon().bearer(c.manager()).send("POST", "/imports",
                        bomb(), "application/octet-stream"))));
        return all.stream().map(Arguments::of);
    }

    private static byte[] bombCache;

    private static synchronized byte[] bomb() {
        if (bombCache == null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                byte[] zeros = new byte[1 << 20];
                for (int i = 0; i < 600; i++) gz.write(zeros);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            bombCache = out.toByteArray();
        }
        return bombCache;
    }

    private static Map<String, Long> counts(ServerLedger db) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String t : TABLES) m.put(t, db.count(t));
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedClearlyWritesNothingAndTheServerStillServes(Case k) {
        ServerLedger db = SharedEnv.ledger();
        Map<String, Long> before = counts(db);
        long statusRowsBefore = db.count("pos_offline_sync_status");
        long rejectedBefore = db.number("select count(*) from pos_offline_sync_status where outcome = 'rejected'");

        Api.Response r = k.call().apply(ctx);

        assertThat(r.status()).as(k.name() + " -> " + r).isEqualTo(k.status());
        assertThat(r.contentType()).as(k.name()).startsWith("application/json");
        if (k.rowLevel()) {
            var result = r.body().get("results").get(0);
            assertThat(result.get("outcome").asText()).as(k.name() + " -> " + r).isEqualTo("rejected");
            if (k.code() != null) assertThat(result.get("code").asText()).as(k.name() + " -> " + r).isEqualTo(k.code());
            assertThat(result.get("message").asText()).as(k.name()).isNotBlank();
            // At most the refusal itself is recorded (so the device gets the same answer again), nothing else.
            long added = db.count("pos_offline_sync_status") - statusRowsBefore;
            assertThat(added).as(k.name()).isBetween(0L, 1L);
            assertThat(db.number("select count(*) from pos_offline_sync_status where outcome = 'rejected'")).isEqualTo(rejectedBefore + added);
        } else {
            assertThat(r.error()).as(k.name() + " -> " + r).isNotBlank();
            if (k.code() != null) assertThat(r.error()).as(k.name() + " -> " + r).isEqualTo(k.code());
            assertThat(r.message()).as(k.name() + " -> " + r).isNotBlank();
            assertThat(db.count("pos_offline_sync_status")).as(k.name() + ": sync status rows").isEqualTo(statusRowsBefore);
        }
        assertThat(counts(db)).as(k.name() + ": row counts").isEqualTo(before);
        assertThat(ctx.anon().get("/health").status()).as("health after " + k.name()).isEqualTo(200);
    }
}
