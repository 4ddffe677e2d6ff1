package dev.tillsync.terminal.user;

import dev.tillsync.core.auth.Secrets;
import dev.tillsync.terminal.DeviceUserInfo;
import dev.tillsync.terminal.Permission;
import dev.tillsync.terminal.TerminalException;
import dev.tillsync.terminal.UserSession;
import dev.tillsync.terminal.store.EventLog;
import dev.tillsync.terminal.store.TerminalStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Device users log in offline against the synced bcrypt PIN hash. Invariant: after
 * {@value #MAX_FAILURES} wrong PINs the user is locked out for {@link #LOCKOUT}, and while locked no PIN is
 * even checked; the count and lock are in the store, so restarting the program does not reset them.
 */
public final class UserDirectory {
    public static final int MAX_FAILURES = 5;
    public static final Duration LOCKOUT = Duration.ofMinutes(5);

    private final TerminalStore store;
    private final Clock clock;

    public UserDirectory(TerminalStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    private record UserRow(String email, String firstName, String lastName, String pinHash, Set<Permission> permissions) {
        String displayName() {
            String n = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
            return n.isEmpty() ? email : n;
        }
    }

    public UserSession login(String email, String pin) {
        if (email == null || email.isBlank()) throw new TerminalException("bad_user", "Give the user's email with --user.");
        String who = email.trim().toLowerCase();
        Instant now = clock.instant();
        UserRow user = store.read(h -> findUser(h, who)).orElseThrow(() -> new TerminalException("unknown_user",
                "'" + email + "' is not a user of this terminal. Only the device's POS Offline Users can log in; a manager adds them in the back office (then sync)."));
        Optional<Instant> lockedUntil = store.read(h -> h.createQuery("SELECT locked_until FROM login_attempt WHERE email = :e")
                .bind("e", who).mapTo(String.class).findOne().map(Instant::parse));
        if (lockedUntil.isPresent() && lockedUntil.get().isAfter(now)) {
            long minutes = Math.max(1, Duration.between(now, lockedUntil.get()).toSeconds() / 60 + 1);
            throw new TerminalException("user_locked", "Too many wrong PINs for " + who + ": locked until " + lockedUntil.get()
                    + " (about " + minutes + " min). Wait, or log in as another user.");
        }
        // bcrypt is slow on purpose; check outside any write transaction so the store stays free meanwhile.
        boolean ok = Secrets.bcryptMatches(pin, user.pinHash());
        if (!ok) {
            int failures = store.inTx(h -> recordFailure(h, who, now));
            if (failures >= MAX_FAILURES) {
                throw new TerminalException("user_locked", "Wrong PIN. That was the " + MAX_FAILURES + "th wrong PIN: " + who
                        + " is locked out for " + LOCKOUT.toMinutes() + " minutes.");
            }
            throw new TerminalException("wrong_pin", "Wrong PIN for " + who + " (" + (MAX_FAILURES - failures)
                    + " tries left before a " + LOCKOUT.toMinutes() + "-minute lock-out).");
        }
        store.useTx(h -> {
            h.createUpdate("DELETE FROM login_attempt WHERE email = :e").bind("e", who).execute();
            h.createUpdate("""
                    INSERT INTO session (id, user_email, logged_in_at) VALUES (1, :e, :now)
                    ON CONFLICT (id) DO UPDATE SET user_email = excluded.user_email, logged_in_at = excluded.logged_in_at
                    """).bind("e", who).bind("now", now.toString()).execute();
            EventLog.append(h, now, "login", who, null);
        });
        return new UserSession(who, user.displayName(), user.permissions(), now);
    }

    private int recordFailure(Handle h, String who, Instant now) {
        int failures = h.createQuery("""
                INSERT INTO login_attempt (email, failures) VALUES (:e, 1)
                ON CONFLICT (email) DO UPDATE SET failures = CASE
                    WHEN locked_until IS NOT NULL AND locked_until <= :now THEN 1 ELSE failures + 1 END,
                    locked_until = CASE WHEN locked_until IS NOT NULL AND locked_until <= :now THEN NULL ELSE locked_until END
                RETURNING failures
                """).bind("e", who).bind("now", now.toString()).mapTo(Integer.class).one();
        EventLog.append(h, now, "login_failed", who, "failures=" + failures);
        if (failures >= MAX_FAILURES) {
            h.createUpdate("UPDATE login_attempt SET locked_until = :until, failures = 0 WHERE email = :e")
                    .bind("until", now.plus(LOCKOUT).toString()).bind("e", who).execute();
            EventLog.append(h, now, "user_locked", who, "until " + now.plus(LOCKOUT));
        }
        return failures;
    }

    public void logout() {
        Instant now = clock.instant();
        store.useTx(h -> {
            Optional<String> who = h.createQuery("SELECT user_email FROM session WHERE id = 1").mapTo(String.class).findOne();
            h.createUpdate("DELETE FROM session").execute();
            who.ifPresent(w -> EventLog.append(h, now, "logout", w, null));
        });
    }

    /** The logged-in user, with permissions as currently synced (a flag removed on the server applies at once). */
    public Optional<UserSession> current() {
        return store.read(h -> h.createQuery("SELECT user_email, logged_in_at FROM session WHERE id = 1")
                .map((rs, ctx) -> Optional.of(new Object[] {rs.getString(1), rs.getString(2)}))
                .findOne().flatMap(o -> o).flatMap(row -> findUser(h, (String) row[0])
                        .map(u -> new UserSession(u.email(), u.displayName(), u.permissions(), Instant.parse((String) row[1])))));
    }

    /** The logged-in user, or a refusal telling the cashier to log in. */
    public UserSession require() {
        return current().orElseThrow(() -> {
            // An unlinked folder has no users at all: say what to do first, not "log in".
            boolean linked = store.read(h -> dev.tillsync.terminal.store.DeviceRepo.load(h).isPresent());
            return linked
                    ? new TerminalException("not_logged_in", "Nobody is logged in. Log in first: terminal login --user EMAIL --pin PIN")
                    : new TerminalException("not_linked",
                            "This terminal is not linked. Ask a manager for a link code and run: terminal link --server URL --code CODE");
        });
    }

    /** The logged-in user holding {@code p}, or a refusal naming the missing flag. */
    public UserSession require(Permission p) {
        UserSession s = require();
        if (!s.can(p)) {
            throw new TerminalException("not_permitted", s.email() + " may not do this: it needs the '" + p.flag()
                    + "' flag on the POS Offline User. Ask a manager, or log in as a user who has it.");
        }
        return s;
    }

    /** Every user who may log in on this device, by display name then email; no PIN hashes leave here. */
    public List<DeviceUserInfo> list() {
        return store.read(h -> h.createQuery("SELECT * FROM device_user").map(UserDirectory::row).list()).stream()
                .map(u -> new DeviceUserInfo(u.email(), u.firstName(), u.lastName(), u.displayName(), u.permissions()))
                .sorted(java.util.Comparator.comparing((DeviceUserInfo u) -> u.displayName().toLowerCase()).thenComparing(DeviceUserInfo::email))
                .toList();
    }

    private static Optional<UserRow> findUser(Handle h, String email) {
        return h.createQuery("SELECT * FROM device_user WHERE lower(email) = :e").bind("e", email.toLowerCase())
                .map(UserDirectory::row).findOne();
    }

    private static UserRow row(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws java.sql.SQLException {
        Set<Permission> p = EnumSet.noneOf(Permission.class);
        if (rs.getInt("can_configure_pos") == 1) p.add(Permission.CONFIGURE_POS);
        if (rs.getInt("can_export_log") == 1) p.add(Permission.EXPORT_LOG);
        if (rs.getInt("can_reprint") == 1) p.add(Permission.REPRINT);
        return new UserRow(rs.getString("email"), rs.getString("first_name"), rs.getString("last_name"), rs.getString("pin_hash"), p);
    }
}
