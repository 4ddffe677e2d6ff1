package dev.tillsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The roles declared on the routes: who may call what, checked once before the handler, and only on a route that exists. */
class RouteRolesTest {
    private final TillServer server = SharedServer.get();
    private final Http http = new Http(server.baseUrl());

    @Test
    void openRoutesNeedNoCredentialsAndUnknownRoutesAreNotFoundBeforeAnyCheck() {
        assertThat(http.get("/health").status()).isEqualTo(200);
        assertThat(http.post("/auth/login", Map.of("email", "viewer@demo.shop", "password", "viewer-pass")).status()).isEqualTo(200);
        Http.Response link = http.post("/terminal/link", Map.of("code", "NOPE-NOPE"));
        assertThat(link.status()).as(link.raw()).isEqualTo(400);
        assertThat(link.error()).isEqualTo("invalid_link_code");
        Http.Response unknown = http.get("/devices/POS-0001/no-such-thing");
        assertThat(unknown.status()).as(unknown.raw()).isEqualTo(404);
        assertThat(unknown.error()).isEqualTo("not_found");
    }

    @Test
    void deviceRoutesWantADeviceAndImportsTakeADeviceOrAManager() {
        String viewer = Fixtures.token(server, "viewer@demo.shop", "viewer-pass");
        Http.Response pull = http.bearer(viewer).get("/sync/pull");
        assertThat(pull.status()).as(pull.raw()).isEqualTo(401);
        assertThat(pull.error()).isEqualTo("device_auth_failed");

        Http.Response byViewer = http.bearer(viewer).postBytes("/imports", new byte[] {1, 2, 3}, "application/octet-stream");
        assertThat(byViewer.status()).as(byViewer.raw()).isEqualTo(403);
        assertThat(byViewer.error()).isEqualTo("forbidden");

        Fixtures.Linked d = Fixtures.linkedDevice(server, 500);
        Http.Response byDevice = d.http().postBytes("/imports", new byte[] {1, 2, 3}, "application/octet-stream");
        assertThat(byDevice.status()).as(byDevice.raw()).isNotIn(401, 403).isBetween(400, 499);
        Http.Response byForgedDevice = http.device(d.posId(), "0".repeat(64)).postBytes("/imports", new byte[] {1, 2, 3}, "application/octet-stream");
        assertThat(byForgedDevice.status()).as(byForgedDevice.raw()).isEqualTo(401);
        assertThat(byForgedDevice.error()).isEqualTo("device_auth_failed");
    }
}
