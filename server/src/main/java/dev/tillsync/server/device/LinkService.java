package dev.tillsync.server.device;

import dev.tillsync.core.auth.Secrets;
import dev.tillsync.core.export.ExportFile;
import dev.tillsync.core.sync.ConnectionStatus;
import dev.tillsync.core.sync.LinkRequest;
import dev.tillsync.core.sync.LinkResponse;
import dev.tillsync.core.sync.UnlinkComplete;
import dev.tillsync.server.db.ChangeFeed;
import dev.tillsync.server.refusal.Refusal;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The device link lifecycle: Unlinked → (one-time code) → Linked → Unlink in progress → Unlinked.
 * Invariant: a link code is redeemed at most once (a conditional UPDATE claims it), and only sha256 of
 * the device secret plus the export signing key are stored, never the secret.
 */
public final class LinkService {
    public static final Duration CODE_LIFETIME = Duration.ofHours(24);
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final Jdbi jdbi;
    private final DeviceRegistry devices;
    private final ChangeFeed feed;
    private final SecureRandom random = new SecureRandom();

    public LinkService(Jdbi jdbi, DeviceRegistry devices, ChangeFeed feed) {
        this.jdbi = jdbi;
        this.devices = devices;
        this.feed = feed;
    }

    public record LinkCode(String code, Instant expiresAt) {}

    /** A new one-time code for the device; earlier unused codes stop working. */
    public LinkCode issueCode(String posId) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            if (i == 5) sb.append('-');
            sb.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        String code = sb.toString();
        Instant expires = Instant.now().plus(CODE_LIFETIME).truncatedTo(ChronoUnit.SECONDS);
        jdbi.useTransaction(h -> {
            DeviceRecord d = devices.require(h, posId);
            h.createUpdate("delete from link_code where device_id = :d and used_at is null").bind("d", d.id()).execute();
            h.createUpdate("insert into link_code (code_hash, device_id, expires_at) values (:c, :d, :x)")
                    .bind("c", Secrets.sha256(normalise(code))).bind("d", d.id()).bind("x", expires).execute();
        });
        return new LinkCode(code, expires);
    }

    public LinkResponse link(LinkRequest req) {
        if (req == null || req.code() == null || req.code().isBlank()) {
            throw Refusal.invalid("invalid_request", "Give the link code from the back office.");
        }
        if (req.deviceLabel() != null && req.deviceLabel().indexOf('\0') >= 0) {
            // PostgreSQL text cannot hold U+0000: storing the label failed the link with a 500 (found by the fuzzing)
            throw Refusal.invalid("invalid_device_label", "The device label contains a NUL character (U+0000); use plain text.");
        }
        String secret = Secrets.randomToken(32);
        return jdbi.inTransaction(h -> {
            feed.lock(h);
            List<Long> claimed = h.createQuery("""
                            update link_code set used_at = now()
                            where code_hash = :c and used_at is null and expires_at > now() returning device_id
                            """)
                    .bind("c", Secrets.sha256(normalise(req.code()))).mapTo(Long.class).list();
            if (claimed.isEmpty()) {
                throw Refusal.invalid("invalid_link_code", "This link code is unknown, expired or already used; ask the back office for a new one.");
            }
            long deviceId = claimed.get(0);
            h.createUpdate("insert into device_signing_key (device_id, signing_key) values (:d, :k)")
                    .bind("d", deviceId).bind("k", ExportFile.signingKey(secret)).execute();
            devices.markLinked(h, deviceId, Secrets.sha256(secret), req.deviceLabel());
            var config = devices.config(h, deviceId);
            return new LinkResponse(config.posId(), secret, config);
        });
    }

    /** Asks a device to unlink (it finishes pushing first), or with force revokes it at once. */
    public ConnectionStatus unlink(String posId, boolean force) {
        return jdbi.inTransaction(h -> {
            feed.lock(h);
            DeviceRecord d = devices.require(h, posId);
            ConnectionStatus next = force || d.status() == ConnectionStatus.UNLINKED
                    ? ConnectionStatus.UNLINKED : ConnectionStatus.UNLINK_IN_PROGRESS;
            devices.setStatus(h, d.id(), next);
            return next;
        });
    }

    /** The terminal confirms it has pushed everything: its secret stops working. */
    public void unlinkComplete(DeviceRecord device, UnlinkComplete body) {
        if (body == null || body.posId() == null || !body.posId().equals(device.posId())) {
            throw Refusal.forbidden("pos_id_mismatch", "unlink-complete must name the authenticated device.");
        }
        long pending = body.lastSeq();
        jdbi.useTransaction(h -> {
            feed.lock(h);
            long missing = h.createQuery("""
                            select :last - count(*) from pos_offline_sync_status where device_id = :d and seq <= :last
                            """).bind("last", pending).bind("d", device.id()).mapTo(Long.class).one();
            if (missing > 0) {
                throw Refusal.conflict("unsynced_rows", missing + " of the device's rows up to sequence " + pending
                        + " have not reached the server; push them (or export them) before completing the unlink.");
            }
            devices.setStatus(h, device.id(), ConnectionStatus.UNLINKED);
        });
    }

    private static String normalise(String code) {
        return code.trim().toUpperCase().replace("-", "").replace(" ", "");
    }
}
