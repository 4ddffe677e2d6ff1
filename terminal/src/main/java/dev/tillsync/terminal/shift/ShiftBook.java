package dev.tillsync.terminal.shift;

import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.payload.ShiftClosePayload;
import dev.tillsync.core.payload.ShiftOpenPayload;
import dev.tillsync.core.sync.RowKind;
import dev.tillsync.terminal.ShiftCloseReport;
import dev.tillsync.terminal.ShiftInfo;
import dev.tillsync.terminal.TerminalException;
import dev.tillsync.terminal.UserSession;
import dev.tillsync.terminal.outbox.Outbox;
import dev.tillsync.terminal.store.EventLog;
import dev.tillsync.terminal.store.TerminalStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Shifts. Invariant: at most one open shift per device (unique index), and opening or closing one writes
 * the shift and its outbox row in one transaction. When the device has shift users (synced from the back office),
 * only they open shifts here, each under one of their own shift types; a device without any takes anyone.
 */
public final class ShiftBook {
    private final TerminalStore store;
    private final Clock clock;

    public ShiftBook(TerminalStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public static Optional<ShiftInfo> current(Handle h) {
        return h.createQuery("select uuid, user_email, shift_type, opening_float_minor, opened_at from shift where closed_at is null")
                .map((rs, ctx) -> new ShiftInfo(rs.getString("uuid"), rs.getString("user_email"), rs.getString("shift_type"),
                        rs.getLong("opening_float_minor"), Instant.parse(rs.getString("opened_at"))))
                .findOne();
    }

    public static ShiftInfo require(Handle h) {
        return current(h).orElseThrow(() -> new TerminalException("no_open_shift",
                "No shift is open. Open one first: terminal shift open --float AMOUNT"));
    }

    public Optional<ShiftInfo> current() {
        return store.read(ShiftBook::current);
    }

    public ShiftInfo open(UserSession user, long floatMinor, String shiftType) {
        if (floatMinor < 0) throw new TerminalException("bad_amount", "The opening float cannot be negative.");
        Instant now = clock.instant();
        return store.inTx(h -> {
            current(h).ifPresent(s -> {
                throw new TerminalException("shift_already_open", "A shift is already open (by " + s.user() + " since " + s.openedAt()
                        + "). Close it first: terminal shift close --counted AMOUNT");
            });
            String type = shiftType(h, user.email(), shiftType);
            ShiftInfo shift = new ShiftInfo(UUID.randomUUID().toString(), user.email(), type, floatMinor, now);
            h.createUpdate("insert into shift (uuid, user_email, shift_type, opening_float_minor, opened_at) values (:u, :e, :t, :f, :at)")
                    .bind("u", shift.uuid()).bind("e", shift.user()).bind("t", type).bind("f", floatMinor).bind("at", now.toString())
                    .execute();
            Outbox.append(h, RowKind.SHIFT_OPEN, shift.uuid(), new ShiftOpenPayload(shift.uuid(), user.email(), type, floatMinor, now), now);
            EventLog.append(h, now, "shift_open", shift.uuid(), "float=" + floatMinor);
            return shift;
        });
    }

    /**
     * The shift type {@code email} opens under: the one asked for, which must be theirs, or their first. Refused for a
     * user who is not a shift user when the device has shift users. Null only on a device without shift users and
     * when none was asked for.
     */
    private static String shiftType(Handle h, String email, String asked) {
        String wanted = asked == null || asked.isBlank() ? null : asked.trim();
        List<Map.Entry<String, String>> all = h.createQuery("select email, shift_type from shift_user order by email, shift_type")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).list();
        if (all.isEmpty()) return wanted;
        List<String> mine = all.stream().filter(e -> e.getKey().equalsIgnoreCase(email)).map(Map.Entry::getValue).toList();
        if (mine.isEmpty()) {
            String users = all.stream().map(e -> e.getKey() + " (" + e.getValue() + ")").distinct().collect(Collectors.joining(", "));
            throw new TerminalException("not_a_shift_user", email + " is not a shift user of this till, so cannot open a shift here."
                    + " Its shift users are " + users + ": one of them opens the shift, or a manager adds " + email
                    + " to the device's Shift Users in the back office and the till syncs.");
        }
        if (wanted == null) return mine.get(0);
        return mine.stream().filter(t -> t.equalsIgnoreCase(wanted)).findFirst().orElseThrow(() -> new TerminalException(
                "not_your_shift_type", email + " is not a shift user for shift type '" + wanted + "' on this till; yours: "
                + String.join(", ", mine) + ". Open with one of them: terminal shift open --float AMOUNT --type " + mine.get(0)));
    }

