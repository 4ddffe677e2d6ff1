package dev.tillsync.reliability.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.reliability.check.ServerLedger;
import dev.tillsync.reliability.support.Api;
import dev.tillsync.reliability.support.Devices;
import dev.tillsync.reliability.support.SharedEnv;
import dev.tillsync.server.TillServer;
import dev.tillsync.server.master.customers.CustomerService;
import dev.tillsync.server.master.paymentmodes.PaymentModeService;
import dev.tillsync.server.master.profiles.ProfileService;
import dev.tillsync.server.master.shifttypes.ShiftTypeService;
import dev.tillsync.server.master.staff.StaffService;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The role matrix of the master-data API (profiles, payment modes, shift types, customers, staff, settings, items,
 * categories, taxes, price lists, catalogue import and export): every action × no token and the three roles, each
 * done for real on a target of its own. An allowed call succeeds and its effect is in the database; a refused one
 * answers 401/403 with {error, message} and the database is exactly as before. Accounts User reads; Accounts
 * Manager writes master data and cashiers; only a System Manager changes the shop's settings.
 */
class MasterDataRoleMatrixTest {
    enum Who {
        NO_TOKEN(null, null, 0), ACCOUNTS_USER("viewer@demo.shop", "viewer-pass", 1),
        ACCOUNTS_MANAGER("manager@demo.shop", "manager-pass", 2), SYSTEM_MANAGER("admin@demo.shop", "admin-pass", 3);

        final String email, password;
        final int rank;

        Who(String email, String password, int rank) {
            this.email = email;
            this.password = password;
            this.rank = rank;
        }
    }

    enum Perm {
        READ(1), WRITE(2), SETTINGS(3);
        final int rank;

        Perm(int rank) {
            this.rank = rank;
        }
    }

    /** A target made for one call: its key, and the version it is at (for updates). */
    record Target(String key, int version) {}

    /** {@code state} reads what the call would change (null for reads). */
    record Action(String name, Perm perm, Function<TillServer, Target> prepare, BiFunction<Api, Target, Api.Response> call,
                  Function<Target, String> state) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Map<Who, String> TOKENS = new EnumMap<>(Who.class);

