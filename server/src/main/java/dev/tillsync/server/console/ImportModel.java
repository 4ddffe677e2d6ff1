package dev.tillsync.server.console;

import dev.tillsync.server.imports.csv.CsvImportResult;
import java.util.List;

/** The import page: the form (for those who may import) and what the last preview or apply came to. */
record ImportModel(Frame frame, boolean canEdit, List<ImportKind> kinds, Result result) {

    sealed interface Result permits Refused, Outcome {}

    /** The file was refused as a whole (or could not be read), and why. */
    record Refused(String message) implements Result {}

    /**
     * A preview (dry run; {@code token} set when there is something to apply) or an applied import.
     */
    record Outcome(ImportKind kind, String filename, CsvImportResult result, String token) implements Result {
        boolean preview() {
            return !result.applied();
        }

        int changed() {
            return result.created() + result.updated();
        }
    }
}
