package dev.tillsync.desktop.engine;

import dev.tillsync.terminal.store.DeviceRepo;
import dev.tillsync.terminal.store.DeviceState;
import dev.tillsync.terminal.store.TerminalStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;

/**
 * Read-only facts the PosTerminal facade does not expose yet: the device users (for the login list), the
 * printer target and the invoice series; and the codes of items matching a search text, because
 * PosTerminal.searchItems currently fails on every call (its LIKE ... ESCAPE '\' confuses JDBI's parameter
 * parsing, so LIMIT receives the text: SQLITE_MISMATCH). Reads the engine's store through a read-only connection; it never
 * writes. To be replaced by facade methods (see the desktop report: facade gaps).
 */
final class DeviceFacts {
    private final Jdbi jdbi;

    DeviceFacts(Path dataDir) {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setReadOnly(true);
        cfg.setBusyTimeout(5000);
        String url = "jdbc:sqlite:" + dataDir.resolve(TerminalStore.FILE_NAME).toAbsolutePath();
        this.jdbi = Jdbi.create(() -> cfg.createConnection(url));
    }

    List<DeviceUser> users() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT email, trim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')) AS name
                        FROM device_user ORDER BY name, email""")
                .map((rs, ctx) -> new DeviceUser(rs.getString("email"),
                        rs.getString("name").isBlank() ? rs.getString("email") : rs.getString("name")))
                .list());
    }

    /** Codes of active items whose code, name or barcode contains {@code text}, case-insensitive, in code order. */
    List<String> searchItemCodes(String text, int limit) {
        String like = "%" + (text == null ? "" : text.trim().toLowerCase().replace("!", "!!").replace("%", "!%").replace("_", "!_")) + "%";
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT i.code FROM item i
                        WHERE i.active = 1 AND (lower(i.code) LIKE :like ESCAPE '!' OR lower(i.name) LIKE :like ESCAPE '!'
                           OR EXISTS (SELECT 1 FROM item_barcode b WHERE b.item_code = i.code AND b.barcode LIKE :like ESCAPE '!'))
                        ORDER BY i.code LIMIT :limit""")
                .bind("like", like).bind("limit", limit).mapTo(String.class).list());
    }

    private Optional<DeviceState> device() {
        return jdbi.withHandle(DeviceRepo::load);
    }

    String printerTarget() {
        return device().map(DeviceState::printerTarget).orElse(null);
    }

    String invoiceSeries() {
        return device().map(d -> d.config().invoiceSeries()).orElse(null);
    }
}
