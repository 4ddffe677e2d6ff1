package dev.tillsync.server.ingest;

import dev.tillsync.core.invoice.Payment;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * What the device's POS profile says about money when a priced invoice is checked: the cash rounding increment, the
 * largest discount a cashier may give without approval, which payment modes are cash, and who on this device may
 * approve a larger one. Invariant: read once per batch (the batch's one transaction sees one profile).
 */
final class ProfileMoneyRules {
    private final long deviceId;
    private final long roundingIncrementMinor;
    private final int maxDiscountBp;
    private final Set<String> cashModes;
    private final Map<String, Boolean> approvers = new HashMap<>();

    private ProfileMoneyRules(long deviceId, long roundingIncrementMinor, int maxDiscountBp, Set<String> cashModes) {
        this.deviceId = deviceId;
        this.roundingIncrementMinor = roundingIncrementMinor;
        this.maxDiscountBp = maxDiscountBp;
        this.cashModes = cashModes;
    }

    static ProfileMoneyRules read(Handle h, long deviceId, long profileId) {
        Map.Entry<Long, Integer> p = h.createQuery("select cash_rounding_minor, max_discount_bp from pos_profile where id = :p")
                .bind("p", profileId).map((rs, c) -> Map.entry(rs.getLong(1), rs.getInt(2))).findOne().orElse(Map.entry(0L, 0));
        Set<String> cash = Set.copyOf(h.createQuery("select lower(name) from payment_mode where type = 'cash'").mapTo(String.class).list());
        return new ProfileMoneyRules(deviceId, p.getKey(), p.getValue(), cash);
    }

    long roundingIncrementMinor() {
        return roundingIncrementMinor;
    }

    int maxDiscountBp() {
        return maxDiscountBp;
    }

    /** A tender in a cash-type mode, or one named Cash (the previous release's only cash mode), as the reports count it. */
    boolean isCash(Payment p) {
        return p.isCash() || (p.mode() != null && cashModes.contains(p.mode().toLowerCase(java.util.Locale.ROOT)));
    }

    /** True when {@code login} (a login or an email) names a user of this device with can_configure_pos. */
    boolean mayApprove(Handle h, String login) {
        if (login == null || login.isBlank()) return false;
        return approvers.computeIfAbsent(login, l -> h.createQuery("""
                        select exists (select 1 from pos_offline_user ou join app_user u on u.id = ou.user_id
                                       where ou.device_id = :d and ou.can_configure_pos and (u.login = :l or u.email = :l))""")
                .bind("d", deviceId).bind("l", l).mapTo(Boolean.class).one());
    }
}
