package dev.tillsync.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.returns.ReturnableInvoice;
import dev.tillsync.terminal.support.LossyProxy;
import dev.tillsync.terminal.support.SharedServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Returns against any sale of the store, against the real server: a till asks the server while online (what every
 * till took back), works from the store's recent sales the pull brought while offline, refuses more than it knows to be
 * left, and two tills offline at once that together take back too much are both accepted, the second flagged.
 */
class StoreWideReturnTest {
    @TempDir
    Path dirA;
    @TempDir
    Path dirB;
    LossyProxy lineA, lineB;

    @BeforeEach
    void lines() throws Exception {
        lineA = new LossyProxy(SharedServer.get().port());
        lineB = new LossyProxy(SharedServer.get().port());
    }

    @AfterEach
    void close() throws Exception {
        lineA.close();
        lineB.close();
    }

    static PosTerminal till(Path dir, LossyProxy line) {
        SharedServer.Device d = SharedServer.newDevice(50);
        PosTerminal pos = PosTerminal.open(dir, TerminalOptions.defaults().withRequestTimeout(Duration.ofSeconds(5))
                .withIntervals(Duration.ofMillis(300), Duration.ofMillis(600), Duration.ofSeconds(30)));
        assertThat(pos.link(line.url(), d.code(), "returns").pullError()).isNull();
        pos.login("amira@demo.shop", "1234");
        pos.openShift(10_000, null);
        return pos;
    }

    static void sync(PosTerminal pos) throws Exception {
        SyncSummary s = pos.syncNow().get(30, TimeUnit.SECONDS);
        assertThat(s.error()).as("sync").isNull();
    }

    /** A cash return of {@code units} of ITEM-0002 (no discount on the sale), refunding what the till will say is due. */
    static ReturnRequest back(PosTerminal pos, String number, long units) {
        Item item = pos.findItem("ITEM-0002").orElseThrow();
        long total = dev.tillsync.core.pricing.SaleMath.price(List.of(new dev.tillsync.core.pricing.CartLine("ITEM-0002", item.name(),
                -units * 1000, false, item.priceMinor(), item.taxRateBp(), null)), null, false).totalMinor();
        long due = total + dev.tillsync.core.pricing.CashRounding.adjustment(total, 5); // the demo profile rounds cash to 0.05
        return new ReturnRequest(number, List.of(SaleItem.units("ITEM-0002", units)), List.of(new Payment("Cash", due, null)));
    }

    @Test
    void aSaleOfOneTillIsReturnedAtAnotherOnlineAndOfflineAndTooMuchFromTwoOfflineTillsIsFlagged() throws Exception {
        try (PosTerminal a = till(dirA, lineA); PosTerminal b = till(dirB, lineB)) {
                        SaleReceipt sold = a.recordSale(new SaleRequest(List.of(SaleItem.units("ITEM-0002", 4)), null,
                    List.of(new Payment("Cash", 1_000_000, null))));
            sync(a);

            // Online at B: the server tells what is left, and B takes one back.
            sync(b);
            ReturnableInvoice seen = b.returnable(sold.number());
            assertThat(seen.posId()).isEqualTo(a.deviceInfo().posId());
            assertThat(seen.lines()).singleElement().satisfies(l -> {
                assertThat(l.qtyMilli()).isEqualTo(4000);
                assertThat(l.returnedMilli()).isZero();
            });
            SaleReceipt r1 = b.recordReturn(back(b, sold.number(), 1));
            assertThat(r1.invoice().returnAgainst()).isEqualTo(sold.number());
            sync(b);
            assertThat(b.returnable(sold.number()).lines().get(0).returnedMilli()).isEqualTo(1000);

            // A pulls the sale again (the server re-sends it after B's return), then the line goes down.
            sync(a);
            lineA.down(true);
            lineB.down(true);
            assertThat(a.syncNow().get(30, TimeUnit.SECONDS).error()).isNotNull();
            assertThat(b.syncNow().get(30, TimeUnit.SECONDS).error()).isNotNull();
            assertThat(a.online()).isFalse();
            assertThat(a.returnable(sold.number()).lines().get(0).returnedMilli()).as("A knows B's return offline").isEqualTo(1000);
            assertThatThrownBy(() -> a.recordReturn(back(a, sold.number(), 4))).isInstanceOf(TerminalException.class)
                    .hasMessageContaining("at most 3");
            a.recordReturn(back(a, sold.number(), 2));
            // B, offline, does not know A's return: it still sees 3 left and takes 2 (together 5 of 4).
            assertThat(b.returnable(sold.number()).lines().get(0).leftMilli()).isEqualTo(3000);
            b.recordReturn(back(b, sold.number(), 2));
            assertThatThrownBy(() -> b.recordReturn(back(b, sold.number(), 2))).isInstanceOf(TerminalException.class)
                    .hasMessageContaining("at most 1");

            lineA.down(false);
            lineB.down(false);
            sync(a);
            sync(b);
            String devB = b.deviceInfo().posId();
            assertThat(SharedServer.count("select count(*) from sales_invoice where return_against = ?", sold.number())).isEqualTo(3);
            assertThat(SharedServer.count("""
                    select count(*) from pos_offline_sync_status s join pos_offline d on d.id = s.device_id
                    where d.pos_id = ? and s.outcome = 'accepted' and s.review and s.kind = 'invoice'
                    """, devB)).as("B's second return is flagged").isEqualTo(1);
        }
    }

    @Test
    void aNumberNoTillOfTheStoreSoldIsRefusedClearly() throws Exception {
        try (PosTerminal b = till(dirB, lineB)) {
            sync(b);
            assertThatThrownBy(() -> b.returnable("NOPE-000001")).isInstanceOf(TerminalException.class)
                    .hasMessageContaining("No sale 'NOPE-000001'");
        }
    }
}
