package dev.tillsync.server.ingest;

import dev.tillsync.core.invoice.NumberingSeries;
import dev.tillsync.core.master.CustomerData;
import dev.tillsync.core.payload.CustomerPayload;
import dev.tillsync.core.sync.Entities;
import dev.tillsync.core.sync.SyncRow;
import dev.tillsync.server.catalog.Catalog;
import dev.tillsync.server.device.DeviceRecord;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Applies a customer created on a terminal; a phone already on file is flagged, not refused (invariant 6). */
public final class CustomerApplier implements RowApplier {
    private final Catalog catalog;

    public CustomerApplier(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public AppliedRow apply(Handle h, IngestContext ctx, SyncRow row, RowEffects effects) throws Rejection {
        DeviceRecord device = ctx.device();
        CustomerPayload c = Payloads.read(row, CustomerPayload.class);
        if (c.number() == null || !NumberingSeries.customers(device.customerSeries()).contains(c.number())) {
            throw new Rejection("number_outside_series", "Customer number '" + c.number() + "' is not in this device's series "
                    + device.customerSeries() + "NNNNN.");
        }
        if (c.name() == null || c.name().isBlank()) {
            throw new Rejection("invalid_payload", "Customer " + c.number() + " has no name.");
        }
        if (c.name().length() > 200 || (c.phone() != null && c.phone().length() > 40) || (c.email() != null && c.email().length() > 200)) {
            throw new Rejection("invalid_payload", "Customer " + c.number() + " has a name, phone or email that is too long.");
        }
        List<String> review = new ArrayList<>();
        List<String> samePhone = catalog.customersWithPhone(h, c.phone());
        if (!samePhone.isEmpty()) {
            review.add("possible duplicate customer: phone " + c.phone() + " already belongs to " + String.join(", ", samePhone));
        }
        CustomerData data = new CustomerData(c.number(), c.name(), c.phone(), c.email());
        if (!catalog.insertCustomerUnpublished(h, data, device.id())) {
            throw new Rejection("duplicate_number", "Customer number " + c.number() + " was already received from another row.");
        }
        effects.publish(Entities.CUSTOMER, "", c.number(), data);
        return new AppliedRow(c.number(), review);
    }
}
