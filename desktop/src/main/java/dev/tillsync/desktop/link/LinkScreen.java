package dev.tillsync.desktop.link;

import dev.tillsync.desktop.engine.Background;
import dev.tillsync.desktop.fx.Ui;
import dev.tillsync.terminal.LinkResult;
import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.TerminalEvent;
import dev.tillsync.terminal.sync.ServerException;
import dev.tillsync.terminal.tls.PlainHttpWarning;
import dev.tillsync.core.tls.CertificateFingerprint;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/**
 * The first-run screen of a data folder that is not linked: server address and link code (typed, or scanned from
 * the console's QR: the scanner types the QR's text and Enter), then the link and the first pull with its progress.
 * Invariant: one link at a time; the fields are locked while it runs, and only a finished link leaves the screen.
 */
public final class LinkScreen {
    private final PosTerminal terminal;
    private final Consumer<LinkResult> onLinked;
    private final Background background = new Background();
    private final TextField server = Ui.field("linkServer", "Server address, e.g. http://192.168.1.10:8080");
    private final TextField code = Ui.field("linkCode", "Link code from the console (Devices → Link code), or scan its QR");
    private final Button link = Ui.button("linkButton", "Link this terminal", this::link);
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = Ui.label("linkStatus", "", "muted");
    private final Label error = Ui.label("linkError", "", "error-text");
    private final Label warning = Ui.label("linkWarning", "", "error-text");
    private final Label certificate = Ui.label("linkFingerprint", "", "muted");
    /** The certificate fingerprint the last scanned QR carried; pinned at link. A typed code carries none. */
    private String fingerprint;
    private final VBox root;
    private volatile boolean linking;

    /** {@code onLinked} runs on the FX thread once the terminal is linked and its catalogue is down. */
    public LinkScreen(PosTerminal terminal, Consumer<LinkResult> onLinked) {
        this.terminal = Objects.requireNonNull(terminal);
        this.onLinked = Objects.requireNonNull(onLinked);
        progress.setId("linkProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setVisible(false);
        error.setWrapText(true);
        warning.setWrapText(true);
        certificate.setWrapText(true);
        status.setWrapText(true);
        link.setDefaultButton(true);
        server.setOnAction(e -> code.requestFocus());
        code.setOnAction(e -> link());
        root = new VBox(14, Ui.heading("Link this terminal"),
                Ui.label("linkHelp", "A manager opens Devices → Link code in the back office. Type the server address and the code, "
                        + "or scan the QR on that page.", "muted"),
                Ui.label("linkServerLabel", "Server address"), server, Ui.label("linkCodeLabel", "Link code"), code, link,
                certificate, progress, status, warning, error);
        root.setId("linkScreen");
        root.setAlignment(Pos.CENTER_LEFT);
        root.setMaxWidth(640);
        root.setFillWidth(true);
        root.setStyle("-fx-padding: 48;");
        terminal.addListener(e -> {
            if (linking && e instanceof TerminalEvent.PullProgress p) Platform.runLater(() -> showProgress(p.applied(), p.remaining()));
        });
    }

    public Parent node() {
        return root;
    }

    /** A scene of its own, with the POS style sheet, for a window that has nothing else yet. */
    public Scene scene() {
        VBox centred = new VBox(root);
        centred.setAlignment(Pos.CENTER);
        Scene s = new Scene(centred, 1280, 800);
        s.getStylesheets().add(Objects.requireNonNull(LinkScreen.class.getResource("/dev/tillsync/desktop/pos.css")).toExternalForm());
        Platform.runLater(server::requestFocus);
        return s;
    }

    private void link() {
        if (linking) return;
        ScannedLink scanned = ScannedLink.parse(code.getText()).orElse(null);
        if (scanned != null && scanned.server() != null) {
            server.setText(scanned.server());
            code.setText(scanned.code());
            fingerprint = scanned.fingerprint();
            certificate.setText(fingerprint == null ? "" : "Server certificate (compare with the console's link-code page): "
                    + CertificateFingerprint.parse(fingerprint).map(CertificateFingerprint::grouped).orElse(fingerprint));
        }
        String url = server.getText() == null ? "" : server.getText().trim();
        if (url.isEmpty()) {
            fail("Type the server address (the back office's address, e.g. http://192.168.1.10:8080), or scan the QR.");
            server.requestFocus();
            return;
        }
        if (scanned == null) {
            fail("Type the link code shown in the back office (Devices → Link code), or scan its QR.");
            code.requestFocus();
            return;
        }
        linking = true;
        lock(true);
        error.setText("");
        warning.setText(PlainHttpWarning.forUrl(url).orElse(""));
        String pin = fingerprint;
        status.setText("Linking to " + url + "…");
        progress.setVisible(true);
        progress.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        background.run(() -> terminal.link(url, scanned.code(), "desktop till", pin), r -> {
            linking = false;
            if (r.pullError() != null) {
                // Linked, but the catalogue did not come down: the till syncs it in the background; say so before login.
                status.setText("Linked as " + r.posId() + ". The catalogue did not finish (" + r.pullError() + "); it keeps syncing.");
            } else {
                status.setText("Linked as " + r.posId() + ": " + r.changesPulled() + " records pulled."
                        + (pin == null ? "" : " Server certificate pinned."));
            }
            progress.setProgress(1);
            onLinked.accept(r);
        }, e -> {
            linking = false;
            lock(false);
            progress.setVisible(false);
            progress.setProgress(0);
            status.setText("");
            fail(message(e, url));
            code.selectAll();
            code.requestFocus();
        });
    }

    /** An unreachable server is a wrong address or a back office not running, not "working offline" as in a sale. */
    private static String message(Throwable e, String url) {
        if (e instanceof ServerException se && se.unreachable() && !se.code().startsWith("server_certificate")) {
            return "Cannot reach the server at " + url + ". Check the address (as shown on the back office's link-code page) "
                    + "and that the back office is running, then try again.";
        }
        return Background.message(e);
    }

    private void showProgress(long applied, long remaining) {
        long total = applied + remaining;
        progress.setProgress(total == 0 ? 1 : (double) applied / total);
        status.setText("Downloading the catalogue: " + applied + " of " + total + " records…");
    }

    private void lock(boolean busy) {
        server.setDisable(busy);
        code.setDisable(busy);
        link.setDisable(busy);
    }

    private void fail(String message) {
        error.setText(message);
    }

    /** Stops the background worker (the window closes or the screen is left). */
    public void dispose() {
        background.close();
    }
}
