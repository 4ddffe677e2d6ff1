package dev.tillsync.reliability.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tillsync.core.sync.RowKind;
import dev.tillsync.reliability.support.Api;
import dev.tillsync.reliability.support.Devices;
import dev.tillsync.reliability.support.Rows;
import dev.tillsync.reliability.support.SharedEnv;
import dev.tillsync.server.TillServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Bugs this suite found in modules it does not own, each as a test that fails until the owner fixes it. Tagged
 * {@code known-bug} and left out of the default run (see the pom) so CI stays green; run them with
 * {@code mvn -pl reliability test -Dgroups=known-bug -Dreliability.excludedGroups=none}.
 */
@Tag("known-bug")
class KnownServerBugsTest {
    private final TillServer server = SharedEnv.server();

    /**
     * The terminal refuses a sale payment of zero or less (SaleRecorder.normalisePayments), but the server's
     * invoice check only compares sums: a sale paid Cash 3.73 + Card -1.00 adds up and is accepted, so a
     * device (or a forged row) can move money between payment modes inside a sale — the shift's expected cash
     * and the per-mode totals are then wrong.
     */
    @Test
    void aNegativePaymentOnASaleIsRejected() {
        Devices.Linked d = Devices.linked(server, "BUG");
        ObjectNode inv = Rows.tree(Rows.penInvoice(d.invoiceSeries() + "000001", d.profileKey(), 2));
        ArrayNode p = (ArrayNode) inv.get("payments");
        ((ObjectNode) p.get(0)).put("amountMinor", p.get(0).get("amountMinor").asLong() + 100);
        p.addObject().put("mode", "Card").put("amountMinor", -100);
        Api.Response r = d.api().post("/sync/push", Rows.batch(d, Rows.row(1, RowKind.INVOICE, inv)));
        assertThat(r.body().get("results").get(0).get("outcome").asText()).as(r.toString()).isEqualTo("rejected");
    }
}
