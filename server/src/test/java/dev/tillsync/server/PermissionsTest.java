package dev.tillsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.server.auth.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The role matrix on every user endpoint, for the three roles, no token and an expired token. */
class PermissionsTest {
    private final TillServer server = SharedServer.get();
    private final Http http = new Http(server.baseUrl());

    record Endpoint(String method, String path, Object body, Role min) {}

    // Targets that pass authorisation but change nothing (unknown device, invalid body), so the test is repeatable.
    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/users", null, Role.SYSTEM_MANAGER),
            new Endpoint("POST", "/users", Map.of("email", "not-an-email"), Role.SYSTEM_MANAGER),
            new Endpoint("GET", "/devices", null, Role.ACCOUNTS_USER),
            new Endpoint("GET", "/devices/POS-0001", null, Role.ACCOUNTS_USER),
            new Endpoint("POST", "/devices", Map.of("posId", "bad id with spaces"), Role.ACCOUNTS_MANAGER),
            new Endpoint("PUT", "/devices/NO-SUCH", Map.of("description", "x"), Role.ACCOUNTS_MANAGER),
            new Endpoint("DELETE", "/devices/NO-SUCH", null, Role.ACCOUNTS_MANAGER),
            new Endpoint("POST", "/devices/NO-SUCH/link-code", null, Role.ACCOUNTS_MANAGER),
            new Endpoint("POST", "/devices/NO-SUCH/unlink", Map.of("force", true), Role.ACCOUNTS_MANAGER),
            new Endpoint("GET", "/devices/POS-0001/sync-status", null, Role.ACCOUNTS_USER),
            new Endpoint("GET", "/reports/reconciliation?posId=POS-0001", null, Role.ACCOUNTS_USER),
            new Endpoint("POST", "/reports/flags/no-such-uuid/reviewed", null, Role.ACCOUNTS_MANAGER),
            new Endpoint("POST", "/imports", "not an export file", Role.ACCOUNTS_MANAGER),
            new Endpoint("GET", "/items?q=ITEM", null, Role.ACCOUNTS_USER),
            new Endpoint("POST", "/items", Map.of("code", "bad code with spaces"), Role.ACCOUNTS_MANAGER),
            new Endpoint("PUT", "/items/NO-SUCH", Map.of("version", 1), Role.ACCOUNTS_MANAGER),
            new Endpoint("DELETE", "/items/NO-SUCH", null, Role.ACCOUNTS_MANAGER),
            new Endpoint("GET", "/items/ITEM-0001/history", null, Role.ACCOUNTS_USER),
            new Endpoint("GET", "/stock?limit=1", null, Role.ACCOUNTS_USER),
            new Endpoint("GET", "/stock/movements?limit=1", null, Role.ACCOUNTS_USER),
            new Endpoint("POST", "/stock/receipts", Map.of("warehouse", "No Such"), Role.ACCOUNTS_MANAGER),
            new Endpoint("POST", "/stock/adjustments", Map.of("warehouse", "No Such"), Role.ACCOUNTS_MANAGER),
            new Endpoint("POST", "/stock/stocktakes", Map.of("warehouse", "No Such"), Role.ACCOUNTS_MANAGER),
            new Endpoint("POST", "/stock/transfers", Map.of("warehouse", "No Such"), Role.ACCOUNTS_MANAGER),
            new Endpoint("POST", "/stock/movements", Map.of("type", "receipt", "warehouse", "No Such"), Role.ACCOUNTS_MANAGER),
            new Endpoint("GET", "/warehouses", null, Role.ACCOUNTS_USER),
            new Endpoint("POST", "/warehouses", Map.of("name", ""), Role.ACCOUNTS_MANAGER),
            new Endpoint("PUT", "/warehouses/NO-SUCH", Map.of("version", 1), Role.ACCOUNTS_MANAGER),
            new Endpoint("DELETE", "/warehouses/NO-SUCH", null, Role.ACCOUNTS_MANAGER),
            new Endpoint("GET", "/categories", null, Role.ACCOUNTS_USER),
            new Endpoint("POST", "/categories", Map.of("name", ""), Role.ACCOUNTS_MANAGER),
            new Endpoint("POST", "/taxes", Map.of("name", ""), Role.ACCOUNTS_MANAGER),
            new Endpoint("POST", "/price-lists", Map.of("name", ""), Role.ACCOUNTS_MANAGER),
            new Endpoint("GET", "/invoices?day=2024-06-01", null, Role.ACCOUNTS_USER),
            new Endpoint("GET", "/invoices/NO-SUCH-INVOICE", null, Role.ACCOUNTS_USER),
            new Endpoint("GET", "/reports/daily?from=2024-06-01&to=2024-06-02", null, Role.ACCOUNTS_USER),
            new Endpoint("GET", "/reports/daily.csv?from=2024-06-01&to=2024-06-02", null, Role.ACCOUNTS_USER),
            new Endpoint("GET", "/reports/cashiers?from=2024-06-01&to=2024-06-02", null, Role.ACCOUNTS_USER),
            new Endpoint("GET", "/reports/cashiers.csv?from=2024-06-01&to=2024-06-02", null, Role.ACCOUNTS_USER),
            new Endpoint("GET", "/reports/today", null, Role.ACCOUNTS_USER),

