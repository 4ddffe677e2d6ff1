package dev.tillsync.bench.env;

import dev.tillsync.server.ServerOptions;
import dev.tillsync.server.TillServer;
import dev.tillsync.server.admin.DemoSeed;
import dev.tillsync.server.admin.ServerAdmin;
import dev.tillsync.server.device.DeviceView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

/** A real TillServer on embedded PostgreSQL under a bench folder, with the admin operations the benchmarks need. */
public final class BenchServer implements AutoCloseable {
    public static final String CASHIER = "amira@demo.shop";
    public static final String PIN = "1234";

    private final Path dir;
    private final TillServer server;

    private BenchServer(Path dir, TillServer server) {
        this.dir = dir;
        this.server = server;
    }

    /** Starts on {@code dir} (an existing server folder is reused as it is: that is how snapshots restart). */
    public static BenchServer start(Path dir) {
        try {
            Files.createDirectories(dir);
            return new BenchServer(dir, TillServer.start(new ServerOptions(dir, null, 0)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the server on " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Starts a fresh server with the demo catalogue (users, profile, 200 items, POS-0001). */
    public static BenchServer startSeeded(Path dir) {
        BenchServer s = start(dir);
        s.admin().seedDemo();
        return s;
    }

    public TillServer server() {
        return server;
    }

    public ServerAdmin admin() {
        return server.admin();
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public Path dir() {
        return dir;
    }

    /** Sets every demo item's stock level to {@code qty} (stock received on the server), published to the pull feed. */
    public void stockEveryItem(long qty) {
        var services = server.services();
        services.jdbi().useTransaction(h -> {
            for (String code : demoItemCodes()) services.catalog().setStockMilli(h, DemoSeed.WAREHOUSE, code, qty * 1000L);
        });
    }

    /** A device in the demo profile that the demo cashier may use, pushing at most {@code rows} rows per request. */
    public void createDevice(String posId, int rows) {
        admin().createDevice(posId, DemoSeed.PROFILE, rows, null, null, "bench terminal");
        admin().addDeviceUser(posId, CASHIER, true, true, true);
        admin().addShiftUser(posId, CASHIER, "Morning");
    }

    /** Changes sync_rows_per_request through the device registry (what PUT /api/v1/devices/{posId} does). */
    public void setRowsPerRequest(String posId, int rows) {
        admin().updateDevice(posId, new DeviceView(null, null, null, null, rows, null, null, null, null, null, null));
    }

    /** Connections open on the PostgreSQL server right now (every backend, including ours). */
    public int pgConnections() {
        try (Connection c = server.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from pg_stat_activity where backend_type = 'client backend'")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count PostgreSQL connections: " + e.getMessage(), e);
        }
    }

    /** CPU time (user + system) of the embedded PostgreSQL postmaster and its live backends, from /proc; -1 if unknown. */
    public long postgresCpuNanos() {
        try {
            Path pidFile = dir.resolve("pg").resolve("postmaster.pid");
            if (!Files.exists(pidFile)) return -1;
            long postmaster = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            long ticks = 0;
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                for (Path p : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                    try {
                        String stat = Files.readString(p.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        long pid = Long.parseLong(p.getFileName().toString());
                        long ppid = Long.parseLong(f[1]);
                        if (pid == postmaster || ppid == postmaster) {
                            // utime, stime, cutime, cstime (fields 14-17): exited backends are counted in the postmaster's c* times
                            ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
                        }
                    } catch (IOException | RuntimeException ignored) {
                        // a process that ended while we read /proc
                    }
                }
            }
            return ticks * 10_000_000L; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        server.close();
    }

    /** Item codes of the demo catalogue (ITEM-0001 .. ITEM-0200). */
    public static List<String> demoItemCodes() {
        return java.util.stream.IntStream.rangeClosed(1, DemoSeed.ITEM_COUNT).mapToObj(i -> String.format("ITEM-%04d", i)).toList();
    }
}
