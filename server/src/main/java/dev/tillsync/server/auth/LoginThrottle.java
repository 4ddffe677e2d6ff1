package dev.tillsync.server.auth;

import java.time.Duration;
import java.util.Locale;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in throttling per account and per remote address, in PostgreSQL so that every server behind one database
 * counts the same failures. Invariant: while a key is locked no password is even checked (a right password is
 * refused too), and each lock lasts twice the previous one, from {@link #FIRST_LOCK} up to {@link #MAX_LOCK}.
 */
public final class LoginThrottle {
    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final int ACCOUNT_FAILURES = 5;
    public static final int ADDRESS_FAILURES = 20;
    public static final Duration FIRST_LOCK = Duration.ofMinutes(1);
    public static final Duration MAX_LOCK = Duration.ofHours(1);
    /** A key that stayed clean this long starts again from the first lock. */
    private static final Duration FORGET_AFTER = Duration.ofHours(24);
    private static final int KEY_CHARS = 200;

    private final Jdbi jdbi;

    public LoginThrottle(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    static String account(String email) {
        String a = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        return a.length() > KEY_CHARS ? a.substring(0, KEY_CHARS) : a;
    }

    /** Refuses (429) when the account or the address is locked now. */
    public void check(String email, String address) {
        long wait = jdbi.withHandle(h -> h.createQuery("""
                        select coalesce(max(ceil(extract(epoch from locked_until - now()))), 0)::bigint from login_lock
                        where locked_until > now() and ((scope = 'account' and key = :a) or (scope = 'address' and key = :ip))
                        """).bind("a", account(email)).bind("ip", address).mapTo(Long.class).one());
        if (wait > 0) throw new Throttled(wait);
    }

    /** Counts one failure against both keys, locking a key that reached its limit; one transaction. */
    public void failed(String email, String address) {
        String account = account(email);
        jdbi.useTransaction(h -> {
            int forAccount = record(h, "account", account, ACCOUNT_FAILURES);
            int forAddress = record(h, "address", address, ADDRESS_FAILURES);
            log.info("login_failed account={} address={} account_failures={} address_failures={}", account, address, forAccount, forAddress);
        });
    }

    /** A right password: the account's count and lock history start again (never the address's: one good account must not clear its attacks on others). */
    public void succeeded(String email) {
        String account = account(email);
        jdbi.useTransaction(h -> {
            h.createUpdate("delete from login_failure where scope = 'account' and key = :k").bind("k", account).execute();
            h.createUpdate("delete from login_lock where scope = 'account' and key = :k").bind("k", account).execute();
        });
    }

    private static int record(Handle h, String scope, String key, int limit) {
        // The lock row is taken first: two servers counting the same key at once wait for each other.
        h.createUpdate("insert into login_lock (scope, key) values (:s, :k) on conflict do nothing").bind("s", scope).bind("k", key).execute();
        record Lock(int lockouts, boolean stale) {}
        Lock lock = h.createQuery("select lockouts, coalesce(locked_until < now() - make_interval(secs => :forget), false) as stale from login_lock where scope = :s and key = :k for update")
                .bind("s", scope).bind("k", key).bind("forget", FORGET_AFTER.toSeconds())
                .map((rs, c) -> new Lock(rs.getInt(1), rs.getBoolean(2))).one();
        h.createUpdate("delete from login_failure where scope = :s and key = :k and failed_at < now() - make_interval(secs => :w)")
                .bind("s", scope).bind("k", key).bind("w", WINDOW.toSeconds()).execute();
        h.createUpdate("insert into login_failure (scope, key) values (:s, :k)").bind("s", scope).bind("k", key).execute();
        int count = h.createQuery("select count(*) from login_failure where scope = :s and key = :k").bind("s", scope).bind("k", key).mapTo(Integer.class).one();
        if (count < limit) return count;
        int lockouts = lock.stale() ? 1 : lock.lockouts() + 1;
        long seconds = lockSeconds(lockouts);
        h.createUpdate("update login_lock set lockouts = :n, locked_until = now() + make_interval(secs => :sec) where scope = :s and key = :k")
                .bind("n", lockouts).bind("sec", seconds).bind("s", scope).bind("k", key).execute();
        // The count starts again after the lock: the next lock needs a fresh run of failures, and lasts longer.
        h.createUpdate("delete from login_failure where scope = :s and key = :k").bind("s", scope).bind("k", key).execute();
        log.warn("login_locked scope={} key={} failures={} lockout={} seconds={}", scope, key, count, lockouts, seconds);
        return count;
    }

    /** 1 min, 2 min, 4 min, ... capped at one hour. */
    static long lockSeconds(int lockouts) {
        long s = FIRST_LOCK.toSeconds() << Math.min(lockouts - 1, 20);
        return Math.min(s, MAX_LOCK.toSeconds());
    }
}
