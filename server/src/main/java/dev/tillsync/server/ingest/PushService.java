package dev.tillsync.server.ingest;

import dev.tillsync.core.sync.HighWater;
import dev.tillsync.core.sync.PushBatch;
import dev.tillsync.core.sync.PushResult;
import dev.tillsync.core.sync.RowResult;
import dev.tillsync.core.sync.SyncRow;
import dev.tillsync.server.device.DeviceRecord;
import dev.tillsync.server.device.DeviceRegistry;
import dev.tillsync.server.refusal.Refusal;
import java.util.List;

/** A push: checks the batch as a whole (nothing applied if it fails), then ingests its rows in order in one transaction. */
public final class PushService {
    private final DeviceRegistry devices;
    private final BatchIngestor ingestor;

    public PushService(DeviceRegistry devices, BatchIngestor ingestor) {
        this.devices = devices;
        this.ingestor = ingestor;
    }

    public PushResult push(DeviceRecord device, PushBatch batch) {
        return push(device, batch, false, null);
    }

    /**
     * @param withHighWater the till understands the device's high-water marks in the answer (an older till refuses
     *                      the unknown field, so it gets the answer without them)
     * @param clockOffsetMs the device's clock minus the server's as the push reported it, or null; kept on the device record
     */
    public PushResult push(DeviceRecord device, PushBatch batch, boolean withHighWater, Long clockOffsetMs) {
        if (batch.posId() == null || !batch.posId().equals(device.posId())) {
            throw Refusal.forbidden("pos_id_mismatch", "The batch is for device '" + batch.posId()
                    + "' but the request is authenticated as " + device.posId() + "; a device may only push its own rows.");
        }
        if (batch.rows().size() > device.syncRowsPerRequest()) {
            throw Refusal.tooLarge("batch_too_large", "The batch has " + batch.rows().size() + " rows; device "
                    + device.posId() + " may push at most " + device.syncRowsPerRequest() + " per request. Nothing was applied.");
        }
        BatchIngestor.Ingested done = ingestor.ingest(device, batch.rows(), batch.profileKey(), "push",
                h -> devices.recordSync(h, device.id(), clockOffsetMs));
        DeviceRecord now = devices.find(device.posId()).orElse(device);
        return new PushResult(now.status(), done.results(), withHighWater ? done.highWater() : null);
    }

    /** The device's high-water marks, for a pull page to a till that asked for them. */
    public HighWater highWater(DeviceRecord device) {
        return ingestor.highWater(device);
    }

    /** Ingests rows that did not come as a push (an export file's rows), in one transaction like a push. */
    public List<RowResult> ingestAll(DeviceRecord device, List<SyncRow> rows, String profileKey, String via) {
        return ingestor.ingest(device, rows, profileKey, via, h -> {}).results();
    }
}
