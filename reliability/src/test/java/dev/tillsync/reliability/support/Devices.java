package dev.tillsync.reliability.support;

import dev.tillsync.core.sync.LinkRequest;
import dev.tillsync.core.sync.LinkResponse;
import dev.tillsync.server.TillServer;
import java.util.UUID;

/** Fresh devices on the demo profile, linked through the real API, so tests never share rows. */
public final class Devices {
    public record Linked(String posId, String secret, String profileKey, String invoiceSeries, String customerSeries, Api api) {}

    private Devices() {}

    public static String create(TillServer server, String prefix) {
        String posId = prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        server.admin().createDevice(posId, "Main Store", 500, posId + "-", "C" + posId + "-", "reliability test till");
        server.admin().addDeviceUser(posId, "amira@demo.shop", true, true, true);
        server.admin().addDeviceUser(posId, "ben@demo.shop", false, false, false);
        server.admin().addShiftUser(posId, "amira@demo.shop", "Morning");
        return posId;
    }

    public static Linked linked(TillServer server, String prefix) {
        String posId = create(server, prefix);
        String code = server.admin().issueLinkCode(posId);
        Api api = new Api(server.baseUrl());
        Api.Response r = api.post("/terminal/link", new LinkRequest(code, "reliability"));
        if (r.status() != 200) throw new AssertionError("link failed: " + r);
        LinkResponse lr = r.as(LinkResponse.class);
        return new Linked(posId, lr.deviceSecret(), lr.config().profileKey(), lr.config().invoiceSeries(),
                lr.config().customerSeries(), api.device(posId, lr.deviceSecret()));
    }

    public static String token(TillServer server, String email, String password) {
        Api.Response r = new Api(server.baseUrl()).post("/auth/login", java.util.Map.of("email", email, "password", password));
        if (r.status() != 200) throw new AssertionError("login failed: " + r);
        return r.body().get("token").asText();
    }
}
