package dev.tillsync.desktop.shift;

import dev.tillsync.desktop.engine.Background;
import dev.tillsync.desktop.fx.Ui;
import dev.tillsync.desktop.sale.MoneyText;
import dev.tillsync.desktop.shell.PosWindow;
import dev.tillsync.desktop.shell.Screen;
import dev.tillsync.terminal.ShiftCloseReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.io.File;
import javafx.geometry.Pos;
import javafx.print.Printer;
import javafx.print.PrinterJob;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * Closes the shift with the counted cash. The count is blind: the expected figure appears only once the cashier has
 * counted; then the difference is shown before anything is closed, and the drawer can be counted again. A difference
 * over {@link #REASON_ABOVE_MINOR} needs a reason, kept in the shift_close event. The summary can be printed (or saved
 * when this computer has no printer).
 */
public final class ShiftCloseScreen implements Screen {
    /** Differences above 5.00 either way ask for a reason (the profile has no setting for it yet). */
    public static final long REASON_ABOVE_MINOR = 500;

    private final PosWindow pos;
    private final TextField counted = Ui.field("countedCash", "Counted cash, e.g. 123.45");
    private final TextField reason = Ui.field("differenceReason", "Why the cash differs, e.g. paid a supplier from the till");
    private final Label difference = Ui.label("countDifference", "", "total-small");
    private final Label error = Ui.label("shiftCloseError", "", "error-text");
    private final TextArea summary = new TextArea();
    private final Button count;
    private final Button close;
    private final Button recount;
    private final VBox box;
    private final VBox view;
    private ShiftCloseReport checked;
    private int counts;

    public ShiftCloseScreen(PosWindow pos) {
        this.pos = pos;
        count = Ui.button("countButton", "Check the count (Enter)", this::check);
        close = Ui.button("closeShiftConfirm", "Close shift with this count (Enter)", this::submit);
        recount = Ui.button("recountButton", "Recount (F5)", this::recount);
        counted.setOnAction(e -> check());
        reason.setOnAction(e -> submit());
        counted.setMaxWidth(320);
        reason.setMaxWidth(560);
        summary.setId("shiftSummary");
        summary.setEditable(false);
        summary.getStyleClass().add("receipt");
        summary.setPrefRowCount(18);
        summary.setPrefColumnCount(42);
        box = new VBox(18);
        blind();
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(720);
        box.getStyleClass().add("panel");
        view = new VBox(box);
        view.setAlignment(Pos.CENTER);
        view.setId("shiftCloseScreen");
    }

