package dev.tillsync.server.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.json.Json;
import dev.tillsync.core.sync.RowResult;

/**
 * core's Json.mapper() with one correction: the convenience getters isCash(), isReturn() and isSynced()
 * would otherwise appear as the extra JSON properties "cash", "return" and "synced", which a strict
 * reader (unknown fields refused) then rejects. The server never writes them and ignores them when a
 * terminal sends them, so it works with terminals that serialise either way.
 */
public final class ServerJson {
    private ServerJson() {}

    @JsonIgnoreProperties({"cash"})
    private abstract static class PaymentMixin {}

    @JsonIgnoreProperties({"return"})
    private abstract static class InvoiceMixin {}

    @JsonIgnoreProperties({"synced"})
    private abstract static class RowResultMixin {}

    public static ObjectMapper mapper() {
        ObjectMapper m = Json.mapper();
        m.addMixIn(Payment.class, PaymentMixin.class);
        m.addMixIn(InvoicePayload.class, InvoiceMixin.class);
        m.addMixIn(RowResult.class, RowResultMixin.class);
        return m;
    }
}
