package dev.tillsync.reliability.wire;

import dev.tillsync.reliability.chaos.SaleScript;
import dev.tillsync.reliability.env.DemoDevices;
import dev.tillsync.reliability.env.LocalPostgres;
import dev.tillsync.server.ServerOptions;
import dev.tillsync.server.TillServer;
import dev.tillsync.terminal.ExportRange;
import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.SyncSummary;
import dev.tillsync.terminal.TerminalOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Records this release's wire form as golden fixtures: a real till (terminal engine, SQLite) links to a real
 * demo-seeded server through {@link RecordingProxy}, sells three sales, exports them to a file, syncs (push, pull),
 * and uploads the file (answered duplicate: the push had them). Run once per protocol version, the output committed:
 *
 * <pre>java -cp reliability/target/classes:$(cat reliability/target/classpath.txt) dev.tillsync.reliability.wire.WireRecorder \
 *     reliability/src/test/resources/wire/protocol-2</pre>
 */
public final class WireRecorder {
    /** The device the fixtures were recorded as; a replay creates it on the server under test. */
    public static final String POS_ID = "WIRE-1";

    private WireRecorder() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: WireRecorder OUTPUT_DIR");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Path work = Files.createTempDirectory("tillsync-wire");
        List<Exchange> recorded = record(work);
        WireFixtures.write(out, recorded);
        System.out.println("recorded " + recorded.size() + " exchanges into " + out.toAbsolutePath());
        System.exit(0);
    }

    /** Sets the device up as the recording had it: demo profile, series, users (amira may export, ben may not). */
    public static String createDevice(TillServer server) {
        server.admin().createDevice(POS_ID, "Main Store", 50, POS_ID + "-", "C" + POS_ID + "-", "golden wire fixtures");
        server.admin().addDeviceUser(POS_ID, DemoDevices.CASHIER, true, true, true);
        server.admin().addDeviceUser(POS_ID, "ben@demo.shop", false, false, false);
        server.admin().addShiftUser(POS_ID, DemoDevices.CASHIER, "Morning");
        return server.admin().issueLinkCode(POS_ID);
    }

    static List<Exchange> record(Path work) throws Exception {
        try (LocalPostgres pg = LocalPostgres.start();
             TillServer server = TillServer.start(new ServerOptions(Files.createDirectories(work.resolve("server")), pg.newDatabase("wire"), 0))) {
            server.admin().seedDemo();
            String code = createDevice(server);
            try (RecordingProxy proxy = new RecordingProxy(server.baseUrl());
                 PosTerminal pos = PosTerminal.open(work.resolve("till"), TerminalOptions.defaults())) {
                pos.link(proxy.baseUrl(), code, "golden wire till");
                pos.login(DemoDevices.CASHIER, DemoDevices.PIN);
                pos.openShift(10_000, null);
                SaleScript script = new SaleScript(2026_12_04L);
                for (int i = 0; i < 3; i++) pos.recordSale(SaleScript.request(pos, script.next()));
                Path file = work.resolve("export.tillsync");
                pos.export(file, ExportRange.unsynced());
                SyncSummary s = pos.syncNow().get(60, TimeUnit.SECONDS);
                if (!s.completed()) throw new IllegalStateException("the recorded sync failed: " + s.error());
                pos.upload(file);
                return proxy.exchanges();
            }
        }
    }
}
