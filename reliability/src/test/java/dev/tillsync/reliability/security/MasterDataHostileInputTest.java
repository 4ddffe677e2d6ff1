package dev.tillsync.reliability.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.reliability.check.ServerLedger;
import dev.tillsync.reliability.support.Api;
import dev.tillsync.reliability.support.Devices;
import dev.tillsync.reliability.support.SharedEnv;
import dev.tillsync.server.TillServer;
import dev.tillsync.server.master.staff.StaffService;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and bad input against the master-data API (profiles, payment modes, shift types, customers, staff, settings,
 * items, categories, taxes, price lists, catalogue import): invalid JSON, wrong types, huge strings, negative and
 * overflowing numbers, SQL and script text, unknown fields, a missing or stale version. Each row states the HTTP status
 * and the JSON error code; every row then checks the answer is {error, message} (never a 500), that no master-data
 * table, audit entry, setting or pull record changed (nothing half-written), and that the server still serves.
 */
class MasterDataHostileInputTest {
    /** Tables whose count (and, where they have one, sum of versions) must not move on a refusal. */
    private static final List<String> FINGERPRINT = List.of(
            "select count(*) || '/' || coalesce(sum(version), 0) from payment_mode",
            "select count(*) || '/' || coalesce(sum(version), 0) from shift_type",
            "select count(*) || '/' || coalesce(sum(version), 0) from customer",
            "select count(*) || '/' || coalesce(sum(version), 0) from pos_profile",
            "select count(*) || '/' || coalesce(sum(version), 0) || '/' || count(pin_hash) from app_user",
            "select count(*) || '/' || coalesce(sum(version), 0) || '/' || count(*) filter (where active) from item",
            "select count(*) || '/' || coalesce(sum(version), 0) from category",
            "select count(*) || '/' || coalesce(sum(version), 0) from tax_category",
            "select count(*) || '/' || coalesce(sum(version), 0) from price_list",
            "select count(*) from pos_profile_payment_mode", "select count(*) from item_barcode",
            "select count(*) || '/' || coalesce(sum(price_minor), 0) from item_price", "select count(*) from warehouse",
            "select count(*) from pos_offline_user", "select count(*) from pos_offline_shift_user", "select count(*) from audit_log",
            "select coalesce(string_agg(key || '=' || value, ',' order by key), '') from server_setting",
            "select count(*) || '/' || coalesce(max(seq), 0) from change_state");

    record Ctx(Api manager, Api admin, Api viewer, String cashier, String tax) {}

    /** @param code the expected {@code error} code, or null when only the status is pinned (transport-level refusals) */
    record Case(String name, Function<Ctx, Api.Response> call, int status, String code) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Ctx ctx;

    @BeforeAll
    static void setUp() {
        TillServer s = SharedEnv.server();
        Api anon = new Api(s.baseUrl());
        String cashier = s.services().staff().create("hostile", new StaffService.Spec("Hostile Target", null, "1357", null, null)).login();
        ctx = new Ctx(anon.bearer(Devices.token(s, "manager@demo.shop", "manager-pass")), anon.bearer(Devices.token(s, "admin@demo.shop", "admin-pass")),
                anon.bearer(Devices.token(s, "viewer@demo.shop", "viewer-pass")), cashier,
                SharedEnv.ledger().text("select tax_category from item where code = 'ITEM-0001'"));
    }

    private static Case c(String name, int status, String code, Function<Ctx, Api.Response> call) {
        return new Case(name, call, status, code);
    }

