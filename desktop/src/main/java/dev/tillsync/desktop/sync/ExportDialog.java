package dev.tillsync.desktop.sync;

import dev.tillsync.desktop.engine.Background;
import dev.tillsync.desktop.fx.Ui;
import dev.tillsync.desktop.sale.MoneyText;
import dev.tillsync.desktop.shell.PosWindow;
import dev.tillsync.terminal.ExportRange;
import dev.tillsync.terminal.ExportResult;
import dev.tillsync.terminal.TerminalException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

/** Export transactions (needs can_export_log): the engine writes a signed file of unsynced rows into a chosen folder. */
public final class ExportDialog {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final PosWindow pos;
    private final TextField folder = Ui.field("exportFolder", "Folder, e.g. a USB stick");
    private final Label result = Ui.label("exportResult", "", "muted");
    private final Button export = Ui.button("exportButton", "Export", this::export);

    public ExportDialog(PosWindow pos) {
        this.pos = pos;
        folder.setPrefColumnCount(32);
        folder.setText(System.getProperty("user.home"));
        folder.setOnAction(e -> export());
        result.setMaxWidth(640);
    }

    public void open() {
        pos.overlay().show("exportDialog", new VBox(14, Ui.heading("Export transactions"),
                Ui.label(null, "Writes every transaction not yet synced to a signed file the back office can import.", "muted"),
                Ui.row(folder, Ui.button("chooseFolder", "Choose…", this::choose)), result,
                Ui.row(export, Ui.button("exportClose", "Close (Esc)", pos.overlay()::close))), null);
        folder.requestFocus();
    }

    private void choose() {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle("Where to save the export file");
        File start = new File(folder.getText());
        if (start.isDirectory()) c.setInitialDirectory(start);
        File f = c.showDialog(folder.getScene().getWindow());
        if (f != null) folder.setText(f.getAbsolutePath());
    }

    private void export() {
        if (folder.getText().isBlank()) {
            result.setText("Choose a folder.");
            return;
        }
        Path dir = Path.of(folder.getText().trim());
        export.setDisable(true);
        pos.background().run(() -> exportInto(dir), r -> {
            export.setDisable(false);
            result.setText("Saved " + r.file() + "\n" + r.rows() + " transactions (" + r.invoices() + " invoices, total "
                    + MoneyText.of(r.grandTotalMinor()) + ")");
            pos.notifier().info("Export saved: " + r.file().getFileName());
        }, e -> {
            export.setDisable(false);
            result.setText("Export failed: " + Background.message(e));
        });
    }

    /** Writes the signed export of every unsynced transaction into {@code folder}, named POS-ID-yyyyMMdd-HHmmss (UTC). */
    private ExportResult exportInto(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new TerminalException("bad_folder", "'" + folder + "' is not a folder: choose an existing folder for the export file.");
        }
        String posId = Optional.ofNullable(pos.terminal().status().posId()).orElse("terminal");
        Path file = folder.resolve(posId + "-" + STAMP.format(Instant.now()) + ".tillsync-export");
        return pos.terminal().export(file, ExportRange.unsynced());
    }
}
