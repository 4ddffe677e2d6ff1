package dev.tillsync.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tillsync.server.device.DeviceView;
import dev.tillsync.server.refusal.Refusal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console's text handling without a browser: CSV cells, form parsing, flag labels (escaping: ConsoleTemplateTest). */
class ConsoleTextTest {

    @Test
    void csvCellsAreQuotedAndNeverFormulas() {
        assertThat(SyncStatusController.cell("plain")).isEqualTo("plain");
        assertThat(SyncStatusController.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(SyncStatusController.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(SyncStatusController.cell("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(SyncStatusController.cell("-0.50 short")).isEqualTo("\"'-0.50 short\"");
        assertThat(SyncStatusController.cell(null)).isEmpty();
    }

    @Test
    void deviceFormKeepsChildRowsInOrderAndSkipsBlankOnes() {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("posId", List.of(" POS-9 "));
        form.put("syncRowsPerRequest", List.of("25"));
        form.put("description", List.of("  back room  "));
        form.put("u-10-user", List.of("Ben@Demo.Shop"));
        form.put("u-10-rep", List.of("on"));
        form.put("u-2-user", List.of("amira@demo.shop"));
        form.put("u-2-fn", List.of("Amira"));
        form.put("u-2-cfg", List.of("on"));
        form.put("u-3-user", List.of("   "));
        form.put("s-0-user", List.of("amira@demo.shop"));
        form.put("s-0-type", List.of("Morning"));
        DeviceView v = DeviceForm.parse(form, null);
        assertThat(v.posId()).isEqualTo("POS-9");
        assertThat(v.syncRowsPerRequest()).isEqualTo(25);
        assertThat(v.description()).isEqualTo("back room");
        assertThat(v.users()).containsExactly(
                new DeviceView.DeviceUserView("amira@demo.shop", "Amira", null, true, false, false),
                new DeviceView.DeviceUserView("ben@demo.shop", null, null, false, false, true));
        assertThat(v.shiftUsers()).containsExactly(new DeviceView.ShiftUserView("amira@demo.shop", "Morning"));
    }

    @Test
    void badRowsPerRequestIsAClearError() {
        assertThatThrownBy(() -> DeviceForm.parse(Map.of("syncRowsPerRequest", List.of("lots")), "POS-1"))
                .isInstanceOf(Refusal.class).hasMessageContaining("whole number");
        assertThatThrownBy(() -> DevicesController.silentDays("-1")).isInstanceOf(Refusal.class);
        assertThat(DevicesController.silentDays(null)).isEqualTo(2);
    }

    @Test
    void flagReasonsGetShortLabels() {
        assertThat(ReconciliationController.category("stock of ITEM-1 in Main Warehouse is now -3")).isEqualTo("Stock below zero");
        assertThat(ReconciliationController.category("sold under profile key a but the device's current profile key is b (stale or foreign POS profile)"))
                .isEqualTo("Stale profile key");
        assertThat(ReconciliationController.category("ITEM-1 sold at 1.20, server price is 1.50")).isEqualTo("Price difference");
        assertThat(ReconciliationController.category("possible duplicate customer: phone 555 already belongs to CUST-1")).isEqualTo("Duplicate customer");
        assertThat(ReconciliationController.category("cash difference -0.50 (expected 1.00, counted 0.50)")).isEqualTo("Cash difference");
    }
}
