package dev.tillsync.server.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tillsync.core.json.Json;
import dev.tillsync.core.money.Money;
import dev.tillsync.core.payload.ShiftClosePayload;
import dev.tillsync.core.sync.SyncRow;
import dev.tillsync.server.device.DeviceRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Records a shift close: expected against counted cash, for reconciliation; a cash difference is flagged. */
public final class ShiftCloseApplier implements RowApplier {
    private final ObjectMapper json = Json.mapper();

    @Override
    public String numberOf(SyncRow row) {
        return row.payload() != null && row.payload().hasNonNull("shiftUuid") ? row.payload().get("shiftUuid").asText() : null;
    }

    @Override
    public AppliedRow apply(Handle h, IngestContext ctx, SyncRow row, RowEffects effects) throws Rejection {
        DeviceRecord device = ctx.device();
        ShiftClosePayload s = Payloads.read(row, ShiftClosePayload.class);
        if (s.shiftUuid() == null || s.shiftUuid().isBlank() || s.closedAt() == null) {
            throw new Rejection("invalid_payload", "A shift_close needs shiftUuid and closedAt.");
        }
        if (!Payloads.storable(s.closedAt())) {
            throw new Rejection("invalid_payload", "A shift_close's closedAt must be within the years 1 to 9999.");
        }
        if (s.countedCashMinor() < 0 || s.salesCount() < 0) {
            throw new Rejection("invalid_payload", "Shift " + s.shiftUuid() + ": counted cash and sales count cannot be negative.");
        }
        requireOwnShift(h, device, s.shiftUuid());
        List<String> review = new ArrayList<>();
        boolean opened = h.createQuery("select exists (select 1 from pos_shift where shift_uuid = :u and opened_at is not null)")
                .bind("u", s.shiftUuid()).mapTo(Boolean.class).one();
        if (!opened) review.add("shift " + s.shiftUuid() + " closed but its opening has not been received");
        long diff = s.countedCashMinor() - s.expectedCashMinor();
        if (diff != 0) {
            review.add("cash difference " + Money.format(diff) + " (expected " + Money.format(s.expectedCashMinor())
                    + ", counted " + Money.format(s.countedCashMinor()) + ")");
        }
        String totals;
        try {
            totals = json.writeValueAsString(s.totalsByModeMinor());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        int n = h.createUpdate("""
                insert into pos_shift (shift_uuid, device_id, closed_at, closed_by, expected_cash_minor, counted_cash_minor, totals_by_mode, sales_count)
                values (:u, :d, :at, :by, :exp, :cnt, :tot, :sales)
                on conflict (shift_uuid) do update set closed_at = excluded.closed_at, closed_by = excluded.closed_by,
                    expected_cash_minor = excluded.expected_cash_minor, counted_cash_minor = excluded.counted_cash_minor,
                    totals_by_mode = excluded.totals_by_mode, sales_count = excluded.sales_count
                where pos_shift.closed_at is null
                """)
                .bind("u", s.shiftUuid()).bind("d", device.id()).bind("at", s.closedAt()).bind("by", s.user())
                .bind("exp", s.expectedCashMinor()).bind("cnt", s.countedCashMinor()).bind("tot", totals)
                .bind("sales", s.salesCount()).execute();
        if (n == 0) {
            throw new Rejection("shift_already_closed", "Shift " + s.shiftUuid() + " was already closed by another row.");
        }
        return new AppliedRow(s.shiftUuid(), review);
    }

    static void requireOwnShift(Handle h, DeviceRecord device, String shiftUuid) throws Rejection {
        Optional<Long> owner = h.createQuery("select device_id from pos_shift where shift_uuid = :u").bind("u", shiftUuid)
                .mapTo(Long.class).findOne();
        if (owner.isPresent() && owner.get() != device.id()) {
            throw new Rejection("foreign_shift", "Shift " + shiftUuid + " belongs to another device.");
        }
    }
}
