package dev.tillsync.server.ingest;

import dev.tillsync.core.export.ExportContents;
import dev.tillsync.core.export.ExportFile;
import dev.tillsync.core.export.ExportFileException;
import dev.tillsync.server.device.DeviceRecord;
import dev.tillsync.server.device.DeviceRegistry;
import dev.tillsync.server.refusal.Refusal;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Imports a terminal's export file: verified against every signing key the device ever had (so a file
 * written before a re-link or unlink still verifies), then its rows go through the same ingest as a push.
 * Re-importing changes nothing: every row answers duplicate.
 */
public final class ImportService {
    private final Jdbi jdbi;
    private final DeviceRegistry devices;
    private final PushService push;

    public ImportService(Jdbi jdbi, DeviceRegistry devices, PushService push) {
        this.jdbi = jdbi;
        this.devices = devices;
        this.push = push;
    }

    /**
     * @param onlyPosId when a device uploads its own file, its POS ID; null for a back-office user
     */
    public ImportSummary importFile(byte[] bytes, String onlyPosId) {
        ExportContents contents = verify(bytes);
        String posId = contents.header().posId();
        if (onlyPosId != null && !onlyPosId.equals(posId)) {
            throw Refusal.forbidden("pos_id_mismatch", "This export file belongs to device " + posId + "; a device may import only its own file.");
        }
        DeviceRecord device = devices.find(posId).orElseThrow(() -> Refusal.notFound("No device with POS ID '" + posId + "'."));
        return ImportSummary.of(posId, push.ingestAll(device, contents.rows(), null, "import"));
    }

    private ExportContents verify(byte[] bytes) {
        String posId = peekPosId(bytes);
        // A POS ID with U+0000 is no device's (PostgreSQL refuses it even as a query parameter: a 500, found by the
        // fuzzing); with no key the file is refused as from an unknown device.
        List<String> keys = posId == null || posId.indexOf('\0') >= 0 ? List.of() : jdbi.withHandle(h -> h.createQuery("""
                        select k.signing_key from device_signing_key k join pos_offline d on d.id = k.device_id
                        where d.pos_id = :p order by k.id desc
                        """).bind("p", posId).mapTo(String.class).list());
        ExportFileException last = null;
        for (String key : keys.isEmpty() ? java.util.Collections.<String>singletonList(null) : keys) {
            try {
                return ExportFile.read(new ByteArrayInputStream(bytes), p -> Optional.ofNullable(key));
            } catch (ExportFileException e) {
                last = e;
                if (!e.code().equals("bad_signature")) break;
            }
        }
        throw last.code().equals("export_too_large") ? Refusal.tooLarge(last.code(), last.getMessage())
                : Refusal.invalid(last.code(), last.getMessage());
    }

    /** The POS ID in the header, read with a key function that records it; null when the header is unreadable. */
    private static String peekPosId(byte[] bytes) {
        String[] seen = new String[1];
        try {
            ExportFile.read(new ByteArrayInputStream(bytes), p -> {
                seen[0] = p;
                return Optional.empty();
            });
        } catch (ExportFileException e) {
            // expected: we only wanted the header's POS ID
        }
        return seen[0];
    }
}
