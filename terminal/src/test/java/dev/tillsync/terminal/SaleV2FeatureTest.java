package dev.tillsync.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.sync.SyncHeaders;
import dev.tillsync.terminal.support.LocalDevice;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A till of this release names the sale-v2 feature on its sync calls, next to the features it named before. */
class SaleV2FeatureTest {
    @TempDir
    Path dir;

    @Test
    void everyAuthenticatedSyncCallNamesSaleV2() throws Exception {
        LocalDevice.prepare(dir);
        List<String> features = new CopyOnWriteArrayList<>();
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", ex -> {
            String f = ex.getRequestHeaders().getFirst(SyncHeaders.FEATURES);
            if (f != null) features.add(f);
            ex.sendResponseHeaders(503, -1);
            ex.close();
        });
        http.start();
        try (PosTerminal pos = PosTerminal.open(dir)) {
            pos.login("amira@demo.shop", "1234");
            pos.setServerUrl("http://127.0.0.1:" + http.getAddress().getPort());
            pos.openShift(0, null);
            pos.recordSale(new SaleRequest(List.of(SaleItem.units("ITEM-0001", 1)), null, List.of(new Payment("Cash", 500, null))));
            pos.syncNow().get();
        } finally {
            http.stop(0);
        }
        assertThat(features).isNotEmpty().allSatisfy(f -> assertThat(List.of(f.split(",")))
                .contains(SyncHeaders.HIGH_WATER, SyncHeaders.MASTER_V2, SyncHeaders.SALE_V2));
    }
}
