package dev.tillsync.server.console;

import dev.tillsync.server.report.SyncStatusReport;
import java.util.List;

/**
 * The sync status of one device: the filter as chosen, the choices of each filter, the summary and the rows
 * that match. {@code filter} is null when there is no device yet.
 */
record SyncStatusModel(Frame frame, SyncStatusController.Filter filter, List<String> posIds, List<String> outcomes,
                       List<String> kinds, List<String> reviews, SyncStatusReport.Summary summary, List<SyncStatusReport.Entry> rows) {

    static SyncStatusModel noDevices(Frame frame) {
        return new SyncStatusModel(frame, null, List.of(), List.of(), List.of(), List.of(), null, List.of());
    }
}