    private static Api.Response raw(Api a, String method, String path, String body) {
        return a.send(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    private static Api.Response csv(Api a, String path, byte[] body) {
        return a.send("POST", path, body, "text/csv");
    }

    private static int version(String sql) {
        return (int) SharedEnv.ledger().number(sql);
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    static final String SQL = "'); DROP TABLE customer;--";
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String HEADER = "code,name,category,unit,barcodes,tax,price,price_list,active\n";

    /** The write endpoints with a body that would be valid but for the field a case breaks. */
    private static final Map<String, String> CREATE = new LinkedHashMap<>();

    static {
        CREATE.put("/profiles", "{\"name\":\"Hostile profile\",\"warehouse\":\"Main Warehouse\",\"priceList\":\"Standard Selling\",\"paymentModes\":[\"Cash\"]");
        CREATE.put("/payment-modes", "{\"name\":\"Hostile mode\",\"type\":\"other\"");
        CREATE.put("/shift-types", "{\"name\":\"Hostile shift\",\"startTime\":\"06:00\",\"endTime\":\"12:00\"");
        CREATE.put("/customers", "{\"number\":\"HOSTILE-1\",\"name\":\"Hostile customer\"");
        CREATE.put("/staff", "{\"name\":\"Hostile cashier\",\"pin\":\"2468\"");
        CREATE.put("/categories", "{\"name\":\"Hostile category\"");
        CREATE.put("/taxes", "{\"name\":\"Hostile tax\",\"ratePercent\":\"5\"");
        CREATE.put("/price-lists", "{\"name\":\"Hostile list\",\"currency\":\"EUR\",\"digits\":2");
        CREATE.put("/items", "{\"code\":\"HOSTILE-1\",\"name\":\"Hostile item\",\"unit\":\"unit\",\"taxCategory\":\"Tax 15%\"");
    }

    static Stream<Arguments> cases() {
        List<Case> all = new ArrayList<>();
        // ---- every create endpoint: transport-level garbage and the generic attacks
        for (var e : CREATE.entrySet()) {
            String p = e.getKey(), body = e.getValue();
            all.add(c(p + ": truncated JSON", 400, "malformed_json", x -> raw(x.manager(), "POST", p, body)));
            all.add(c(p + ": not JSON at all", 400, "malformed_json", x -> raw(x.manager(), "POST", p, "name=x&type=cash")));
            all.add(c(p + ": JSON null", 400, "invalid_request", x -> raw(x.manager(), "POST", p, "null")));
            all.add(c(p + ": top-level array", 400, "invalid_request", x -> raw(x.manager(), "POST", p, "[" + body + "}]")));
            all.add(c(p + ": empty body", 400, "invalid_request", x -> raw(x.manager(), "POST", p, null)));
            all.add(c(p + ": trailing garbage", 400, null, x -> raw(x.manager(), "POST", p, body + "} trailing")));
            all.add(c(p + ": unknown field", 400, "unknown_field", x -> raw(x.manager(), "POST", p, body + ",\"isAdmin\":true}")));
            all.add(c(p + ": name is an object (NoSQL-style operator)", 400, "invalid_request",
                    x -> raw(x.manager(), "POST", p, body.replaceFirst("\"name\":\"[^\"]*\"", "\"name\":{\"\\$ne\":null}") + "}")));
            all.add(c(p + ": name of 10,000 characters", 400, "invalid_name",
                    x -> raw(x.manager(), "POST", p, body.replaceFirst("\"name\":\"[^\"]*\"", "\"name\":\"" + "N".repeat(10_000) + "\"") + "}")));
            all.add(c(p + ": 2 MiB body", 413, "body_too_large",
                    x -> raw(x.manager(), "POST", p, body.replaceFirst("\"name\":\"[^\"]*\"", "\"name\":\"" + "N".repeat(2 * 1024 * 1024) + "\"") + "}")));
            all.add(c(p + ": name that a spreadsheet runs as a formula", 400, "invalid_name",
                    x -> raw(x.manager(), "POST", p, body.replaceFirst("\"name\":\"[^\"]*\"", "\"name\":\"=HYPERLINK(\\\\\"http://evil\\\\\")\"") + "}")));
            all.add(c(p + ": name with a NUL character", 400, "invalid_name",
                    x -> raw(x.manager(), "POST", p, body.replaceFirst("\"name\":\"[^\"]*\"", "\"name\":\"bad\\\\u0000name\"") + "}")));
            all.add(c(p + ": by a viewer", 403, "forbidden", x -> raw(x.viewer(), "POST", p, body + "}")));
        }
        all.addAll(List.of(
                // ---- payment modes
                c("payment mode: unknown type", 400, "invalid_type", x -> x.manager().post("/payment-modes", Map.of("name", "Bitcoin", "type", "bitcoin"))),
                c("payment mode: script as type", 400, "invalid_type", x -> x.manager().post("/payment-modes", Map.of("name", "Scripted", "type", SCRIPT))),
                c("payment mode: opensDrawer is 'maybe'", 400, "invalid_request", x -> raw(x.manager(), "POST", "/payment-modes",
                        "{\"name\":\"Maybe\",\"type\":\"cash\",\"opensDrawer\":\"maybe\"}")),
                c("payment mode: already exists", 409, "payment_mode_exists", x -> x.manager().post("/payment-modes", Map.of("name", "Cash", "type", "cash"))),
                c("payment mode: update without a version", 400, "version_required", x -> x.manager().put("/payment-modes/Cash", Map.of("type", "card"))),
                c("payment mode: version is text", 400, "invalid_request", x -> raw(x.manager(), "PUT", "/payment-modes/Cash", "{\"type\":\"card\",\"version\":\"three\"}")),
                c("payment mode: version beyond an int", 400, "invalid_request", x -> raw(x.manager(), "PUT", "/payment-modes/Cash", "{\"type\":\"card\",\"version\":99999999999}")),
                c("payment mode: garbage If-Match", 400, "invalid_if_match", x -> x.manager().with("If-Match", "' OR 1=1").put("/payment-modes/Cash", Map.of("type", "card"))),
                c("payment mode: stale version", 409, "stale_version", x -> x.manager().put("/payment-modes/Cash", Map.of("type", "card", "version", 9_999))),
                c("payment mode: rename", 400, "name_immutable", x -> x.manager().put("/payment-modes/Cash", Map.of("name", "Money",
                        "version", version("select version from payment_mode where name = 'Cash'")))),
                c("payment mode: unknown one", 404, "not_found", x -> x.manager().put("/payment-modes/No%20Such", Map.of("type", "card", "version", 1))),
                c("payment mode: limit out of range", 400, "invalid_limit", x -> x.manager().get("/payment-modes?limit=100000")),
                // ---- shift types
                c("shift type: hour 25", 400, "invalid_time", x -> x.manager().post("/shift-types", Map.of("name", "Late", "startTime", "25:00", "endTime", "26:00"))),
                c("shift type: SQL after the time", 400, "invalid_time", x -> x.manager().post("/shift-types", Map.of("name", "Late", "startTime", "08:00'; DROP TABLE shift_type;--", "endTime", "16:00"))),
                c("shift type: time as a number", 400, "invalid_time", x -> raw(x.manager(), "POST", "/shift-types", "{\"name\":\"Late\",\"startTime\":800,\"endTime\":1600}")),
                c("shift type: no times", 400, "invalid_time", x -> x.manager().post("/shift-types", Map.of("name", "Late"))),
                c("shift type: stale version", 409, "stale_version", x -> x.manager().put("/shift-types/Morning", Map.of("endTime", "17:00", "version", 0))),
                c("shift type: update without a version", 400, "version_required", x -> x.manager().put("/shift-types/Morning", Map.of("endTime", "17:00"))),
                // ---- customers
                c("customer: SQL as number", 400, "invalid_number", x -> x.manager().post("/customers", Map.of("number", SQL, "name", "Robert"))),
                c("customer: SQL as price list", 422, "unknown_price_list", x -> x.manager().post("/customers", Map.of("name", "Robert", "priceList", SQL))),
                c("customer: phone of 300 characters", 400, "invalid_field", x -> x.manager().post("/customers", Map.of("name", "Robert", "phone", "5".repeat(300)))),
                c("customer: email with a line break", 400, "invalid_field", x -> x.manager().post("/customers", Map.of("name", "Robert", "email", "a@b.c\r\nBcc: all@x.y"))),
                c("customer: negative offset", 400, "invalid_offset", x -> x.manager().get("/customers?offset=-1")),
                c("customer: limit is text", 400, "invalid_limit", x -> x.manager().get("/customers?limit=all")),
                c("customer: SQL in the path", 404, "not_found", x -> x.manager().get("/customers/%27%20OR%20%271%27%3D%271")),
                c("customer: update of an unknown one", 404, "not_found", x -> x.manager().put("/customers/NO-SUCH", Map.of("name", "X", "version", 1))),
                // ---- POS profiles
                c("profile: negative pull interval", 400, "invalid_pull_interval", x -> x.manager().post("/profiles", Map.of("name", "Hostile profile",
                        "warehouse", "Main Warehouse", "priceList", "Standard Selling", "paymentModes", List.of("Cash"), "pullIntervalSeconds", -5))),
                c("profile: pull interval beyond an int", 400, "invalid_request", x -> raw(x.manager(), "POST", "/profiles", CREATE.get("/profiles") + ",\"pullIntervalSeconds\":99999999999}")),
                c("profile: negative max discount", 400, "invalid_discount", x -> x.manager().post("/profiles", Map.of("name", "Hostile profile",
                        "warehouse", "Main Warehouse", "priceList", "Standard Selling", "paymentModes", List.of("Cash"), "maxDiscountPercent", "-5"))),
                c("profile: max discount 1e9", 400, "invalid_discount", x -> x.manager().post("/profiles", Map.of("name", "Hostile profile",
                        "warehouse", "Main Warehouse", "priceList", "Standard Selling", "paymentModes", List.of("Cash"), "maxDiscountPercent", "1e9"))),
                c("profile: negative cash rounding", 400, "invalid_price", x -> x.manager().post("/profiles", Map.of("name", "Hostile profile",
                        "warehouse", "Main Warehouse", "priceList", "Standard Selling", "paymentModes", List.of("Cash"), "cashRounding", "-0.05"))),
                c("profile: script as warehouse", 422, "unknown_warehouse", x -> x.manager().post("/profiles", Map.of("name", "Hostile profile",
                        "warehouse", SCRIPT, "priceList", "Standard Selling", "paymentModes", List.of("Cash")))),
                c("profile: no payment modes", 400, "no_payment_modes", x -> x.manager().post("/profiles", Map.of("name", "Hostile profile",
                        "warehouse", "Main Warehouse", "priceList", "Standard Selling", "paymentModes", List.of()))),
                c("profile: a payment mode twice", 400, "duplicate_payment_mode", x -> x.manager().post("/profiles", Map.of("name", "Hostile profile",
                        "warehouse", "Main Warehouse", "priceList", "Standard Selling", "paymentModes", List.of("Cash", "Cash")))),
                c("profile: payment modes as a string", 400, "invalid_request", x -> raw(x.manager(), "POST", "/profiles",
                        "{\"name\":\"Hostile profile\",\"warehouse\":\"Main Warehouse\",\"priceList\":\"Standard Selling\",\"paymentModes\":\"Cash\"}")),
                c("profile: SQL as payment mode", 422, "unknown_payment_mode", x -> x.manager().post("/profiles", Map.of("name", "Hostile profile",
                        "warehouse", "Main Warehouse", "priceList", "Standard Selling", "paymentModes", List.of(SQL)))),
                c("profile: scale prefix 99", 400, "invalid_scale_layout", x -> x.manager().post("/profiles", Map.of("name", "Hostile profile",
                        "warehouse", "Main Warehouse", "priceList", "Standard Selling", "paymentModes", List.of("Cash"),
                        "scaleLayout", Map.of("prefix", "99", "itemDigits", 5, "valueDigits", 5, "valueDecimals", 3, "kind", "weight")))),
                c("profile: receipt header of 3,000 characters", 400, "invalid_field", x -> x.manager().put("/profiles/Main%20Store", Map.of(
                        "receiptHeader", "H".repeat(3_000), "version", version("select version from pos_profile where name = 'Main Store'")))),
                c("profile: update without a version", 400, "version_required", x -> x.manager().put("/profiles/Main%20Store", Map.of("receiptFooter", "x"))),
                c("profile: stale version", 409, "stale_version", x -> x.manager().put("/profiles/Main%20Store", Map.of("receiptFooter", "x", "version", 9_999))),
                c("profile: already exists", 409, "profile_exists", x -> x.manager().post("/profiles", Map.of("name", "Main Store",
                        "warehouse", "Main Warehouse", "priceList", "Standard Selling", "paymentModes", List.of("Cash")))),
                // ---- staff
                c("staff: PIN of two digits", 400, "invalid_pin", x -> x.manager().post("/staff", Map.of("name", "Short Pin", "pin", "12"))),
                c("staff: PIN as a 30-digit number", 400, "invalid_pin", x -> raw(x.manager(), "POST", "/staff", "{\"name\":\"Long Pin\",\"pin\":123456789012345678901234567890}")),
                c("staff: SQL as PIN", 400, "invalid_pin", x -> x.manager().post("/staff", Map.of("name", "Sql Pin", "pin", "1' OR '1'='1"))),
                c("staff: not an email", 400, "invalid_email", x -> x.manager().post("/staff", Map.of("name", "No Mail", "pin", "2468", "email", SCRIPT))),
                c("staff: reset PIN to letters", 400, "invalid_pin", x -> x.manager().post("/staff/" + x.cashier() + "/pin", Map.of("pin", "abcd"))),
                c("staff: reset PIN with null", 400, "invalid_pin", x -> raw(x.manager(), "POST", "/staff/" + x.cashier() + "/pin", "{\"pin\":null}")),
                c("staff: reset PIN of an unknown cashier", 404, "not_found", x -> x.manager().post("/staff/no.such.cashier/pin", Map.of("pin", "2468"))),
                c("staff: tills as a string", 400, "invalid_request", x -> raw(x.manager(), "PUT", "/staff/" + x.cashier() + "/tills", "{\"tills\":\"all\"}")),
                c("staff: update without a version", 400, "version_required", x -> x.manager().put("/staff/" + x.cashier(), Map.of("name", "Renamed"))),
                c("staff: stale version", 409, "stale_version", x -> x.manager().put("/staff/" + x.cashier(), Map.of("name", "Renamed", "version", 9_999))),
                // ---- settings (System Manager)
                c("settings: unknown time zone", 400, null, x -> x.admin().put("/settings", Map.of("timeZone", "Mars/Olympus_Mons"))),
                c("settings: path traversal as time zone", 400, null, x -> x.admin().put("/settings", Map.of("timeZone", "../../etc/localtime"))),
                c("settings: time zone as an object", 400, "invalid_request", x -> raw(x.admin(), "PUT", "/settings", "{\"timeZone\":{\"id\":\"UTC\"}}")),
                c("settings: unknown field", 400, "unknown_field", x -> raw(x.admin(), "PUT", "/settings", "{\"timeZone\":\"UTC\",\"currency\":\"EUR\"}")),
                c("settings: by an Accounts Manager", 403, "forbidden", x -> x.manager().put("/settings", Map.of("timeZone", "UTC"))),
                // ---- items
                c("item: SQL as code", 400, "invalid_code", x -> x.manager().post("/items", Map.of("code", SQL, "name", "Sql", "unit", "unit", "taxCategory", x.tax()))),
                c("item: negative price", 400, "invalid_price", x -> x.manager().post("/items", Map.of("code", "HOSTILE-NEG", "name", "Negative", "unit", "unit",
                        "taxCategory", x.tax(), "prices", List.of(Map.of("priceList", "Standard Selling", "price", "-1.00"))))),
                c("item: more decimals than the currency", 400, "invalid_price", x -> x.manager().post("/items", Map.of("code", "HOSTILE-DEC", "name", "Decimals",
                        "unit", "unit", "taxCategory", x.tax(), "prices", List.of(Map.of("priceList", "Standard Selling", "price", "1.234"))))),
                c("item: price beyond a long", 400, "invalid_price", x -> x.manager().post("/items", Map.of("code", "HOSTILE-BIG", "name", "Big", "unit", "unit",
                        "taxCategory", x.tax(), "prices", List.of(Map.of("priceList", "Standard Selling", "price", "99999999999999999999.00"))))),
                c("item: unknown unit", 400, "invalid_unit", x -> x.manager().post("/items", Map.of("code", "HOSTILE-U", "name", "Parsec", "unit", "parsec", "taxCategory", x.tax()))),
                c("item: script as barcode", 400, "invalid_barcode", x -> x.manager().post("/items", Map.of("code", "HOSTILE-B", "name", "Barcode", "unit", "unit",
                        "taxCategory", x.tax(), "barcodes", List.of(SCRIPT)))),
                c("item: barcode of another item", 409, null, x -> x.manager().post("/items", Map.of("code", "HOSTILE-DUP", "name", "Duplicate", "unit", "unit",
                        "taxCategory", x.tax(), "barcodes", List.of("4006381333931")))),
                c("item: unknown tax category", 422, null, x -> x.manager().post("/items", Map.of("code", "HOSTILE-T", "name", "Tax", "unit", "unit", "taxCategory", SQL))),
                c("item: update without a version", 400, "version_required", x -> x.manager().put("/items/ITEM-0001", Map.of("name", "Renamed pen"))),
                c("item: stale version", 409, "stale_version", x -> x.manager().put("/items/ITEM-0001", Map.of("name", "Renamed pen", "version", 9_999))),
                c("item: disable an unknown one", 404, "not_found", x -> x.manager().delete("/items/NO-SUCH-ITEM")),
                c("item: negative limit", 400, "invalid_limit", x -> x.manager().get("/items?limit=-1")),
                // ---- categories, taxes, price lists
                c("category: unknown parent", 422, "unknown_category", x -> x.manager().post("/categories", Map.of("name", "Orphan", "parent", SQL))),
                c("category: position is text", 400, "invalid_request", x -> raw(x.manager(), "POST", "/categories", "{\"name\":\"Orphan\",\"position\":\"first\"}")),
                c("category: update of an unknown one", 404, "not_found", x -> x.manager().put("/categories/No%20Such", Map.of("position", 1, "version", 1))),
                c("category: update without a version", 400, "version_required", x -> x.manager().put("/categories/Stationery", Map.of("position", 9))),
                c("tax: rate of 150%", 400, "invalid_rate", x -> x.manager().post("/taxes", Map.of("name", "Greedy", "ratePercent", "150"))),
                c("tax: negative rate", 400, null, x -> x.manager().post("/taxes", Map.of("name", "Negative", "ratePercent", "-5"))),
                c("tax: rate is text", 400, null, x -> x.manager().post("/taxes", Map.of("name", "Texty", "ratePercent", "fifteen"))),
                c("tax: update without a version", 400, "version_required", x -> x.manager().put("/taxes/" + java.net.URLEncoder.encode(x.tax(), StandardCharsets.UTF_8).replace("+", "%20"),
                        Map.of("ratePercent", "16"))),
                c("price list: currency of 7 letters", 400, "invalid_currency", x -> x.manager().post("/price-lists", Map.of("name", "Dollars", "currency", "DOLLARS"))),
                c("price list: 9 decimals", 400, "invalid_digits", x -> x.manager().post("/price-lists", Map.of("name", "Precise", "currency", "EUR", "digits", 9))),
                c("price list: negative decimals", 400, "invalid_digits", x -> x.manager().post("/price-lists", Map.of("name", "Negative", "currency", "EUR", "digits", -1))),
                c("price list: update without a version", 400, "version_required", x -> x.manager().put("/price-lists/Standard%20Selling", Map.of("pricesIncludeTax", true))),
                // ---- catalogue import (all or nothing)
                c("import: a negative price", 422, "import_refused", x -> csv(x.manager(), "/imports/catalog",
                        (HEADER + "HOSTILE-I1,Imported,,unit,," + x.tax() + ",-1.00,Standard Selling,true\n").getBytes(StandardCharsets.UTF_8))),
                c("import: invalid UTF-8", 400, "invalid_utf8", x -> csv(x.manager(), "/imports/catalog",
                        concat(HEADER.getBytes(StandardCharsets.UTF_8), new byte[] {'H', '-', '1', ',', (byte) 0xC3, (byte) 0x28, ',', ',', 'u', 'n', 'i', 't', '\n'}))),
                c("import: a formula in a name", 422, "import_refused", x -> csv(x.manager(), "/imports/catalog",
                        (HEADER + "HOSTILE-I2,=cmd|' /C calc'!A0,,unit,," + x.tax() + ",1.00,Standard Selling,true\n").getBytes(StandardCharsets.UTF_8))),
                c("import: SQL as code, one good row before it", 422, "import_refused", x -> csv(x.manager(), "/imports/catalog",
                        (HEADER + "HOSTILE-I3,Good row,,unit,," + x.tax() + ",1.00,Standard Selling,true\n\"" + SQL + "\",Bad row,,unit,," + x.tax()
                                + ",1.00,Standard Selling,true\n").getBytes(StandardCharsets.UTF_8))),
                c("import: unknown query parameter", 400, null, x -> x.manager().send("POST", "/imports/catalog?drop=1",
                        HEADER.getBytes(StandardCharsets.UTF_8), "text/csv")),
                c("import: by a viewer", 403, "forbidden", x -> csv(x.viewer(), "/imports/catalog", HEADER.getBytes(StandardCharsets.UTF_8)))));
        return all.stream().map(Arguments::of);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static Map<String, String> fingerprint(ServerLedger db) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String q : FINGERPRINT) m.put(q, db.text(q));
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedClearlyWritesNothingAndTheServerStillServes(Case k) {
        ServerLedger db = SharedEnv.ledger();
        Map<String, String> before = fingerprint(db);

        Api.Response r = k.call().apply(ctx);

        assertThat(r.status()).as(k.name() + " -> " + r).isEqualTo(k.status());
        assertThat(r.contentType()).as(k.name()).startsWith("application/json");
        assertThat(r.error()).as(k.name() + " -> " + r).isNotBlank();
        if (k.code() != null) assertThat(r.error()).as(k.name() + " -> " + r).isEqualTo(k.code());
        assertThat(r.message()).as(k.name() + " -> " + r).isNotBlank();
        assertThat(fingerprint(db)).as(k.name() + ": master data, audit, settings and pull feed").isEqualTo(before);
        assertThat(new Api(SharedEnv.server().baseUrl()).get("/health").status()).as("health after " + k.name()).isEqualTo(200);
    }

    /** SQL and script text where text is allowed (a name) is stored and returned as the very same text, never run. */
    @Test
    void sqlAndScriptTextInANameIsStoredVerbatimAndReturnedAsData() {
        String name = "Robert" + SQL + SCRIPT;
        Api.Response created = ctx.manager().post("/customers", Map.of("name", name, "phone", "+1 555 0000"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String number = created.body().path("customer").path("number").asText();
        Api.Response read = ctx.viewer().get("/customers/" + number);
        assertThat(read.body().path("name").asText()).isEqualTo(name);
        assertThat(SharedEnv.ledger().number("select count(*) from customer")).isPositive();
        Api.Response mode = ctx.manager().post("/payment-modes", Map.of("name", "Mode " + SCRIPT, "type", "other"));
        assertThat(mode.status()).as(mode.toString()).isEqualTo(201);
        assertThat(ctx.viewer().get("/payment-modes?q=" + java.net.URLEncoder.encode("<script>", StandardCharsets.UTF_8)).body()
                .path("items").get(0).path("name").asText()).isEqualTo("Mode " + SCRIPT);
    }
}
