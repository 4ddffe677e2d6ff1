package dev.tillsync.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.master.ItemData;
import dev.tillsync.core.master.PaymentModeData;
import dev.tillsync.server.TillServer;
import dev.tillsync.server.admin.DemoSeed;
import dev.tillsync.server.catalog.Catalog;
import dev.tillsync.terminal.support.LossyProxy;
import dev.tillsync.terminal.support.SharedServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, reaching the tills: a running till pulls on its profile's interval with nothing to push, so its next sale
 * uses a price changed on the server; an offline sale keeps the price it was sold at and reconciliation flags both.
 */
class PricesReachRunningTillTest {
    static final int PULL_SECONDS = 5; // the shortest the server allows
    static LossyProxy proxy;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        proxy = new LossyProxy(SharedServer.get().port());
    }

    @AfterAll
    static void stop() throws Exception {
        proxy.close();
    }

    static void price(String code, long priceMinor) {
        TillServer s = SharedServer.get();
        s.services().jdbi().useTransaction(h -> s.services().catalog().upsertItem(h,
                new ItemData(code, "Pull test " + code, List.of(), priceMinor, 1500, true)));
    }

    static String reviewReasons(String posId) {
        return SharedServer.get().services().jdbi().withHandle(h -> h.createQuery("""
                select string_agg(coalesce(s.review_reasons, ''), ' | ') from pos_offline_sync_status s
                join pos_offline d on d.id = s.device_id where d.pos_id = :p and s.kind = 'invoice'
                """).bind("p", posId).mapTo(String.class).one());
    }

    static void await(BooleanSupplier cond, Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("not within " + max);
            Thread.sleep(50);
        }
    }

    static SaleRequest sale(String code) {
        return new SaleRequest(List.of(new SaleItem(code, 1)), null, List.of(new Payment("Cash", 1000, null)));
    }

    @Test
    void aRunningTillSellsAtThePriceChangedOnTheServerWithinThePullIntervalAndAnOfflineSaleKeepsItsPrice() throws Exception {
        TillServer s = SharedServer.get();
        s.services().jdbi().useTransaction(h -> s.services().catalog().ensureProfile(h, new Catalog.ProfileSpec("Fast Pull",
                DemoSeed.WAREHOUSE, Catalog.DEFAULT_PRICE_LIST, List.of(new PaymentModeData("Cash", PaymentModeData.CASH, true, false)),
                "VAT 15%", "Fast Pull Store", "Thanks", "Fast Pull Store", null, 0, 0, PULL_SECONDS, null)));
        String posId = "POS-9" + (System.nanoTime() % 1000);
        String code = "PULL-" + posId.substring(4);
        price(code, 150);
        s.admin().createDevice(posId, "Fast Pull", 50, posId + "-", "CUST-" + posId.substring(4) + "-", "pull test");
        s.admin().addDeviceUser(posId, "amira@demo.shop", true, true, true);
        s.admin().addShiftUser(posId, "amira@demo.shop", "Morning");
        TerminalOptions options = TerminalOptions.defaults().withRequestTimeout(Duration.ofSeconds(10))
                .withIntervals(Duration.ofMillis(300), Duration.ofMillis(600), Duration.ofSeconds(600));
        try (PosTerminal pos = PosTerminal.open(dir, options)) {
            assertThat(pos.link(proxy.url(), s.admin().issueLinkCode(posId), "pull test").pullError()).isNull();
            pos.login("amira@demo.shop", "1234");
            pos.openShift(0, null);
            assertThat(pos.findItem(code).orElseThrow().priceMinor()).isEqualTo(150);
            pos.startBackground();
            pos.syncNow().get();
            assertThat(pos.status().notSynced()).isZero();

            // Online, nothing to push: the timer alone brings the new price, within the profile's interval (5 s) plus a probe.
            long changedAt = System.nanoTime();
            price(code, 180);
            await(() -> pos.findItem(code).orElseThrow().priceMinor() == 180, Duration.ofSeconds(PULL_SECONDS + 3));
            Duration took = Duration.ofNanos(System.nanoTime() - changedAt);
            assertThat(took).isLessThan(Duration.ofMillis(PULL_SECONDS * 1000L + 1500));
            assertThat(pos.recordSale(sale(code)).invoice().lines().getFirst().rateMinor()).isEqualTo(180);
            assertThat(pos.status().pricesAsOf()).isNotNull();

            // Offline: the sale keeps 1.80; the server changes to 2.10 meanwhile; once synced, reconciliation shows both.
            proxy.down(true);
            await(() -> !pos.online(), Duration.ofSeconds(10));
            SaleReceipt offline = pos.recordSale(sale(code));
            assertThat(offline.offline()).isTrue();
            assertThat(offline.invoice().lines().getFirst().rateMinor()).isEqualTo(180);
            price(code, 210);
            proxy.down(false);
            await(() -> pos.status().notSynced() == 0 && pos.findItem(code).orElseThrow().priceMinor() == 210, Duration.ofSeconds(15));
            assertThat(reviewReasons(posId)).contains(code + " sold at 1.80, server price is 2.10");
            System.out.println("price reached the running till in " + took.toMillis() + " ms (pull interval " + PULL_SECONDS + " s)");
        }
    }
}
