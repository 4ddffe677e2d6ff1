package dev.tillsync.reliability.env;

import dev.tillsync.server.TillServer;
import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.TerminalOptions;
import java.nio.file.Path;
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

    /**
     * A till ready to sell as {@code dev}: its store in {@code dir}/POS_ID, linked to {@code server}, the demo cashier
     * logged in, a shift open with a 100.00 float. Closed again when a step fails.
     */
    public static PosTerminal openSelling(TillServer server, NewDevice dev, Path dir, TerminalOptions opts, String label) {
        PosTerminal pos = PosTerminal.open(dir.resolve(dev.posId()), opts);
        try {
            pos.link(server.baseUrl(), dev.linkCode(), label);
            pos.login(CASHIER, PIN);
            pos.openShift(10_000, null);
            return pos;
        } catch (RuntimeException e) {
            pos.close();
            throw e;
        }
    }
}
