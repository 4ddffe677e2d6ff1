package dev.tillsync.reliability.env;

import dev.tillsync.server.TillServer;
import java.util.UUID;

/** Fresh devices on the demo profile (amira 1234 may sell and export, ben 5678 may sell), so runs never share rows. */
public final class DemoDevices {
    public static final String WAREHOUSE = "Main Warehouse";
    public static final String CASHIER = "amira@demo.shop";
    public static final String PIN = "1234";

    public record NewDevice(String posId, String linkCode) {}

    private DemoDevices() {}

    public static NewDevice create(TillServer server, String prefix, int rowsPerRequest) {
        String posId = prefix + "-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        server.admin().createDevice(posId, "Main Store", rowsPerRequest, posId + "-", "C" + posId + "-", "reliability run");
        server.admin().addDeviceUser(posId, CASHIER, true, true, true);
        server.admin().addDeviceUser(posId, "ben@demo.shop", false, false, false);
        server.admin().addShiftUser(posId, CASHIER, "Morning");
        return new NewDevice(posId, server.admin().issueLinkCode(posId));
    }
}
