package dev.tillsync.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tillsync.core.json.Json;
import dev.tillsync.terminal.store.TerminalStore;
import dev.tillsync.terminal.support.Cli;
import dev.tillsync.terminal.support.Cli.Run;
import dev.tillsync.terminal.support.LossyProxy;
import dev.tillsync.terminal.support.MutableClock;
import dev.tillsync.terminal.support.SharedServer;
import dev.tillsync.terminal.support.SkewedClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real CLI against a real server (through a line the test can cut) with the till's clock in the test's hand:
 * when a sale counts as online (issue 15, point 11) and what a till's wrong clock shows (point 10).
 */
class ClockAndLineCliTest {
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

    Run run(Clock clock, String... args) {
        return Cli.run(dir, TerminalOptions.defaults().withClock(clock), Cli.with(List.of("--timeout", "5"), args));
    }

    /** Links a fresh device through the CLI, logs amira in and opens a shift; returns the POS ID. */
    String linkedTill(Clock clock) {
        proxy.down(false);
        SharedServer.Device d = SharedServer.newDevice(50);
        Run link = run(clock, "link", "--server", proxy.url(), "--code", d.code());
        assertThat(link.exit()).as(link.err()).isZero();
        assertThat(run(clock, "login", "--user", "amira@demo.shop", "--pin", "1234").exit()).isZero();
        assertThat(run(clock, "shift", "open", "--float", "10.00").exit()).isZero();
        return d.posId();
    }

    boolean storedOffline(String number) {
        try (TerminalStore s = TerminalStore.open(dir)) {
            int offline = s.read(h -> h.createQuery("select offline from invoice where number = :n").bind("n", number).mapTo(Integer.class).one());
            return offline == 1;
        }
    }

    @Test
    void aSaleMadeAfterTheLineDroppedUnnoticedIsOfflineOnItsReceiptInTheStoreAndOnTheServer() {
        MutableClock clock = new MutableClock(Instant.now());
        String posId = linkedTill(clock);
        Run online = run(clock, "sell", "--item", "ITEM-0001", "--pay", "Cash:5");
        assertThat(online.exit()).as(online.err()).isZero();
        assertThat(online.out()).contains(posId + "-000001").doesNotContain("OFFLINE"); // the link's answers confirmed the line just now

        proxy.down(true);                        // the line drops; nothing probes it (no `terminal run`)
        clock.advance(Duration.ofSeconds(20));   // longer than the online window since the server last answered
        Run dropped = run(clock, "sell", "--item", "ITEM-0001", "--pay", "Cash:5");
        assertThat(dropped.exit()).as(dropped.err()).isZero();
        assertThat(dropped.out()).contains(posId + "-000002").contains("OFFLINE");
        assertThat(storedOffline(posId + "-000001")).isFalse();
        assertThat(storedOffline(posId + "-000002")).isTrue();

        proxy.down(false);
        Run sync = run(clock, "sync");
        assertThat(sync.exit()).as(sync.out() + sync.err()).isZero();
        // The back office's "made offline" figures count what the till stored: the one rule for all three.
        assertThat(SharedServer.count("select count(*) from sales_invoice i join pos_offline d on d.id = i.device_id "
                + "where d.pos_id = ? and i.offline", posId)).isEqualTo(1);
        Run afterSync = run(clock, "sell", "--item", "ITEM-0001", "--pay", "Cash:5");
        assertThat(afterSync.out()).contains(posId + "-000003").doesNotContain("OFFLINE"); // the sync just confirmed the line
    }

    @Test
    void aTillClockDaysAheadIsShownInStatusAndOnTheDeviceRecordAndItsSalesAreFlaggedNotRefused() throws Exception {
        long threeDays = Duration.ofDays(3).toMillis();
        SkewedClock clock = new SkewedClock(Duration.ofDays(3));
        String posId = linkedTill(clock);
        assertThat(run(clock, "sell", "--item", "ITEM-0001", "--pay", "Cash:5").exit()).isZero();
        Run sync = run(clock, "sync");
        assertThat(sync.exit()).as(sync.out() + sync.err()).isZero();

        Run status = run(clock, "status", "--no-probe");
        assertThat(status.out()).contains("Clock:").contains("3 d 0 h ahead of the server");
        JsonNode json = Json.mapper().readTree(run(clock, "status", "--no-probe", "--json").out());
        assertThat(json.at("/clockOffset/millis").asLong()).isCloseTo(threeDays, within(5_000L));

        var device = SharedServer.get().services().devices().get(posId);
        assertThat(device.clockOffset()).isNotNull();
        assertThat(device.clockOffset().millis()).isCloseTo(threeDays, within(5_000L));
        assertThat(reviewReasons(posId, posId + "-000001")).contains("after the server's time");

        // The clock is put right (3 days back): the next sale is before the previous one by far more than the tolerance.
        clock.set(Duration.ZERO);
        assertThat(run(clock, "sell", "--item", "ITEM-0001", "--pay", "Cash:5").exit()).isZero();
        assertThat(run(clock, "sync").exit()).isZero();
        assertThat(reviewReasons(posId, posId + "-000002")).contains("before the device's previous invoice " + posId + "-000001");
        assertThat(SharedServer.serverInvoices(posId)).isEqualTo(2); // both accepted, in sequence order
        assertThat(run(clock, "status").out()).contains("Clock:        in step with the server");
    }

    private static String reviewReasons(String posId, String number) {
        try (var c = SharedServer.get().dataSource().getConnection(); var ps = c.prepareStatement("""
                select s.review, s.review_reasons from pos_offline_sync_status s join pos_offline d on d.id = s.device_id
                where d.pos_id = ? and s.number = ?
                """)) {
            ps.setString(1, posId);
            ps.setString(2, number);
            try (var rs = ps.executeQuery()) {
                assertThat(rs.next()).as("sync status of " + number).isTrue();
                assertThat(rs.getBoolean(1)).as("review flag of " + number).isTrue();
                return rs.getString(2);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
