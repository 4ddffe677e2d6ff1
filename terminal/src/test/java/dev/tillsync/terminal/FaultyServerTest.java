package dev.tillsync.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.terminal.store.DeviceRepo;
import dev.tillsync.terminal.store.TerminalStore;
import dev.tillsync.terminal.support.LocalDevice;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server that answers 500, garbage or too slowly: a clear error, nothing marked, nothing lost. */
class FaultyServerTest {
    @TempDir
    Path dir;

    @Test
    void misbehavingServerLeavesEveryRowQueued() throws Exception {
        AtomicReference<String> mode = new AtomicReference<>("500");
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            byte[] body;
            switch (mode.get()) {
                case "500" -> {
                    body = "{\"error\":\"internal\",\"message\":\"database down\"}".getBytes(StandardCharsets.UTF_8);
                    ex.sendResponseHeaders(500, body.length);
                }
                case "garbage" -> {
                    body = "<html>captive portal</html>".getBytes(StandardCharsets.UTF_8);
                    ex.sendResponseHeaders(200, body.length);
                }
                default -> {
                    try {
                        Thread.sleep(3000);
                    } catch (InterruptedException ignored) {
                        Thread.currentThread().interrupt();
                    }
                    body = "{}".getBytes(StandardCharsets.UTF_8);
                    ex.sendResponseHeaders(200, body.length);
                }
            }
            ex.getResponseBody().write(body);
            ex.close();
        });
        http.start();
        try {
            LocalDevice.prepare(dir);
            try (TerminalStore s = TerminalStore.open(dir)) {
                s.useTx(h -> DeviceRepo.setServerUrl(h, "http://127.0.0.1:" + http.getAddress().getPort()));
            }
            try (PosTerminal pos = PosTerminal.open(dir, TerminalOptions.defaults().withRequestTimeout(Duration.ofSeconds(1)))) {
                pos.login("amira@demo.shop", "1234");
                pos.openShift(0, null);
                pos.recordSale(new SaleRequest(List.of(new SaleItem("ITEM-0001", 1)), null, List.of(new Payment("Cash", 200, null))));

                SyncSummary s500 = pos.syncNow().get();
                assertThat(s500.error()).contains("database down").contains("internal");
                SyncSummary garbage = run(pos, mode, "garbage");
                assertThat(garbage.error()).contains("not the tillsync protocol");
                SyncSummary slow = run(pos, mode, "slow");
                assertThat(slow.error()).contains("did not answer");
                assertThat(pos.online()).isFalse();
                assertThat(pos.history(HistoryFilter.all())).hasSize(2)
                        .allSatisfy(e -> assertThat(e.status()).isEqualTo(SyncStatus.PENDING));
                assertThat(pos.status().syncing()).isZero();
                assertThat(pos.status().notSynced()).isEqualTo(2);
                assertThat(pos.status().lastError()).isNotNull();
            }
        } finally {
            http.stop(0);
        }
    }

    private static SyncSummary run(PosTerminal pos, AtomicReference<String> mode, String m) throws Exception {
        mode.set(m);
        return pos.syncNow().get();
    }
}
