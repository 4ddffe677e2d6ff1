package dev.tillsync.terminal.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tillsync.core.export.ExportFile;
import dev.tillsync.core.export.ExportHeader;
import dev.tillsync.core.sync.RowResult;
import dev.tillsync.core.sync.SyncRow;
import dev.tillsync.terminal.ExportRange;
import dev.tillsync.terminal.ExportResult;
import dev.tillsync.terminal.TerminalException;
import dev.tillsync.terminal.UploadResult;
import dev.tillsync.terminal.outbox.Outbox;
import dev.tillsync.terminal.outbox.OutboxRow;
import dev.tillsync.terminal.store.EventLog;
import dev.tillsync.terminal.store.TerminalStore;
import dev.tillsync.terminal.sync.ConnectivityMonitor;
import dev.tillsync.terminal.sync.ServerClient;
import dev.tillsync.terminal.sync.ServerException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Writes signed export files of outbox rows for when the line stays down. Exporting changes no row's
 * status: the rows stay queued, and when they are later pushed (or the file is imported) the server answers
 * duplicate for whichever arrives second. The file appears complete or not at all (written aside, then moved).
 */
public final class Exporter {
    private final TerminalStore store;
    private final Clock clock;
    private final ObjectMapper json = dev.tillsync.core.json.Json.mapper();

    public Exporter(TerminalStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public ExportResult export(Path out, ExportRange range, String posId, String deviceSecret) {
        List<OutboxRow> rows = store.read(h -> range.sinceSeq() != null ? Outbox.fromSeq(h, range.sinceSeq())
                : range.since() != null ? Outbox.since(h, range.since()) : Outbox.unsynced(h));
        if (rows.isEmpty()) {
            throw new TerminalException("nothing_to_export", range.sinceSeq() == null && range.since() == null
                    ? "Every transaction is already synced: nothing to export." : "No transactions in that range.");
        }
        List<SyncRow> syncRows = rows.stream().map(Outbox::toSyncRow).toList();
        Path target = out.toAbsolutePath().normalize();
        Path tmp = target.resolveSibling(target.getFileName() + ".part");
        ExportHeader header;
        try {
            if (target.getParent() != null) Files.createDirectories(target.getParent());
            try (OutputStream os = Files.newOutputStream(tmp)) {
                header = ExportFile.write(os, posId, syncRows, ExportFile.signingKey(deviceSecret), clock.instant());
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort
            }
            throw new TerminalException("export_failed", "Cannot write the export file " + target + ": " + e.getMessage()
                    + ". Nothing was changed on the terminal; choose another place (e.g. a USB stick) with --out.", e);
        }
        ExportHeader hd = header;
        Instant now = clock.instant();
        store.useTx(h -> {
            h.createUpdate("insert into export_log (file, seq_from, seq_to, row_count, created_at) values (:f, :a, :b, :n, :at)")
                    .bind("f", target.toString()).bind("a", hd.seqFrom()).bind("b", hd.seqTo()).bind("n", hd.count())
                    .bind("at", now.toString()).execute();
            EventLog.append(h, now, "export", target.toString(), "rows=" + hd.count() + " seq=" + hd.seqFrom() + ".." + hd.seqTo());
        });
        return new ExportResult(target, hd.count(), hd.seqFrom(), hd.seqTo(), hd.invoiceCount(), hd.grandTotalMinor());
    }

    /** Rows not Synced that no export file holds (by its sequence range): what linking the folder elsewhere would strand. */
    public static long notSyncedNorExported(Handle h) {
        return h.createQuery("""
                select count(*) from outbox o where o.status <> 'Synced'
                and not exists (select 1 from export_log e where o.seq between e.seq_from and e.seq_to)
                """).mapTo(Long.class).one();
    }

    /** The newest export file written here, if any. */
    public static Optional<String> lastExportFile(Handle h) {
        return h.createQuery("select file from export_log order by id desc limit 1").mapTo(String.class).findOne();
    }

    /** Records that a file was uploaded to the back office by hand. */
    public void markUploaded(Path file) {
        Path target = file.toAbsolutePath().normalize();
        Instant now = clock.instant();
        int n = store.inTx(h -> {
            int c = h.createUpdate("update export_log set uploaded_at = :at where file = :f and uploaded_at is null")
                    .bind("at", now.toString()).bind("f", target.toString()).execute();
            if (c > 0) EventLog.append(h, now, "export_uploaded", target.toString(), null);
            return c;
        });
        if (n == 0) {
            throw new TerminalException("unknown_export", "No export of " + target + " on record (or it is already marked uploaded).");
        }
    }

    /** Posts the file to the server's import and marks the rows it answers for, exactly as a push would; the answer (or none) tells the monitor whether the line is up. */
    public UploadResult upload(Path file, ServerClient client, ConnectivityMonitor monitor) {
        try {
            UploadResult r = upload(file, client);
            monitor.observe(true, "upload answered");
            return r;
        } catch (ServerException e) {
            if (e.unreachable()) monitor.observe(false, e.code());
            throw e;
        }
    }

    private UploadResult upload(Path file, ServerClient client) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TerminalException("export_unreadable", "Cannot read " + file + ": " + e.getMessage(), e);
        }
        JsonNode answer = client.importFile(bytes);
        List<RowResult> results = new ArrayList<>();
        for (JsonNode r : answer.path("results")) {
            try {
                results.add(json.treeToValue(r, RowResult.class));
            } catch (IOException e) {
                throw new TerminalException("server_garbage", "The server's import answer is not readable: " + e.getMessage(), e);
            }
        }
        Instant now = clock.instant();
        Path target = file.toAbsolutePath().normalize();
        store.useTx(h -> {
            Outbox.applyResults(h, results, now);
            h.createUpdate("update export_log set uploaded_at = :at where file = :f and uploaded_at is null")
                    .bind("at", now.toString()).bind("f", target.toString()).execute();
            EventLog.append(h, now, "export_uploaded", target.toString(), "results=" + results.size());
        });
        return new UploadResult(answer.path("posId").asText(), answer.path("accepted").asInt(), answer.path("duplicates").asInt(),
                answer.path("rejected").asInt());
    }
}
