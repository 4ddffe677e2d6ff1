package dev.tillsync.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tillsync.server.ingest.ImportSummary;
import dev.tillsync.terminal.cli.TerminalMain;
import dev.tillsync.terminal.support.Cli;
import dev.tillsync.terminal.support.Cli.Run;
import dev.tillsync.terminal.support.LossyProxy;
import dev.tillsync.terminal.support.SharedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device link lifecycle through the real terminal CLI against a real server (embedded PostgreSQL), with a
 * loopback proxy that cuts the line: an unlink the till is told of, a forced unlink with sales still on the till,
 * an unlinked till's export, and rows whose push answer never came.
 */
class LinkLifecycleCliTest {
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

    @BeforeEach
    void lineUp() {
        proxy.down(false);
    }

    Run run(String... args) {
        return Cli.run(dir, Cli.with(List.of("--timeout", "5"), args));
    }

    /** Links the folder to a new device through the CLI, logs amira in and opens a shift; returns the POS ID. */
    String linkedAndSelling(int rowsPerRequest) {
        SharedServer.Device d = SharedServer.newDevice(rowsPerRequest);
        Run link = run("link", "--server", proxy.url(), "--code", d.code());
        assertThat(link.exit()).as(link.err()).isZero();
        assertThat(run("login", "--user", "amira@demo.shop", "--pin", "1234").exit()).isZero();
        assertThat(run("shift", "open", "--float", "10.00").exit()).isZero();
        return d.posId();
    }

    void sell(int n) {
        for (int i = 0; i < n; i++) {
            Run sale = run("sell", "--item", "ITEM-0001", "--pay", "Cash:5");
            assertThat(sale.exit()).as(sale.err()).isZero();
        }
    }

    @Test
    void aTillToldOfAnUnlinkStopsSellingAtOnceEvenWhenTheLineDropsRightAfter() {
        String posId = linkedAndSelling(1);
        sell(2);
        SharedServer.get().admin().unlink(posId, false);
        // One row a request: the first push is answered (saying "Unlink in progress"), then the line drops.
        proxy.cutAfterRequests(1);
        Run cut = run("sync");
        assertThat(cut.exit()).isEqualTo(TerminalMain.SYNC_INCOMPLETE);

        assertThat(run("status", "--no-probe").out()).contains("(Unlink in progress)");
        Run offlineSale = run("sell", "--item", "ITEM-0001", "--pay", "Cash:5");
        assertThat(offlineSale.exit()).isEqualTo(TerminalMain.REFUSED);
        assertThat(offlineSale.err()).contains("unlink_in_progress")
                .contains("this till is being unlinked by the back office; it is sending its last sales");
        assertThat(run("log", "show", "--limit", "50").out()).contains("connection_status");

        proxy.down(false);
        Run drained = run("sync");
        assertThat(drained.exit()).as(drained.err()).isZero();
        assertThat(run("status", "--no-probe").out()).contains("(Unlinked)");
        assertThat(SharedServer.serverInvoices(posId)).isEqualTo(2);
    }

