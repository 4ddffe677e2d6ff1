package dev.tillsync.terminal.support;

import dev.tillsync.server.ServerOptions;
import dev.tillsync.server.TillServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real TillServer (embedded PostgreSQL) per test JVM, seeded with the demo; each test links its own fresh
 * device so tests do not see each other's rows.
 */
public final class SharedServer {
    private static TillServer server;
    private static final AtomicInteger NEXT_DEVICE = new AtomicInteger(100);

    private SharedServer() {}

    public static synchronized TillServer get() {
        if (server == null) {
            try {
                Path dir = Files.createTempDirectory("tillsync-e2e-server");
                server = TillServer.start(new ServerOptions(dir, null, 0));
                server.admin().seedDemo();
                TillServer s = server;
                Runtime.getRuntime().addShutdownHook(new Thread(s::close));
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the test server", e);
            }
        }
        return server;
    }

    /** A new device on the demo profile with amira and ben as users; returns its POS ID and a link code. */
    public static Device newDevice(int rowsPerRequest) {
        TillServer s = get();
        String posId = String.format("POS-%04d", NEXT_DEVICE.incrementAndGet());
        s.admin().createDevice(posId, "Main Store", rowsPerRequest, posId + "-", "CUST-" + posId.substring(4) + "-", "e2e");
        s.admin().addDeviceUser(posId, "amira@demo.shop", true, true, true);
        s.admin().addDeviceUser(posId, "ben@demo.shop", false, false, false);
        s.admin().addShiftUser(posId, "amira@demo.shop", "Morning");
        return new Device(posId, s.admin().issueLinkCode(posId));
    }

    public record Device(String posId, String code) {}

    /** A number from the server's database (read-only checks). */
    public static long count(String sql, Object... args) {
        try (Connection c = get().dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static long serverInvoices(String posId) {
        return count("select count(*) from sales_invoice i join pos_offline d on d.id = i.device_id where d.pos_id = ?", posId);
    }

    public static long serverGrandTotal(String posId) {
        return count("select coalesce(sum(grand_total_minor), 0) from sales_invoice i join pos_offline d on d.id = i.device_id where d.pos_id = ?", posId);
    }
}
