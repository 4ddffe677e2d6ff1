package dev.tillsync.terminal.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tillsync.core.master.DeviceConfig;
import dev.tillsync.core.sync.ConnectionStatus;
import dev.tillsync.terminal.TerminalException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The device row and the device secret file (DIR/device.secret, owner-only 0600, never in the database). */
public final class DeviceRepo {
    public static final String SECRET_FILE = "device.secret";
    private static final ObjectMapper JSON = dev.tillsync.core.json.Json.mapper();
    private static final ParsedJson<DeviceConfig> CONFIG = new ParsedJson<>(JSON, DeviceConfig.class);

    private final TerminalStore store;

    public DeviceRepo(TerminalStore store) {
        this.store = store;
    }

    public Optional<DeviceState> load() {
        return store.read(DeviceRepo::load);
    }

    public static Optional<DeviceState> load(Handle h) {
        return h.createQuery("select pos_id, server_url, connection_status, config_json, printer_target, server_pin from device where id = 1")
                .map((rs, ctx) -> new DeviceState(rs.getString("pos_id"), rs.getString("server_url"),
                        ConnectionStatus.fromLabel(rs.getString("connection_status")),
                        readConfig(rs.getString("config_json")), rs.getString("printer_target"), rs.getString("server_pin")))
                .findOne();
    }

    /** True when this data folder holds a linked (or unlinking) device. */
    public boolean isLinked() {
        return load().map(d -> d.connectionStatus() != ConnectionStatus.UNLINKED).orElse(false);
    }

    /** The device, or a clear refusal when this data folder was never linked. */
    public DeviceState require() {
        return load().orElseThrow(DeviceRepo::notLinked);
    }

    /** The device, or the not-linked refusal, read in the caller's transaction. */
    public static DeviceState requireExisting(Handle h) {
        return load(h).orElseThrow(DeviceRepo::notLinked);
    }

    /** The device if it may record new transactions (sales, returns, shifts, customers); read in the caller's transaction. */
    public static DeviceState requireActive(Handle h) {
        DeviceState d = requireExisting(h);
        if (d.connectionStatus() == ConnectionStatus.UNLINK_IN_PROGRESS) {
            throw new TerminalException("unlink_in_progress", "No new sales: this till is being unlinked by the back office; "
                    + "it is sending its last sales. Once every recorded transaction has reached the server (terminal sync, or "
                    + "terminal run while the line is up) the till confirms and locks itself; a manager gives it a new link code "
                    + "to sell here again.");
        }
        if (d.connectionStatus() == ConnectionStatus.UNLINKED) {
            throw new TerminalException("terminal_unlinked", "This terminal was unlinked by the back office and is locked. "
                    + "Ask a manager for a new link code to use it again.");
        }
        return d;
    }

    /** {@link #requireActive(Handle)} on a read of its own. */
    public DeviceState requireActive() {
        return store.read(DeviceRepo::requireActive);
    }

    /** The refusal for a data folder that holds no device: what to do first. */
    public static TerminalException notLinked() {
        return new TerminalException("not_linked",
                "This terminal is not linked. Ask a manager for a link code and run: terminal link --server URL --code CODE");
    }

    public static void insert(Handle h, String serverUrl, DeviceConfig config, Instant now) {
        insert(h, serverUrl, config, now, null);
    }

    /** {@code pin}: the server certificate linked with (sha256:HEX), or null. A link again replaces the old pin. */
    public static void insert(Handle h, String serverUrl, DeviceConfig config, Instant now, String pin) {
        h.createUpdate("""
                insert into device (id, pos_id, server_url, connection_status, config_json, linked_at, server_pin)
                values (1, :posId, :url, :status, :config, :now, :pin)
                on conflict (id) do update set pos_id = excluded.pos_id, server_url = excluded.server_url,
                    connection_status = excluded.connection_status, config_json = excluded.config_json, linked_at = excluded.linked_at,
                    server_pin = excluded.server_pin
                """)
                .bind("posId", config.posId()).bind("url", serverUrl).bind("pin", pin)
                .bind("status", statusOf(config).label()).bind("config", write(config)).bind("now", now.toString())
                .execute();
    }