            new Endpoint("PUT", "/categories/NO-SUCH", Map.of("version", 1), Role.ACCOUNTS_MANAGER),
            new Endpoint("GET", "/taxes", null, Role.ACCOUNTS_USER),
            new Endpoint("PUT", "/taxes/NO-SUCH", Map.of("version", 1), Role.ACCOUNTS_MANAGER),
            new Endpoint("GET", "/price-lists", null, Role.ACCOUNTS_USER),
            new Endpoint("PUT", "/price-lists/NO-SUCH", Map.of("version", 1), Role.ACCOUNTS_MANAGER),
            new Endpoint("GET", "/profiles", null, Role.ACCOUNTS_USER),
            new Endpoint("GET", "/profiles/Main%20Store", null, Role.ACCOUNTS_USER),
            new Endpoint("POST", "/profiles", Map.of("name", ""), Role.ACCOUNTS_MANAGER),
            new Endpoint("PUT", "/profiles/NO-SUCH", Map.of("version", 1), Role.ACCOUNTS_MANAGER),
            new Endpoint("GET", "/payment-modes", null, Role.ACCOUNTS_USER),
            new Endpoint("GET", "/payment-modes/Cash", null, Role.ACCOUNTS_USER),
            new Endpoint("POST", "/payment-modes", Map.of("name", ""), Role.ACCOUNTS_MANAGER),
            new Endpoint("PUT", "/payment-modes/NO-SUCH", Map.of("version", 1), Role.ACCOUNTS_MANAGER),
            new Endpoint("GET", "/shift-types", null, Role.ACCOUNTS_USER),
            new Endpoint("GET", "/shift-types/Morning", null, Role.ACCOUNTS_USER),
            new Endpoint("POST", "/shift-types", Map.of("name", ""), Role.ACCOUNTS_MANAGER),
            new Endpoint("PUT", "/shift-types/NO-SUCH", Map.of("version", 1), Role.ACCOUNTS_MANAGER),
            new Endpoint("GET", "/customers?q=a", null, Role.ACCOUNTS_USER),
            new Endpoint("GET", "/customers/NO-SUCH", null, Role.ACCOUNTS_USER),
            new Endpoint("POST", "/customers", Map.of("name", ""), Role.ACCOUNTS_MANAGER),
            new Endpoint("PUT", "/customers/NO-SUCH", Map.of("version", 1), Role.ACCOUNTS_MANAGER),
            new Endpoint("GET", "/staff", null, Role.ACCOUNTS_USER),
            new Endpoint("GET", "/staff/no.such", null, Role.ACCOUNTS_USER),
            new Endpoint("POST", "/staff", Map.of("name", ""), Role.ACCOUNTS_MANAGER),
            new Endpoint("PUT", "/staff/no.such", Map.of("version", 1), Role.ACCOUNTS_MANAGER),
            new Endpoint("POST", "/staff/no.such/pin", Map.of("pin", "2468"), Role.ACCOUNTS_MANAGER),
            new Endpoint("PUT", "/staff/no.such/tills", Map.of("tills", java.util.List.of()), Role.ACCOUNTS_MANAGER),
            new Endpoint("GET", "/settings", null, Role.ACCOUNTS_USER),
            new Endpoint("GET", "/settings/time-zones", null, Role.ACCOUNTS_USER),
            new Endpoint("PUT", "/settings", Map.of("timeZone", "No/Such_Zone"), Role.SYSTEM_MANAGER),
            new Endpoint("GET", "/exports/catalog", null, Role.ACCOUNTS_USER),
            new Endpoint("POST", "/imports/catalog?dryRun=true", "code,name\n", Role.ACCOUNTS_MANAGER),
            new Endpoint("POST", "/imports/stock?dryRun=true", "not a stock file", Role.ACCOUNTS_MANAGER),
            new Endpoint("GET", "/exports/stock", null, Role.ACCOUNTS_USER),
            new Endpoint("POST", "/imports/customers?dryRun=true", "not a customers file", Role.ACCOUNTS_MANAGER),
            new Endpoint("GET", "/exports/customers", null, Role.ACCOUNTS_USER));

    private static final Map<Role, String[]> LOGINS = Map.of(
            Role.ACCOUNTS_USER, new String[] {"viewer@demo.shop", "viewer-pass"},
            Role.ACCOUNTS_MANAGER, new String[] {"manager@demo.shop", "manager-pass"},
            Role.SYSTEM_MANAGER, new String[] {"admin@demo.shop", "admin-pass"});

    private Http.Response call(Http h, Endpoint e) {
        return switch (e.method()) {
            case "GET" -> h.get(e.path());
            case "DELETE" -> h.delete(e.path());
            case "PUT" -> h.put(e.path(), e.body());
            default -> h.post(e.path(), e.body());
        };
    }

    @Test
    void everyEndpointEnforcesTheRoleMatrix() {
        for (Role role : Role.values()) {
            String token = Fixtures.token(server, LOGINS.get(role)[0], LOGINS.get(role)[1]);
            for (Endpoint e : ENDPOINTS) {
                Http.Response r = call(http.bearer(token), e);
                String what = role.label() + " " + e.method() + " " + e.path() + " -> " + r.raw();
                if (role.atLeast(e.min())) {
                    assertThat(r.status()).as(what).isNotIn(401, 403).isLessThan(500);
                } else {
                    assertThat(r.status()).as(what).isEqualTo(403);
                    assertThat(r.error()).as(what).isEqualTo("forbidden");
                }
            }
        }
    }

    @Test
    void missingWrongOrExpiredTokenIsUnauthenticated() {
        for (Endpoint e : ENDPOINTS) {
            Http.Response none = call(http, e);
            assertThat(none.status()).as(e.path()).isEqualTo(401);
            assertThat(none.body().get("message").asText()).isNotBlank();
            assertThat(call(http.bearer("deadbeef"), e).status()).as(e.path()).isEqualTo(401);
        }
        server.admin().addUser("short-lived@demo.shop", "Accounts User", "short-lived-pass", null, null, null);
        String token = Fixtures.token(server, "short-lived@demo.shop", "short-lived-pass");
        assertThat(http.bearer(token).get("/devices").status()).isEqualTo(200);
        long id = server.services().jdbi().withHandle(h -> h.createQuery("select id from app_user where email = 'short-lived@demo.shop'").mapTo(Long.class).one());
        server.services().tokens().expireAll(id);
        Http.Response expired = http.bearer(token).get("/devices");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.error()).isEqualTo("token_expired");
    }

    @Test
    void wrongPasswordIsRefusedAndSystemManagerManagesUsers() {
        Http.Response bad = http.post("/auth/login", Map.of("email", "admin@demo.shop", "password", "nope-nope"));
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.error()).isEqualTo("invalid_credentials");
        String admin = Fixtures.token(server, "admin@demo.shop", "admin-pass");
        Http.Response created = http.bearer(admin).post("/users", Map.of("email", "clerk@demo.shop", "role", "Accounts Manager",
                "password", "clerk-pass-1", "firstName", "Robert'); DROP TABLE app_user;--"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.raw()).doesNotContain("password");
        assertThat(http.bearer(admin).post("/users", Map.of("email", "clerk@demo.shop", "role", "Accounts User", "password", "clerk-pass-1"))
                .error()).isEqualTo("user_exists");
        Http.Response list = http.bearer(admin).get("/users");
        assertThat(list.raw()).contains("clerk@demo.shop").contains("DROP TABLE").doesNotContain("$2");
        assertThat(Fixtures.token(server, "clerk@demo.shop", "clerk-pass-1")).isNotBlank();
    }
}