    /** The first count: no expected figure on screen. */
    private void blind() {
        box.getChildren().setAll(Ui.heading("Close the shift"),
                Ui.label(null, "Count the cash in the drawer and enter the total.", "muted"),
                counted, Ui.row(count, Ui.button("cancelCloseShift", "Back (Esc)", pos::afterLogin)), error);
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void shown() {
        counted.requestFocus();
    }

    @Override
    public void refocus() {
        counted.requestFocus();
    }

    @Override
    public boolean onKey(KeyEvent e) {
        if (e.getCode() == KeyCode.F5 && checked != null && summary.getScene() == null) {
            recount();
            return true;
        }
        return false;
    }

    /** Works out expected cash and the difference for this count, closing nothing. */
    private void check() {
        long minor;
        try {
            minor = MoneyText.parse(counted.getText());
        } catch (IllegalArgumentException e) {
            error.setText(e.getMessage() + " Type the counted cash, e.g. 489.25.");
            return;
        }
        count.setDisable(true);
        pos.background().run(() -> pos.terminal().countShift(minor), r -> {
            count.setDisable(false);
            counts++;
            checked = r;
            showDifference(r);
        }, e -> {
            count.setDisable(false);
            error.setText(Background.message(e));
        });
    }

    private void showDifference(ShiftCloseReport r) {
        error.setText("");
        long d = r.differenceMinor();
        difference.setText("Expected " + MoneyText.of(r.expectedCashMinor()) + " · counted " + MoneyText.of(r.countedCashMinor())
                + " · difference " + signed(d) + (d < 0 ? " (short)" : d > 0 ? " (over)" : " (exact)"));
        boolean needsReason = Math.abs(d) > REASON_ABOVE_MINOR;
        Label hint = Ui.label("countHint", needsReason
                ? "The difference is over " + MoneyText.of(REASON_ABOVE_MINOR) + ": count again (F5) if it was a typo, or say why it differs to close."
                : "Close with this count, or count again (F5).", "muted");
        counted.setEditable(false);
        box.getChildren().setAll(Ui.heading(counts > 1 ? "Recounted" : "Check the count"), difference, hint);
        if (needsReason) box.getChildren().addAll(Ui.label(null, "Reason (kept in the shift record):", "muted"), reason);
        box.getChildren().addAll(Ui.row(close, recount, Ui.button("cancelCloseShift", "Back (Esc)", pos::afterLogin)), error);
        if (needsReason) reason.requestFocus();
        else close.requestFocus();
        close.setDefaultButton(true);
    }

    private static String signed(long d) {
        return (d > 0 ? "+" : "") + MoneyText.of(d);
    }

    /** Counts again: the field comes back empty; the expected figure has been seen, so it stays above. */
    private void recount() {
        checked = null;
        close.setDefaultButton(false);
        counted.setEditable(true);
        counted.clear();
        box.getChildren().setAll(Ui.heading("Count again"), difference,
                Ui.label(null, "Count the drawer again and enter the new total.", "muted"),
                counted, Ui.row(count, Ui.button("cancelCloseShift", "Back (Esc)", pos::afterLogin)), error);
        counted.requestFocus();
    }

    private void submit() {
        ShiftCloseReport r = checked;
        if (r == null) {
            check();
            return;
        }
        String why = reason.getText() == null ? "" : reason.getText().strip();
        if (Math.abs(r.differenceMinor()) > REASON_ABOVE_MINOR && why.isEmpty()) {
            error.setText("Say why the cash differs by " + signed(r.differenceMinor()) + " (or recount with F5): the reason goes in the shift record.");
            reason.requestFocus();
            return;
        }
        close.setDisable(true);
        long minor = r.countedCashMinor();
        pos.background().inOrder(() -> pos.terminal().closeShift(minor, why.isEmpty() ? null : why), this::showReport, e -> {
            close.setDisable(false);
            error.setText(Background.message(e));
        });
    }

    private void showReport(ShiftCloseReport r) {
        String why = reason.getText() == null ? "" : reason.getText().strip();
        summary.setText(ShiftSummary.text(r) + (why.isEmpty() ? "" : ShiftSummary.reason(why)));
        pos.background().run(() -> pos.terminal().events(500), log -> summary.appendText(ShiftSummary.users(r, log)), e -> { });
        Label diff = Ui.label("cashDifference", "Expected " + MoneyText.of(r.expectedCashMinor()) + " · counted "
                + MoneyText.of(r.countedCashMinor()) + " · difference " + MoneyText.of(r.differenceMinor()), "total-small");
        box.getChildren().setAll(Ui.heading("Shift closed"), diff, summary,
                Ui.row(Ui.button("printSummaryButton", "Print summary", this::print),
                        Ui.button("shiftDoneButton", "Done", pos::afterLogin)), error);
    }

    private void print() {
        Printer printer = Printer.getDefaultPrinter();
        PrinterJob job = printer == null ? null : PrinterJob.createPrinterJob(printer);
        if (job != null) {
            if (job.printPage(summary)) job.endJob();
            pos.notifier().info("Summary sent to " + printer.getName());
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("No printer on this computer: save the summary");
        chooser.setInitialFileName("shift-summary.txt");
        File f = chooser.showSaveDialog(view.getScene().getWindow());
        if (f == null) return;
        try {
            Files.writeString(f.toPath(), summary.getText(), StandardCharsets.UTF_8);
            pos.notifier().info("Summary saved to " + f);
        } catch (IOException e) {
            error.setText("Could not save the summary: " + e.getMessage());
        }
    }
}
