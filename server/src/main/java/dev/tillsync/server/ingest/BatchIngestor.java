package dev.tillsync.server.ingest;

import dev.tillsync.core.sync.HighWater;
import dev.tillsync.core.sync.RowResult;
import dev.tillsync.core.sync.SyncRow;
import dev.tillsync.server.catalog.Catalog;
import dev.tillsync.server.db.ChangeFeed;
import dev.tillsync.server.device.DeviceRecord;
import dev.tillsync.server.refusal.Refusal;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one ingest path for pushed and imported rows: each batch is one {@link BatchRun} in one transaction.
 * Claims are taken in the batch's sequence order, so two copies of a batch wait on each other without deadlock;
 * a deadlock or serialization failure that PostgreSQL reports anyway retries the whole batch, which is safe
 * because the failed attempt wrote nothing.
 */
public final class BatchIngestor {
    private static final Logger log = LoggerFactory.getLogger(BatchIngestor.class);
    private static final int MAX_ATTEMPTS = 4;

    private final Jdbi jdbi;
    private final Catalog catalog;
    private final ChangeFeed feed;
    private final RowAppliers appliers;
    private final SyncStatusLedger ledger = new SyncStatusLedger();
    private final PostedTimeCheck postedTimes;

    public BatchIngestor(Jdbi jdbi, Catalog catalog, ChangeFeed feed, PostedTimeCheck postedTimes) {
        this.postedTimes = postedTimes;
        this.jdbi = jdbi;
        this.catalog = catalog;
        this.feed = feed;
        this.appliers = new RowAppliers(catalog);
    }

    /** One result per row, in order, and the device's high-water marks as the batch's transaction left them. */
    public record Ingested(List<RowResult> results, HighWater highWater) {}

    /**
     * Ingests {@code rows} in one transaction and returns one result per row, in order.
     *
     * @param alsoInTransaction more writes that belong to the same transaction (e.g. the device's last sync time)
     */
    public Ingested ingest(DeviceRecord device, List<SyncRow> rows, String batchProfileKey, String via,
                           Consumer<Handle> alsoInTransaction) {
        for (int attempt = 1; ; attempt++) {
            BatchRun run = new BatchRun(appliers, ledger, new BatchWrites(feed), new IngestContext(catalog, device, batchProfileKey, postedTimes),
                    rows, via);
            try {
                List<RowResult> results = jdbi.inTransaction(h -> run.execute(h, alsoInTransaction));
                return new Ingested(results, run.highWater());
            } catch (RuntimeException e) {
                String state = sqlState(e);
                boolean contention = "40P01".equals(state) || "40001".equals(state);
                if (contention && attempt < MAX_ATTEMPTS) {
                    log.info("batch of {} rows from {} hit {} with a concurrent transaction; retrying the whole batch (attempt {})",
                            rows.size(), device.posId(), state, attempt + 1);
                    continue;
                }
                SyncRow at = run.current();
                String where = at == null ? "" : " at row " + at.uuid() + " (seq " + at.seq() + ")";
                if (contention) {
                    log.warn("batch of {} rows from {} still {} after {} attempts{}; nothing was written",
                            rows.size(), device.posId(), state, attempt, where);
                    throw Refusal.unavailable("ingest_contention", "The batch kept colliding with concurrent pushes of "
                            + device.posId() + " (PostgreSQL " + state + "); nothing was written. The terminal will resend it.");
                }
                log.error("ingest of a batch of {} rows from {} failed{}; nothing was written, the device will retry: {}",
                        rows.size(), device.posId(), where, e.toString(), e);
                throw e;
            }
        }
    }

    /** The device's high-water marks (one key lookup), for a pull page. */
    public HighWater highWater(DeviceRecord device) {
        return jdbi.withHandle(h -> ledger.highWater(h, device));
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) return s.getSQLState();
        }
        return null;
    }
}