    public ShiftCloseReport close(UserSession user, long countedMinor) {
        return close(user, countedMinor, null);
    }

    /** What closing now with {@code countedMinor} would report (expected cash, difference), closing nothing: a recount's check. */
    public ShiftCloseReport count(long countedMinor) {
        if (countedMinor < 0) throw new TerminalException("bad_amount", "The counted cash cannot be negative.");
        Instant now = clock.instant();
        return store.read(h -> {
            ShiftInfo shift = require(h);
            Totals t = totals(h, shift);
            return new ShiftCloseReport(shift, now, t.expectedCash(), countedMinor, countedMinor - t.expectedCash(), t.byMode(), t.salesCount());
        });
    }

    /** Closes the open shift; {@code reason} (why the drawer differs, may be null) goes into the shift_close event. */
    public ShiftCloseReport close(UserSession user, long countedMinor, String reason) {
        if (countedMinor < 0) throw new TerminalException("bad_amount", "The counted cash cannot be negative.");
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        Instant now = clock.instant();
        return store.inTx(h -> {
            ShiftInfo shift = require(h);
            Totals t = totals(h, shift);
            ShiftClosePayload payload = new ShiftClosePayload(shift.uuid(), user.email(), now, t.expectedCash(), countedMinor,
                    t.byMode(), t.salesCount());
            h.createUpdate("update shift set closed_at = :at, expected_cash_minor = :exp, counted_cash_minor = :cnt where uuid = :u")
                    .bind("at", now.toString()).bind("exp", t.expectedCash()).bind("cnt", countedMinor).bind("u", shift.uuid()).execute();
            Outbox.append(h, RowKind.SHIFT_CLOSE, shift.uuid(), payload, now);
            EventLog.append(h, now, "shift_close", shift.uuid(), "expected=" + t.expectedCash() + " counted=" + countedMinor
                    + (why == null ? "" : " reason=" + why));
            return new ShiftCloseReport(shift, now, t.expectedCash(), countedMinor, countedMinor - t.expectedCash(), t.byMode(), t.salesCount());
        });
    }

    /**
     * Ends the open shift of the device this folder was, without a close row (the folder is being linked as another
     * device, which must not report a shift it never opened); its sales and opening are in that device's export.
     */
    public static void endForOtherDevice(Handle h, String oldPosId, Instant now) {
        current(h).ifPresent(s -> {
            h.createUpdate("update shift set closed_at = :at where uuid = :u").bind("at", now.toString()).bind("u", s.uuid()).execute();
            EventLog.append(h, now, "shift_ended", s.uuid(), "left open by " + oldPosId + " when the folder was linked again");
        });
    }

    private record Totals(long expectedCash, Map<String, Long> byMode, long salesCount) {}

    /** Expected cash = float + cash tendered − change given (refunds are negative cash payments). */
    private static Totals totals(Handle h, ShiftInfo shift) {
        Map<String, Long> byMode = new TreeMap<>();
        h.createQuery("""
                select p.mode, sum(p.amount_minor) as amount from invoice_payment p join invoice i on i.number = p.invoice_number
                where i.shift_uuid = :s group by p.mode
                """).bind("s", shift.uuid())
                .map((rs, ctx) -> Map.entry(rs.getString("mode"), rs.getLong("amount")))
                .forEach(e -> byMode.merge(e.getKey(), e.getValue(), Long::sum));
        long change = h.createQuery("select coalesce(sum(change_minor), 0) from invoice where shift_uuid = :s")
                .bind("s", shift.uuid()).mapTo(Long.class).one();
        long count = h.createQuery("select count(*) from invoice where shift_uuid = :s").bind("s", shift.uuid()).mapTo(Long.class).one();
        String cashKey = byMode.keySet().stream().filter(m -> m.equalsIgnoreCase(Payment.CASH)).findFirst().orElse(Payment.CASH);
        if (change != 0) byMode.merge(cashKey, -change, Long::sum);
        long cashNet = byMode.getOrDefault(cashKey, 0L);
        return new Totals(shift.openingFloatMinor() + cashNet, byMode, count);
    }
}
