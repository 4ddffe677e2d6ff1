package dev.tillsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.core.auth.Secrets;
import dev.tillsync.core.sync.Change;
import dev.tillsync.core.sync.LinkRequest;
import dev.tillsync.core.sync.LinkResponse;
import dev.tillsync.core.sync.PullPage;
import dev.tillsync.core.sync.PushBatch;
import dev.tillsync.core.sync.PushResult;
import dev.tillsync.core.sync.SyncHeaders;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The shop-setup API (profiles, payment modes, shift types, customers, staff, settings) through the real HTTP entry point and a linked device's pull. */
class ShopSetupApiTest {
    private final TillServer server = SharedServer.get();
    private final Http http = new Http(server.baseUrl());
    private final Http manager = http.bearer(Fixtures.token(server, "manager@demo.shop", "manager-pass"));
    private final Http viewer = http.bearer(Fixtures.token(server, "viewer@demo.shop", "viewer-pass"));
    private final Http admin = http.bearer(Fixtures.token(server, "admin@demo.shop", "admin-pass"));

    private static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 6);
    }

    private record Till(String posId, String secret, String profileKey, Http http) {}

    /** A device on {@code profile}, linked over HTTP; its pulls ask for the master-v2 shapes. */
    private Till till(String profile) {
        String posId = "POS-S" + UUID.randomUUID().toString().substring(0, 6);
        server.admin().createDevice(posId, profile, 500, posId + "-", "C" + posId + "-", "setup test till");
        Http.Response r = http.post("/terminal/link", new LinkRequest(server.admin().issueLinkCode(posId), "test"));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        LinkResponse lr = r.as(LinkResponse.class);
        return new Till(posId, lr.deviceSecret(), lr.config().profileKey(),
                http.device(posId, lr.deviceSecret()).with(SyncHeaders.FEATURES, SyncHeaders.MASTER_V2));
    }

    private static Map<String, Change> pullAll(Till t) {
        Map<String, Change> all = new HashMap<>();
        String cursor = null;
        PullPage page;
        do {
            page = t.http().get("/sync/pull?limit=5000" + (cursor == null ? "" : "&cursor=" + cursor)).as(PullPage.class);
            for (Change c : page.changes()) all.put(c.entity() + "|" + c.key(), c);
            cursor = page.nextCursor();
        } while (page.hasMore());
        return all;
    }

    private String newProfile() {
        String name = "Setup-" + UUID.randomUUID().toString().substring(0, 6);
        Http.Response r = manager.post("/profiles", Map.of("name", name, "warehouse", "Main Warehouse", "priceList", "Standard Selling",
                "paymentModes", List.of("Cash", "Card"), "cashRounding", "0.05", "maxDiscountPercent", "12.5"));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(r.body().get("cashRoundingMinor").asLong()).isEqualTo(5);
        assertThat(r.body().get("maxDiscountBp").asInt()).isEqualTo(1250);
        assertThat(r.body().get("pullIntervalSeconds").asInt()).isEqualTo(60);
        return name;
    }

    @Test
    void aProfileChangeMovesTheDevicesKeyFlagsAnOldKeyPushAndReachesTheTill() {
        String profile = newProfile();
        Till t = till(profile);
        Http.Response changed = manager.put("/profiles/" + profile, Map.of("receiptHeader", "Welcome to the new shop", "version", 1,
                "pullIntervalSeconds", 30, "scaleLayout", Map.of("prefix", "21", "itemDigits", 5, "valueDigits", 5, "valueDecimals", 3, "kind", "weight")));
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.body().get("version").asInt()).isEqualTo(2);

        Http.Response stale = manager.put("/profiles/" + profile, Map.of("receiptFooter", "x", "version", 1));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.error()).isEqualTo("stale_version");
        Http.Response staleIfMatch = manager.with("If-Match", "\"1\"").put("/profiles/" + profile, Map.of("receiptFooter", "x"));
        assertThat(staleIfMatch.status()).isEqualTo(409);

        String newKey = manager.get("/devices/" + t.posId()).body().get("profilePlk").asText();
        assertThat(newKey).isNotEqualTo(t.profileKey());
        Map<String, Change> pulled = pullAll(t);
        assertThat(pulled.get("device|" + t.posId()).data().get("profileKey").asText()).isEqualTo(newKey);
        var p = pulled.get("profile|" + profile).data();
        assertThat(p.get("profileKey").asText()).isEqualTo(newKey);
        assertThat(p.get("receiptHeader").asText()).isEqualTo("Welcome to the new shop");
        assertThat(p.get("pullIntervalSeconds").asInt()).isEqualTo(30);
        assertThat(p.get("scaleLayout").get("prefix").asText()).isEqualTo("21");
        assertThat(p.get("cashRoundingMinor").asLong()).isEqualTo(5);

        Fixtures.Linked old = new Fixtures.Linked(t.posId(), t.secret(), t.profileKey(), t.posId() + "-", "C" + t.posId() + "-", t.http());
        PushResult r = t.http().post("/sync/push", new PushBatch(t.posId(), t.profileKey(), List.of(Fixtures.penSale(old, 1, 1, 1)))).as(PushResult.class);
        assertThat(r.results().get(0).review()).isTrue();
        assertThat(r.results().get(0).message()).contains("profile key");

        Http.Response disable = manager.put("/profiles/" + profile, Map.of("active", false, "version", 2));
        assertThat(disable.status()).isEqualTo(409);
        assertThat(disable.error()).isEqualTo("profile_in_use");
        assertThat(disable.body().get("message").asText()).contains(t.posId());
    }

    @Test
    void aNewCashierWithAPinAppearsOnTheAssignedTillAndLeavesItWhenDisabled() {
        String name = unique("Lina Park");
        Http.Response created = manager.post("/staff", Map.of("name", name, "pin", "4321"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String login = created.body().get("login").asText();
        assertThat(login).matches("lina\\.park\\.[a-z0-9]+");
        assertThat(created.raw()).doesNotContain("4321").doesNotContain("$2");
        Http.Response twin = manager.post("/staff", Map.of("name", name, "pin", "1111"));
        assertThat(twin.body().get("login").asText()).isEqualTo(login + "2");

        Till t = till("Main Store");
        Http.Response assigned = manager.put("/staff/" + login + "/tills", Map.of("tills", List.of(Map.of("posId", t.posId(),
                "canConfigurePos", false, "canExportLog", false, "canReprint", true, "shiftTypes", List.of("Morning")))));
        assertThat(assigned.status()).as(assigned.raw()).isEqualTo(200);
        assertThat(manager.get("/staff/" + login).body().get("tills").get(0).get("canReprint").asBoolean()).isTrue();

        Map<String, Change> pulled = pullAll(t);
        var user = pulled.get("device_user|" + login).data();
        assertThat(user.get("email").asText()).isEqualTo(login);
        assertThat(user.get("canReprint").asBoolean()).isTrue();
        assertThat(Secrets.bcryptMatches("4321", user.get("pinHash").asText())).isTrue();
        assertThat(pulled).containsKey("shift_user|" + login + "/Morning");

        Http.Response reset = manager.post("/staff/" + login + "/pin", Map.of("pin", "98765"));
        assertThat(reset.status()).isEqualTo(200);
        assertThat(Secrets.bcryptMatches("98765", pullAll(t).get("device_user|" + login).data().get("pinHash").asText())).isTrue();

        // A cashier never signs in to the console or the API, with or without an email.
        assertThat(http.post("/auth/login", Map.of("email", login, "password", "4321")).status()).isEqualTo(401);

        int version = manager.get("/staff/" + login).body().get("version").asInt();
        assertThat(manager.put("/staff/" + login, Map.of("active", false, "version", version)).status()).isEqualTo(200);
        Map<String, Change> after = pullAll(t);
        assertThat(after.get("device_user|" + login).deleted()).isTrue();
        assertThat(after.get("shift_user|" + login + "/Morning").deleted()).isTrue();
    }

    @Test
    void customersGetBackOfficeNumbersWarnOfADuplicatePhoneAndRefuseAStaleEdit() {
        String phone = "+1 555 " + (int) (Math.random() * 1_000_000);
        Http.Response a = manager.post("/customers", Map.of("name", unique("Customer"), "phone", phone, "taxNumber", "310000000000003"));
        assertThat(a.status()).as(a.raw()).isEqualTo(201);
        String number = a.body().get("customer").get("number").asText();
        assertThat(number).startsWith("CUST-BO-");
        Http.Response b = manager.post("/customers", Map.of("name", unique("Customer"), "phone", phone));
        assertThat(b.body().get("samePhone").get(0).asText()).isEqualTo(number);
        assertThat(manager.get("/customers?q=" + number + "&limit=5").body().get("items").get(0).get("number").asText()).isEqualTo(number);
        assertThat(manager.with("If-Match", "1").put("/customers/" + number, Map.of("email", "a@b.c")).status()).isEqualTo(200);
        Http.Response stale = manager.with("If-Match", "1").put("/customers/" + number, Map.of("email", "x@b.c"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.error()).isEqualTo("stale_version");
    }

    @Test
    void paymentModesAndShiftTypesAreValidatedAndPublished() {
        String mode = unique("Voucher");
        assertThat(manager.post("/payment-modes", Map.of("name", mode, "type", "other", "requiresReference", true)).status()).isEqualTo(201);
        assertThat(manager.post("/payment-modes", Map.of("name", unique("Bad"), "type", "cheque")).error()).isEqualTo("invalid_type");
        String shift = unique("Night");
        assertThat(manager.post("/shift-types", Map.of("name", shift, "startTime", "25:00", "endTime", "06:00")).error()).isEqualTo("invalid_time");
        assertThat(manager.post("/shift-types", Map.of("name", shift, "startTime", "23:00", "endTime", "06:00")).status()).isEqualTo(201);
        Till t = till("Main Store");
        assertThat(pullAll(t)).containsKey("shift_type|" + shift);
    }

    @Test
    void rolesAreEnforcedAndHostileInputIsRefusedWithAMessage() {
        assertThat(viewer.get("/staff").status()).isEqualTo(200);
        assertThat(viewer.get("/profiles").status()).isEqualTo(200);
        assertThat(viewer.post("/staff", Map.of("name", "Nope", "pin", "1234")).status()).isEqualTo(403);
        assertThat(viewer.post("/customers", Map.of("name", "Nope")).status()).isEqualTo(403);
        assertThat(http.get("/customers").status()).isEqualTo(401);
        assertThat(manager.put("/settings", Map.of("timeZone", "Asia/Riyadh")).status()).isEqualTo(403);
        assertThat(admin.put("/settings", Map.of("timeZone", "Mars/Olympus")).error()).isEqualTo("invalid_time_zone");
        assertThat(admin.put("/settings", Map.of("timeZone", "UTC")).status()).isEqualTo(200);
        assertThat(viewer.get("/settings").body().get("timeZone").asText()).isEqualTo("UTC");

        assertThat(manager.post("/staff", Map.of("name", "=HYPERLINK(\"x\")", "pin", "1234")).error()).isEqualTo("invalid_name");
        assertThat(manager.post("/staff", Map.of("name", "Pin Less", "pin", "12ab")).error()).isEqualTo("invalid_pin");
        assertThat(manager.post("/staff", Map.of("name", "Odd", "pin", "1234", "role", "System Manager")).status()).isEqualTo(400);
        assertThat(manager.post("/profiles", Map.of("name", unique("Bad scale"), "warehouse", "Main Warehouse", "priceList", "Standard Selling",
                "paymentModes", List.of("Cash"), "scaleLayout", Map.of("prefix", "21", "itemDigits", 5, "valueDigits", 6, "valueDecimals", 3, "kind", "weight")))
                .error()).isEqualTo("invalid_scale_layout");
        assertThat(manager.post("/profiles", Map.of("name", unique("Bad rounding"), "warehouse", "Main Warehouse", "priceList", "Standard Selling",
                "paymentModes", List.of("Cash"), "cashRounding", "0.001")).error()).isEqualTo("invalid_price");
        assertThat(manager.get("/customers?limit=100000").error()).isEqualTo("invalid_limit");
        assertThat(manager.get("/customers?q=%25'%3B--").status()).isEqualTo(200);
    }
}
