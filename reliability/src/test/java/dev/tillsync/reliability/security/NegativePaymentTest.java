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
import org.junit.jupiter.api.Test;

/**
 * Found by this suite: the server once accepted a sale paid Cash 3.73 + Card -1.00 because its check only
 * compared sums. Payment signs are now part of core InvoiceMath, shared by terminal and server.
 */
class NegativePaymentTest {
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
