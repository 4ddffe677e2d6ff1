package dev.tillsync.server.console;

import dev.tillsync.server.ingest.ImportSummary;
import java.util.Map;

/** The upload page: the form (for those who may import) and the result of the last upload, if any. */
record UploadModel(Frame frame, boolean canEdit, Result result) {

    /** What an upload came to; the page's script shows it without reloading the page. */
    sealed interface Result permits Refused, Imported {}

    /** Nothing was imported, and why. */
    record Refused(String message) implements Result {}

    /** The import's per-row results, labelled with the kind and number of each row the server holds. */
    record Imported(String filename, ImportSummary summary, Map<String, ConsoleQueries.RowRef> refs) implements Result {}
}
