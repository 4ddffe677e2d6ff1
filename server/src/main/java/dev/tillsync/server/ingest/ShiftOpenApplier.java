package dev.tillsync.server.ingest;

import dev.tillsync.core.payload.ShiftOpenPayload;
import dev.tillsync.core.sync.SyncRow;
import dev.tillsync.server.catalog.Catalog;
import dev.tillsync.server.device.DeviceRecord;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Records a shift opened on a terminal. */
public final class ShiftOpenApplier implements RowApplier {
    private final Catalog catalog;

    public ShiftOpenApplier(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String numberOf(SyncRow row) {
        return row.payload() != null && row.payload().hasNonNull("shiftUuid") ? row.payload().get("shiftUuid").asText() : null;
    }

    @Override
    public AppliedRow apply(Handle h, IngestContext ctx, SyncRow row, RowEffects effects) throws Rejection {
        DeviceRecord device = ctx.device();
        ShiftOpenPayload s = Payloads.read(row, ShiftOpenPayload.class);
        if (s.shiftUuid() == null || s.shiftUuid().isBlank() || s.openedAt() == null) {
            throw new Rejection("invalid_payload", "A shift_open needs shiftUuid and openedAt.");
        }
        if (!Payloads.storable(s.openedAt())) {
            throw new Rejection("invalid_payload", "A shift_open's openedAt must be within the years 1 to 9999.");
        }
        if (s.openingFloatMinor() < 0) {
            throw new Rejection("invalid_payload", "Shift " + s.shiftUuid() + " has a negative opening float.");
        }
        List<String> review = new ArrayList<>();
        if (s.shiftType() != null && !catalog.shiftTypeExists(h, s.shiftType())) {
            review.add("shift type " + s.shiftType() + " does not exist on the server");
        }
        // A device without shift users lets anyone open a shift, as its till does.
        if (s.user() != null && hasShiftUsers(h, device) && !isShiftUser(h, device, s.user(), s.shiftType())) {
            review.add(s.shiftType() == null
                    ? s.user() + " opened a shift without a shift type and is not a shift user of " + device.posId()
                    : s.user() + " is not a shift user of " + device.posId() + " for shift type " + s.shiftType());
        }
        ShiftCloseApplier.requireOwnShift(h, device, s.shiftUuid());
        int n = h.createUpdate("""
                insert into pos_shift (shift_uuid, device_id, user_email, shift_type, opening_float_minor, opened_at)
                values (:u, :d, :user, :type, :float, :at)
                on conflict (shift_uuid) do update set user_email = excluded.user_email, shift_type = excluded.shift_type,
                    opening_float_minor = excluded.opening_float_minor, opened_at = excluded.opened_at
                where pos_shift.opened_at is null
                """)
                .bind("u", s.shiftUuid()).bind("d", device.id()).bind("user", s.user()).bind("type", s.shiftType())
                .bind("float", s.openingFloatMinor()).bind("at", s.openedAt()).execute();
        if (n == 0) {
            throw new Rejection("duplicate_shift", "Shift " + s.shiftUuid() + " was already opened by another row.");
        }
        return new AppliedRow(s.shiftUuid(), review);
    }

    private static boolean hasShiftUsers(Handle h, DeviceRecord d) {
        return h.createQuery("select exists (select 1 from pos_offline_shift_user where device_id = :d)")
                .bind("d", d.id()).mapTo(Boolean.class).one();
    }

    private static boolean isShiftUser(Handle h, DeviceRecord d, String email, String type) {
        return h.createQuery("""
                        select exists (select 1 from pos_offline_shift_user s join app_user u on u.id = s.user_id
                                       where s.device_id = :d and u.email = :e and s.shift_type = :t)
                        """).bind("d", d.id()).bind("e", email.toLowerCase()).bind("t", type).mapTo(Boolean.class).one();
    }
}
