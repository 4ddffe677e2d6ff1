package dev.tillsync.terminal.store;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.json.Json;
import dev.tillsync.core.sync.RowResult;

/**
 * core's Json.mapper() without the convenience getters isCash(), isReturn() and isSynced() turning into the
 * JSON properties "cash", "return" and "synced" (which the strict reader on the other side would refuse).
 * Ignored both ways, as the server does, so either form is understood.
 */
public final class TerminalJson {
    private TerminalJson() {}

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
