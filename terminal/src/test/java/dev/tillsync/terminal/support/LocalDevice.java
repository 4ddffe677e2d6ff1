package dev.tillsync.terminal.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tillsync.core.auth.Secrets;
import dev.tillsync.core.json.Json;
import dev.tillsync.core.master.CustomerData;
import dev.tillsync.core.master.DeviceConfig;
import dev.tillsync.core.master.DeviceUserData;
import dev.tillsync.core.master.ItemData;
import dev.tillsync.core.master.ProfileData;
import dev.tillsync.core.master.ShiftUserData;
import dev.tillsync.core.master.StockLevel;
import dev.tillsync.core.sync.Change;
import dev.tillsync.core.sync.ConnectionStatus;
import dev.tillsync.core.sync.Entities;
import dev.tillsync.core.sync.PullPage;
import dev.tillsync.terminal.store.DeviceRepo;
import dev.tillsync.terminal.store.TerminalStore;
import dev.tillsync.terminal.sync.PullApplier;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Prepares a data folder as a linked device without a server: the device row and secret through DeviceRepo,
 * master data through the real pull-apply code (the same path a server's pull page takes).
 */
public final class LocalDevice {
    public static final String POS_ID = "POS-0001";
    public static final String SERVER_URL = "http://127.0.0.1:9";
    private static final ObjectMapper JSON = Json.mapper();
    private static final String AMIRA_HASH = Secrets.bcrypt("1234");
    private static final String BEN_HASH = Secrets.bcrypt("5678");

    private LocalDevice() {}

    public static DeviceConfig config(int rowsPerRequest) {
        return new DeviceConfig(POS_ID, "POS-0001-", "CUST-0001-", "Main Store", rowsPerRequest, ConnectionStatus.LINKED, null,
                "test till", "pk-1");
    }

    /** Links {@code dir} locally and applies the demo-like catalogue: ITEM-0001..0010, stock 100 each. */
    public static void prepare(Path dir) {
        try (TerminalStore store = TerminalStore.open(dir)) {
            new DeviceRepo(store).writeSecret("secret-" + POS_ID);
            store.useTx(h -> DeviceRepo.insert(h, SERVER_URL, config(50), Instant.now()));
            List<Change> changes = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                String code = String.format("ITEM-%04d", i);
                List<String> barcodes = i == 1 ? List.of("4006381333931") : List.of();
                long price = i == 1 ? 150 : 100L * i;
                changes.add(change(Entities.ITEM, code, new ItemData(code, "Item " + i, barcodes, price, 1500, true)));
                changes.add(change(Entities.STOCK, code, new StockLevel(code, "Main", 100)));
            }
            changes.add(change(Entities.PROFILE, "Main Store", new ProfileData("Main Store", "Main", "Standard Selling",
                    List.of("Cash", "Card"), "VAT 15", "Demo Shop", "Thank you", "pk-1")));
            changes.add(change(Entities.DEVICE_USER, "amira@demo.shop",
                    new DeviceUserData("amira@demo.shop", "Amira", "Haddad", AMIRA_HASH, true, true, true)));
            changes.add(change(Entities.DEVICE_USER, "ben@demo.shop",
                    new DeviceUserData("ben@demo.shop", "Ben", "Okafor", BEN_HASH, false, false, false)));
            changes.add(change(Entities.SHIFT_USER, "amira@demo.shop/Morning", new ShiftUserData("amira@demo.shop", "Morning")));
            changes.add(change(Entities.CUSTOMER, "CUST-0000-00001", new CustomerData("CUST-0000-00001", "Walk-in Club", null, null)));
            changes.add(change(Entities.DEVICE, POS_ID, config(50)));
            store.useTx(h -> new PullApplier().apply(h, new PullPage("c1", false, 0, changes), Instant.now()));
        }
    }

    public static Change change(String entity, String key, Object data) {
        return new Change(entity, key, false, JSON.valueToTree(data));
    }
}
