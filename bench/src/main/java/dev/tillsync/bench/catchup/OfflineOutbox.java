package dev.tillsync.bench.catchup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tillsync.bench.env.BenchServer;
import dev.tillsync.bench.env.BenchTerminal;
import dev.tillsync.bench.env.SaleFactory;
import dev.tillsync.core.sync.RowKind;
import dev.tillsync.core.sync.SyncRow;
import dev.tillsync.terminal.Item;
import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.UserSession;
import dev.tillsync.terminal.sale.SaleRecorder;
import dev.tillsync.core.json.Json;
import dev.tillsync.terminal.store.TerminalStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A snapshot pair: a stopped server (folder) and a linked terminal holding many offline sales in its outbox,
 * made through the engine (SaleRecorder, one transaction per sale). Restarting copies of both gives a fresh
 * server and the same backlog for every variant and round.
 */
public final class OfflineOutbox {
    public record Snapshot(Path serverDir, Path terminalDir, String posId, String profileKey, String secret, int invoices,
                           double generateSeconds, List<SyncRow> rows) {}

    /** Records up to {@code invoices} offline sales, stopping early when {@code budget} is spent. */
    public static Snapshot make(Path dir, String posId, int invoices, Duration budget) throws SQLException {
        Path serverDir = dir.resolve("server");
        Path terminalDir = dir.resolve("terminal");
        try (BenchServer server = stocked(BenchServer.startSeeded(serverDir), invoices);
             PosTerminal pos = BenchTerminal.linkAndOpen(server, posId, terminalDir)) {
            List<Item> items = BenchTerminal.items(pos, BenchServer.demoItemCodes());
            UserSession cashier = pos.currentUser().orElseThrow();
            SaleRecorder recorder = BenchTerminal.commitOnly(terminalDir);
            SaleFactory f = new SaleFactory(items, 42);
            long t0 = System.nanoTime();
            Instant deadline = Instant.now().plus(budget);
            int made = 0;
            while (made < invoices && (made % 100 != 0 || Instant.now().isBefore(deadline))) {
                recorder.recordSale(cashier, f.next().request(), true);
                made++;
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            List<SyncRow> rows = readOutbox(terminalDir);
            String plk = profileKey(terminalDir);
            return new Snapshot(serverDir, terminalDir, posId, plk, BenchTerminal.secret(terminalDir), made, secs, rows);
        }
    }

    /**
     * Gives every item enough stock for the whole backlog (the demo's 50-500 units would run out after a few
     * thousand sales): a shop's back office receives stock as it sells, and a catch-up where every row goes
     * below zero would measure review flags, not the sync.
     */
    private static BenchServer stocked(BenchServer server, int invoices) {
        server.stockEveryItem(Math.max(1_000_000L, invoices * 100L));
        return server;
    }

    /** The outbox rows as they would travel (oldest first). */
    static List<SyncRow> readOutbox(Path terminalDir) throws SQLException {
        ObjectMapper json = Json.mapper();
        List<SyncRow> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + terminalDir.resolve(TerminalStore.FILE_NAME));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select seq, uuid, kind, created_at, payload from outbox order by seq")) {
            while (rs.next()) {
                JsonNode payload = json.readTree(rs.getString(5));
                rows.add(new SyncRow(rs.getString(2), rs.getLong(1), RowKind.fromWire(rs.getString(3)), Instant.parse(rs.getString(4)), payload));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable outbox payload", e);
        }
        return rows;
    }

    static String profileKey(Path terminalDir) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + terminalDir.resolve(TerminalStore.FILE_NAME));
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select config_json from device where id = 1")) {
            rs.next();
            return Json.mapper().readTree(rs.getString(1)).path("profileKey").asText(null);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable device config", e);
        }
    }
}