    @Test
    void aForceUnlinkedFolderWithUnsyncedSalesIsNotLinkedElsewhereUntilExportedAndTheExportImports() throws Exception {
        String oldPosId = linkedAndSelling(50);
        sell(3);
        SharedServer.get().admin().unlink(oldPosId, true);
        Run refused = run("sync");
        assertThat(refused.exit()).isEqualTo(TerminalMain.SYNC_INCOMPLETE);
        assertThat(run("status", "--no-probe").out()).contains("(Unlinked)");

        SharedServer.Device other = SharedServer.newDevice(50);
        Run relink = run("link", "--server", proxy.url(), "--code", other.code());
        assertThat(relink.exit()).isEqualTo(TerminalMain.REFUSED);
        assertThat(relink.err()).contains("unexported_transactions").contains(oldPosId).contains("4 transactions")
                .contains("terminal export --out FILE");
        assertThat(run("status", "--no-probe").out()).contains(oldPosId).contains("(Unlinked)");

        // The old identity's export: signed with the old secret, verified on the server with the stored key.
        assertThat(run("login", "--user", "amira@demo.shop", "--pin", "1234").exit()).isZero();
        Path file = dir.resolve("usb/old-till.gz");
        Run export = run("export", "--out", file.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(export.out()).contains("Exported 4 transactions").contains("bin/pos server admin import");
        ImportSummary imported = SharedServer.get().admin().importFile(file);
        assertThat(imported.posId()).isEqualTo(oldPosId);
        assertThat(imported.accepted()).isEqualTo(4);
        assertThat(imported.rejected()).isZero();
        assertThat(SharedServer.serverInvoices(oldPosId)).isEqualTo(3);

        // Exported: the folder may now be linked as the other device (the refused attempt did not use up the code),
        // and the old device's rows are never pushed under the new identity.
        Run linked = run("link", "--server", proxy.url(), "--code", other.code());
        assertThat(linked.exit()).as(linked.err()).isZero();
        JsonNode old = run("history", "--json").json();
        assertThat(old).hasSize(4).allSatisfy(e -> {
            assertThat(e.get("status").asText()).isEqualTo("FAILED");
            assertThat(e.get("reasonCode").asText()).isEqualTo("other_device");
            assertThat(e.get("reason").asText()).contains(oldPosId).contains(file.getFileName().toString());
        });
        assertThat(run("login", "--user", "amira@demo.shop", "--pin", "1234").exit()).isZero();
        assertThat(run("shift", "open", "--float", "0").exit()).isZero();
        sell(1);
        Run sync = run("sync");
        assertThat(sync.exit()).as(sync.out() + sync.err()).isZero();
        assertThat(SharedServer.serverInvoices(other.posId())).isEqualTo(1);
        assertThat(SharedServer.count("""
                select count(*) from pos_offline_sync_status s join pos_offline d on d.id = s.device_id
                where d.pos_id = ? and s.outcome = 'rejected'""", other.posId())).isZero();
        assertThat(SharedServer.serverInvoices(oldPosId)).isEqualTo(3);
    }

    @Test
    void anUnlinkedTillStillLetsAUserWithCanExportLogLogInAndExport() throws Exception {
        String posId = linkedAndSelling(50);
        sell(1);
        SharedServer.get().admin().unlink(posId, false);
        assertThat(run("sync").exit()).isZero();
        assertThat(run("status", "--no-probe").out()).contains("(Unlinked)");

        Run ben = run("login", "--user", "ben@demo.shop", "--pin", "5678");
        assertThat(ben.exit()).isEqualTo(TerminalMain.REFUSED);
        assertThat(ben.err()).contains("terminal_unlinked").contains("can_export_log")
                .contains("terminal login --user EMAIL --pin PIN").contains("terminal export --out FILE")
                .doesNotContain("a manager's tools");
        Run amira = run("login", "--user", "amira@demo.shop", "--pin", "1234");
        assertThat(amira.exit()).as(amira.err()).isZero();
        Path file = dir.resolve("all.gz");
        Run export = run("export", "--since", "1", "--out", file.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(Files.size(file)).isPositive();
        Run sale = run("sell", "--item", "ITEM-0001", "--pay", "Cash:5");
        assertThat(sale.exit()).isEqualTo(TerminalMain.REFUSED);
        assertThat(sale.err()).contains("terminal_unlinked");
    }

    @Test
    void rowsWhosePushAnswerWasLostAreBackToPendingAndCountedAsNotYetSynced() {
        String posId = linkedAndSelling(50);
        sell(3);
        proxy.dropNextResponse();
        Run lost = run("sync");
        assertThat(lost.exit()).isEqualTo(TerminalMain.SYNC_INCOMPLETE);
        assertThat(SharedServer.serverInvoices(posId)).isEqualTo(3); // the server committed; only the answer was lost

        JsonNode history = run("history", "--json").json();
        assertThat(history).hasSize(4).allSatisfy(e -> assertThat(e.get("status").asText()).isEqualTo("PENDING"));
        assertThat(run("history", "--status", "syncing").out()).doesNotContain("POS-");
        JsonNode status = run("status", "--no-probe", "--json").json();
        assertThat(status.get("syncing").asLong()).isZero();
        assertThat(status.get("notSynced").asLong()).isEqualTo(4);
        assertThat(run("status", "--no-probe").out()).contains("4 not yet synced");

        Run again = run("sync");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("duplicates 4");
        assertThat(run("status", "--no-probe", "--json").json().get("notSynced").asLong()).isZero();
        assertThat(SharedServer.serverInvoices(posId)).isEqualTo(3);
    }
}
