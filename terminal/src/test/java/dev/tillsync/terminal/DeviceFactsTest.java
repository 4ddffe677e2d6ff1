package dev.tillsync.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.core.invoice.Payment;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.tillsync.terminal.support.LocalDevice;

/** The facade's read-only facts for a UI: login picker users, printer target and device info. */
class DeviceFactsTest {
    @TempDir
    Path dir;

    @Test
    void unlinkedFolderHasNoUsersNoPrinterAndSaysNotLinked() {
        try (PosTerminal pos = PosTerminal.open(dir)) {
            assertThat(pos.deviceUsers()).isEmpty();
            assertThat(pos.printerTarget()).isEmpty();
            DeviceInfo info = pos.deviceInfo();
            assertThat(info.linkStatus()).isEqualTo("Not linked");
            assertThat(info.posId()).isNull();
            assertThat(info.invoiceSeries()).isNull();
            assertThat(info.pending()).isZero();
        }
    }

    @Test
    void usersAreListedWithNamesAndFlagsButNeverTheirPinHash() {
        LocalDevice.prepare(dir);
        try (PosTerminal pos = PosTerminal.open(dir)) {
            List<DeviceUserInfo> users = pos.deviceUsers();
            assertThat(users).extracting(DeviceUserInfo::email).containsExactly("amira@demo.shop", "ben@demo.shop");
            DeviceUserInfo amira = users.get(0);
            assertThat(amira.displayName()).isEqualTo("Amira Haddad");
            assertThat(amira.firstName()).isEqualTo("Amira");
            assertThat(amira.lastName()).isEqualTo("Haddad");
            assertThat(amira.permissions()).containsExactlyInAnyOrder(Permission.values());
            assertThat(users.get(1).permissions()).isEmpty();
            assertThat(Arrays.stream(DeviceUserInfo.class.getRecordComponents()).map(c -> c.getName().toLowerCase()))
                    .noneMatch(n -> n.contains("pin") || n.contains("hash"));
            assertThat(users.toString()).doesNotContain("$2");
            assertThat(pos.currentUser()).isEmpty(); // listing needs no login
        }
    }

    @Test
    void deviceInfoCarriesSeriesLinkStatusPrinterAndQueueCounts() {
        LocalDevice.prepare(dir);
        try (PosTerminal pos = PosTerminal.open(dir)) {
            DeviceInfo before = pos.deviceInfo();
            assertThat(before.posId()).isEqualTo(LocalDevice.POS_ID);
            assertThat(before.serverUrl()).isEqualTo(LocalDevice.SERVER_URL);
            assertThat(before.invoiceSeries()).isEqualTo("POS-0001-");
            assertThat(before.customerSeries()).isEqualTo("CUST-0001-");
            assertThat(before.posProfile()).isEqualTo("Main Store");
            assertThat(before.linkStatus()).isEqualTo("Linked");
            assertThat(before.printerTarget()).isNull();
            assertThat(before.lastSync()).isNull();
            assertThat(before.pending()).isZero();

            pos.login("amira@demo.shop", "1234");
            pos.openShift(0, null);
            pos.recordSale(new SaleRequest(List.of(new SaleItem("ITEM-0001", 1)), null, List.of(new Payment("Cash", 500, null))));
            pos.setPrinterTarget(dir.resolve("printer.bin").toString());

            DeviceInfo after = pos.deviceInfo();
            assertThat(after.pending()).isEqualTo(pos.status().pending()).isEqualTo(2); // shift open + invoice
            assertThat(after.printerTarget()).isEqualTo(dir.resolve("printer.bin").toString());
            assertThat(pos.printerTarget()).contains(dir.resolve("printer.bin").toString());
            assertThat(List.of(after.syncing(), after.failed(), after.synced())).containsOnly(0L);
        }
    }
}