    private static ServerLedger db() {
        return SharedEnv.ledger();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static String tax() {
        return db().text("select tax_category from item where code = 'ITEM-0001'");
    }

    private static String row(String sql, Target t) {
        return db().text("select coalesce((" + sql + "), '<none>')", t.key());
    }

    private static Target none(TillServer s) {
        return null;
    }

    private static Target newKey(String prefix) {
        return new Target(unique(prefix), 0);
    }

    private static Target paymentMode(TillServer s) {
        var m = s.services().paymentModes().create("matrix", new PaymentModeService.Spec(unique("PM"), "other", false, false, null, null));
        return new Target(m.name(), m.version());
    }

    private static Target shiftType(TillServer s) {
        var t = s.services().shiftTypes().create("matrix", new ShiftTypeService.Spec(unique("SHIFT"), "06:00", "14:00", null, null));
        return new Target(t.name(), t.version());
    }

    private static Target customer(TillServer s) {
        var c = s.services().customers().create("matrix", new CustomerService.Spec(unique("RM"), "Matrix customer", null, null, null, null, null, null));
        return new Target(c.customer().number(), c.customer().version());
    }

    /** A profile of its own (no device on it), so changing it moves no other test's profile key. */
    private static Target profile(TillServer s) {
        var p = s.services().profiles().create("matrix", new ProfileService.Spec(unique("PROFILE"), "Main Warehouse", "Standard Selling",
                List.of("Cash"), null, null, null, null, null, null, null, null, null, null, null, null));
        return new Target(p.name(), p.version());
    }

    private static Target cashier(TillServer s) {
        var c = s.services().staff().create("matrix", new StaffService.Spec("Matrix " + UUID.randomUUID().toString().substring(0, 6), null, "4321", null, null));
        return new Target(c.login(), c.version());
    }

    private static Target item(TillServer s) {
        Api.Response r = new Api(s.baseUrl()).bearer(token(Who.ACCOUNTS_MANAGER)).post("/items", itemBody(unique("RM"), "2.00"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return new Target(r.body().get("code").asText(), r.body().get("version").asInt());
    }

    private static Target category(TillServer s) {
        var c = s.services().catalogLists().saveCategory("matrix", null, new dev.tillsync.server.master.items.CatalogLists.Category(unique("CAT"), null, 0, true, null));
        return new Target(c.name(), c.version());
    }

    private static Target taxCategory(TillServer s) {
        var t = s.services().catalogLists().saveTax("matrix", null, new dev.tillsync.server.master.items.CatalogLists.Tax(unique("TAX"), "5", null));
        return new Target(t.name(), t.version());
    }

    private static Target priceList(TillServer s) {
        var p = s.services().catalogLists().savePriceList("matrix", null, new dev.tillsync.server.master.items.CatalogLists.PriceList(unique("LIST"), "USD", 2, false, null));
        return new Target(p.name(), p.version());
    }

    private static Map<String, Object> itemBody(String code, String price) {
        return Map.of("code", code, "name", "Matrix item " + code, "unit", "unit", "taxCategory", tax(),
                "prices", List.of(Map.of("priceList", "Standard Selling", "price", price)));
    }

    private static Api.Response csv(Api a, String path, String body) {
        return a.send("POST", path, body.getBytes(StandardCharsets.UTF_8), "text/csv");
    }

    private static final String ZONE_A = "Asia/Riyadh", ZONE_B = "Europe/Berlin";

    private static final List<Action> ACTIONS = List.of(
            // ---- reads (Accounts User and up)
            read("list profiles", "/profiles"), read("read a profile", "/profiles/Main%20Store"),
            read("list payment modes", "/payment-modes"), read("read a payment mode", "/payment-modes/Cash"),
            read("list shift types", "/shift-types"), read("read a shift type", "/shift-types/Morning"),
            read("list customers", "/customers?q=a&offset=0&limit=10"),
            new Action("read a customer", Perm.READ, MasterDataRoleMatrixTest::customer, (a, t) -> a.get("/customers/" + t.key()), t -> null),
            read("list staff", "/staff"),
            new Action("read a cashier", Perm.READ, MasterDataRoleMatrixTest::cashier, (a, t) -> a.get("/staff/" + t.key()), t -> null),
            read("read the settings", "/settings"), read("list time zones", "/settings/time-zones"),
            read("list items", "/items?q=pen"), read("read an item", "/items/ITEM-0001"), read("read an item's history", "/items/ITEM-0001/history"),
            read("list categories", "/categories"), read("list taxes", "/taxes"), read("list price lists", "/price-lists"),
            read("export the catalogue", "/exports/catalog"),
            // ---- writes (Accounts Manager and up), each with its effect checked
            new Action("create a payment mode", Perm.WRITE, s -> newKey("PM"), (a, t) -> a.post("/payment-modes", Map.of("name", t.key(), "type", "card")),
                    t -> row("select type from payment_mode where name = ?", t)),
            new Action("edit a payment mode", Perm.WRITE, MasterDataRoleMatrixTest::paymentMode,
                    (a, t) -> a.put("/payment-modes/" + t.key(), Map.of("requiresReference", true, "version", t.version())),
                    t -> row("select requires_reference || '/' || version from payment_mode where name = ?", t)),
            new Action("disable a payment mode", Perm.WRITE, MasterDataRoleMatrixTest::paymentMode,
                    (a, t) -> a.with("If-Match", "\"" + t.version() + "\"").put("/payment-modes/" + t.key(), Map.of("active", false)),
                    t -> row("select active::text from payment_mode where name = ?", t)),
            new Action("create a shift type", Perm.WRITE, s -> newKey("SHIFT"),
                    (a, t) -> a.post("/shift-types", Map.of("name", t.key(), "startTime", "07:00", "endTime", "15:00")),
                    t -> row("select start_time from shift_type where name = ?", t)),
            new Action("edit a shift type", Perm.WRITE, MasterDataRoleMatrixTest::shiftType,
                    (a, t) -> a.put("/shift-types/" + t.key(), Map.of("endTime", "15:30", "version", t.version())),
                    t -> row("select end_time from shift_type where name = ?", t)),
            new Action("create a customer", Perm.WRITE, s -> newKey("RM"), (a, t) -> a.post("/customers", Map.of("number", t.key(), "name", "Matrix")),
                    t -> row("select name from customer where number = ?", t)),
            new Action("edit a customer", Perm.WRITE, MasterDataRoleMatrixTest::customer,
                    (a, t) -> a.put("/customers/" + t.key(), Map.of("phone", "+1 555 0199", "version", t.version())),
                    t -> row("select coalesce(phone, '-') from customer where number = ?", t)),
            new Action("create a POS profile", Perm.WRITE, s -> newKey("PROFILE"), (a, t) -> a.post("/profiles", Map.of("name", t.key(),
                    "warehouse", "Main Warehouse", "priceList", "Standard Selling", "paymentModes", List.of("Cash"))),
                    t -> row("select warehouse from pos_profile where name = ?", t)),
            new Action("edit a POS profile", Perm.WRITE, MasterDataRoleMatrixTest::profile,
                    (a, t) -> a.put("/profiles/" + t.key(), Map.of("receiptFooter", "Matrix footer", "version", t.version())),
                    t -> row("select coalesce(receipt_footer, '-') || '/' || version from pos_profile where name = ?", t)),
            new Action("create a cashier", Perm.WRITE, s -> new Target("Matrix " + UUID.randomUUID().toString().substring(0, 6), 0),
                    (a, t) -> a.post("/staff", Map.of("name", t.key(), "pin", "2468")),
                    t -> String.valueOf(db().number("select count(*) from app_user where role = 'Cashier' and first_name || ' ' || last_name = ?", t.key()))),
            new Action("edit a cashier", Perm.WRITE, MasterDataRoleMatrixTest::cashier,
                    (a, t) -> a.put("/staff/" + t.key(), Map.of("name", "Renamed Cashier", "version", t.version())),
                    t -> row("select first_name || ' ' || last_name from app_user where login = ?", t)),
            new Action("reset a cashier's PIN", Perm.WRITE, MasterDataRoleMatrixTest::cashier,
                    (a, t) -> a.post("/staff/" + t.key() + "/pin", Map.of("pin", "97531")),
                    t -> row("select pin_hash from app_user where login = ?", t)),
            new Action("put a cashier on a till", Perm.WRITE, MasterDataRoleMatrixTest::cashier,
                    (a, t) -> a.put("/staff/" + t.key() + "/tills", Map.of("tills", List.of(Map.of("posId", Devices.create(SharedEnv.server(), "MATRIX"),
                            "canConfigurePos", false, "canExportLog", false, "canReprint", true, "shiftTypes", List.of("Morning"))))),
                    t -> row("select version::text from app_user where login = ?", t)),
            new Action("create an item", Perm.WRITE, s -> newKey("RM"), (a, t) -> a.post("/items", itemBody(t.key(), "3.00")),
                    t -> row("select name from item where code = ?", t)),
            new Action("edit an item", Perm.WRITE, MasterDataRoleMatrixTest::item,
                    (a, t) -> a.put("/items/" + t.key(), Map.of("name", "Matrix renamed", "version", t.version())),
                    t -> row("select name from item where code = ?", t)),
            new Action("disable an item", Perm.WRITE, MasterDataRoleMatrixTest::item, (a, t) -> a.delete("/items/" + t.key()),
                    t -> row("select active::text from item where code = ?", t)),
            new Action("create a category", Perm.WRITE, s -> newKey("CAT"), (a, t) -> a.post("/categories", Map.of("name", t.key())),
                    t -> row("select name from category where name = ?", t)),
            new Action("edit a category", Perm.WRITE, MasterDataRoleMatrixTest::category,
                    (a, t) -> a.put("/categories/" + t.key(), Map.of("position", 7, "version", t.version())),
                    t -> row("select position::text from category where name = ?", t)),
            new Action("create a tax category", Perm.WRITE, s -> newKey("TAX"), (a, t) -> a.post("/taxes", Map.of("name", t.key(), "ratePercent", "7.5")),
                    t -> row("select rate_bp::text from tax_category where name = ?", t)),
            new Action("edit a tax category", Perm.WRITE, MasterDataRoleMatrixTest::taxCategory,
                    (a, t) -> a.put("/taxes/" + t.key(), Map.of("ratePercent", "6", "version", t.version())),
                    t -> row("select rate_bp::text from tax_category where name = ?", t)),
            new Action("create a price list", Perm.WRITE, s -> newKey("LIST"), (a, t) -> a.post("/price-lists", Map.of("name", t.key(), "currency", "EUR", "digits", 2)),
                    t -> row("select currency from price_list where name = ?", t)),
            new Action("edit a price list", Perm.WRITE, MasterDataRoleMatrixTest::priceList,
                    (a, t) -> a.put("/price-lists/" + t.key(), Map.of("pricesIncludeTax", true, "version", t.version())),
                    t -> row("select prices_include_tax::text from price_list where name = ?", t)),
            new Action("import a catalogue", Perm.WRITE, s -> newKey("RM"),
                    (a, t) -> csv(a, "/imports/catalog", "code,name,category,unit,barcodes,tax,price,price_list,active\n" + t.key() + ",Imported " + t.key()
                            + ",,unit,," + tax() + ",1.25,Standard Selling,true\n"),
                    t -> row("select name from item where code = ?", t)),
            // ---- the shop's settings (System Manager only)
            new Action("set the shop time zone", Perm.SETTINGS, s -> new Target(s.services().settings().timeZone().getId(), 0),
                    (a, t) -> a.put("/settings", Map.of("timeZone", ZONE_A.equals(t.key()) ? ZONE_B : ZONE_A)),
                    t -> SharedEnv.server().services().settings().timeZone().getId()));

    private static Action read(String name, String path) {
        return new Action(name, Perm.READ, MasterDataRoleMatrixTest::none, (a, t) -> a.get(path), t -> null);
    }

    private static synchronized String token(Who who) {
        return TOKENS.computeIfAbsent(who, w -> Devices.token(SharedEnv.server(), w.email, w.password));
    }

    static Stream<Arguments> matrix() {
        List<Arguments> out = new ArrayList<>();
        for (Action a : ACTIONS) for (Who w : Who.values()) out.add(Arguments.of(a, w));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void roleMayOrMayNotAndARefusalChangesNothing(Action action, Who who) {
        TillServer s = SharedEnv.server();
        Api api = new Api(s.baseUrl());
        if (who.email != null) api = api.bearer(token(who));
        String zone = s.services().settings().timeZone().getId();
        Target t = action.prepare().apply(s);
        String before = t == null ? null : action.state().apply(t);
        try {
            Api.Response r = action.call().apply(api, t);

            boolean allowed = who.rank >= action.perm().rank;
            String what = action.name() + " as " + who + " -> " + r;
            if (allowed) {
                assertThat(r.status()).as(what).isBetween(200, 299);
                if (before != null) assertThat(action.state().apply(t)).as(what + ": effect in the database").isNotEqualTo(before);
            } else {
                assertThat(r.status()).as(what).isEqualTo(who == Who.NO_TOKEN ? 401 : 403);
                assertThat(r.contentType()).as(what).startsWith("application/json");
                assertThat(r.error()).as(what).isEqualTo(who == Who.NO_TOKEN ? "unauthenticated" : "forbidden");
                assertThat(r.message()).as(what).isNotBlank();
                if (before != null) assertThat(action.state().apply(t)).as(what + ": nothing changed").isEqualTo(before);
            }
        } finally {
            // The shop's zone is shared by every test on this server: put it back.
            if (!s.services().settings().timeZone().getId().equals(zone)) {
                s.services().jdbi().useTransaction(h -> s.services().settings().setTimeZone(h, zone));
            }
        }
        assertThat(new Api(s.baseUrl()).get("/health").status()).isEqualTo(200);
    }
}