    public static void updateConfig(Handle h, DeviceConfig config) {
        h.createUpdate("update device set config_json = :config where id = 1").bind("config", write(config)).execute();
    }

    public static void setConnectionStatus(Handle h, ConnectionStatus status) {
        h.createUpdate("update device set connection_status = :s where id = 1").bind("s", status.label()).execute();
    }

    /**
     * Stores the link status a server answer told, in the caller's transaction (the one that stores the answer), and
     * logs the change; Unlinked is final here (only linking again leaves it). Returns true when the status changed.
     */
    public static boolean noteConnectionStatus(Handle h, ConnectionStatus told, Instant at) {
        boolean changed = h.createUpdate("""
                update device set connection_status = :s where id = 1 and connection_status not in (:s, :unlinked)
                """).bind("s", told.label()).bind("unlinked", ConnectionStatus.UNLINKED.label()).execute() > 0;
        if (changed) EventLog.append(h, at, "connection_status", null, told.label());
        return changed;
    }

    public static void setServerUrl(Handle h, String url) {
        h.createUpdate("update device set server_url = :u where id = 1").bind("u", url).execute();
    }

    /** Pins another server certificate (after a renewal the manager confirmed), logged with who did it. */
    public void changeServerPin(String pin, String by, Instant at) {
        require();
        store.useTx(h -> {
            h.createUpdate("update device set server_pin = :p where id = 1").bind("p", pin).execute();
            EventLog.append(h, at, "config", "server_pin", pin + " by " + by);
        });
    }

    public static void setPrinterTarget(Handle h, String target) {
        h.createUpdate("update device set printer_target = :t where id = 1").bind("t", target).execute();
    }

    /** Points the device at another back office URL, logged with who did it. */
    public void changeServerUrl(String url, String by, Instant at) {
        require();
        store.useTx(h -> {
            setServerUrl(h, url.trim());
            EventLog.append(h, at, "config", "server_url", url.trim() + " by " + by);
        });
    }

    /** Sets where ESC/POS bytes go (blank: the receipts folder), logged with who did it. */
    public void changePrinterTarget(String target, String by, Instant at) {
        require();
        String t = target == null || target.isBlank() ? null : target.trim();
        store.useTx(h -> {
            setPrinterTarget(h, t);
            EventLog.append(h, at, "config", "printer_target", t + " by " + by);
        });
    }

    private static ConnectionStatus statusOf(DeviceConfig c) {
        return c.connectionStatus() == null ? ConnectionStatus.LINKED : c.connectionStatus();
    }

    /** Writes the secret owner-readable only, atomically (a crash never leaves half a secret). */
    public void writeSecret(String secret) {
        Path target = store.dataDir().resolve(SECRET_FILE);
        Path tmp = store.dataDir().resolve(SECRET_FILE + ".tmp");
        try {
            Files.deleteIfExists(tmp);
            try {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(tmp);
            }
            Files.writeString(tmp, secret, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new TerminalException("secret_unwritable", "Cannot store the device secret in " + target + ": " + e.getMessage(), e);
        }
    }

    public String readSecret() {
        Path p = store.dataDir().resolve(SECRET_FILE);
        try {
            return Files.readString(p, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new TerminalException("secret_missing", "The device secret " + p + " cannot be read (" + e.getMessage()
                    + "). The terminal cannot authenticate; link it again with a new code.", e);
        }
    }

    private static DeviceConfig readConfig(String json) {
        try {
            return CONFIG.read(json);
        } catch (JsonProcessingException e) {
            throw new TerminalException("store_corrupt", "The stored device configuration is unreadable: " + e.getOriginalMessage(), e);
        }
    }

    private static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
