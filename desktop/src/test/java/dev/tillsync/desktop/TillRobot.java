package dev.tillsync.desktop;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** What the cashier tests do to the real window: look nodes up by id, read them, wait for what a cashier waits for. */
final class TillRobot {
    final FxRobot robot = new FxRobot();
    private final Path tmp;
    private Scene scene;

    TillRobot(Path tmp) {
        this.tmp = tmp;
    }

    void scene(Scene s) {
        this.scene = s;
    }

    /** A USB scanner is a keyboard: it types the code and Enter into whatever has the focus. */
    void scan(String code) {
        robot.write(code).type(javafx.scene.input.KeyCode.ENTER);
    }

    boolean exists(String query) {
        return robot.lookup(query).tryQuery().map(n -> n.getScene() != null && n.isVisible()).orElse(false);
    }

    Node node(String query) {
        return robot.lookup(query).query();
    }

    String text(String query) {
        return robot.lookup(query).tryQuery().map(n -> n instanceof Labeled l ? l.getText()
                : n instanceof TextInputControl t ? t.getText() : "").orElse("");
    }

    boolean focused(String query) {
        return robot.lookup(query).tryQuery().map(Node::isFocused).orElse(false);
    }

    void waitFor(String what, BooleanSupplier condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(25, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.getAsBoolean();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            Path png = Path.of("target", "ui-failures", what.replaceAll("[^A-Za-z0-9]+", "-") + ".png");
            Screenshots.save(scene, png);
            throw new AssertionError("timed out waiting for: " + what + " (notification: '" + text("#notification")
                    + "', status: '" + text("#statusIndicator") + "'); screenshot " + png.toAbsolutePath(), e);
        }
    }

    /** A screenshot for the docs (docs/screens/desktop-NAME.png when configured). */
    void shot(String name) {
        WaitForAsyncUtils.waitForFxEvents();
        Path docs = Screenshots.docsDir();
        Screenshots.save(scene, (docs == null ? tmp : docs).resolve("desktop-" + name + ".png"));
    }

    void fx(Runnable r) throws Exception {
        FxToolkit.setupFixture(r);
        WaitForAsyncUtils.waitForFxEvents();
    }

    <T> T onFx(java.util.concurrent.Callable<T> c) {
        return Screenshots.onFx(c);
    }

    /** The sale screen's cart as the cashier sees it, top to bottom. */
    @SuppressWarnings("unchecked")
    java.util.List<dev.tillsync.desktop.sale.CartLine> cartLines() {
        return ((javafx.scene.control.TableView<dev.tillsync.desktop.sale.CartLine>) node("#cartTable")).getItems();
    }

    /** The selected cart line's row, -1 when none is. */
    int selectedLine() {
        return ((javafx.scene.control.TableView<?>) node("#cartTable")).getSelectionModel().getSelectedIndex();
    }

    /** The payment dialog's tenders as "MODE   AMOUNT[   ref REF]". */
    java.util.List<String> tenders() {
        javafx.scene.control.ListView<?> l = (javafx.scene.control.ListView<?>) node("#tenderList");
        return l.getItems().stream().map(o -> {
            var t = (dev.tillsync.desktop.sale.Tender) o;
            return t.mode() + "   " + dev.tillsync.core.money.Money.format(t.amountMinor())
                    + (t.reference() == null || t.reference().isBlank() ? "" : "   ref " + t.reference());
        }).toList();
    }
}
