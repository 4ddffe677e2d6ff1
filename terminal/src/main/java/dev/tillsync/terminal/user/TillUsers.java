package dev.tillsync.terminal.user;

import dev.tillsync.core.auth.Secrets;
import dev.tillsync.core.sync.ConnectionStatus;
import dev.tillsync.terminal.DeviceUserInfo;
import dev.tillsync.terminal.Permission;
import dev.tillsync.terminal.TerminalException;
import dev.tillsync.terminal.UserSession;
import dev.tillsync.terminal.store.DeviceRepo;
import dev.tillsync.terminal.store.EventLog;
import dev.tillsync.terminal.store.TerminalStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * The till's own users (the server's are elsewhere): device users log in offline against the synced bcrypt PIN
 * hash, and this class is the one writer of the session and login_attempt tables (linking, unlinking and the
 * pull end sessions through it). Invariant: after {@value #MAX_FAILURES} wrong PINs the user is locked out, for
 * {@link #FIRST_LOCK} the first time and twice as long each time again (up to {@link #MAX_LOCK}) until a right PIN,
 * and while locked no PIN is even checked; the count and lock are in the store, so restarting the program (or
 * going offline) does not reset them.
 */
public final class TillUsers {
    public static final int MAX_FAILURES = 5;
    public static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    public static final Duration MAX_LOCK = Duration.ofMinutes(15);

    /** The length of the {@code n}th lock-out in a row (1-based): 30 s, 1 min, 2 min, ... capped at 15 min. */
    public static Duration lockFor(int n) {
        long s = FIRST_LOCK.toSeconds() << Math.min(Math.max(n, 1) - 1, 20);
        return Duration.ofSeconds(Math.min(s, MAX_LOCK.toSeconds()));
    }

    /** The words the CLI and the desktop show for a locked user. */
    public static String lockedMessage(long seconds) {
        return "Too many wrong PINs; try again in " + seconds + " s.";
    }

    private final TerminalStore store;
    private final Clock clock;

    public TillUsers(TerminalStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A device_user row as stored (mapped by JDBI from the column names). */
    record UserRow(String email, String firstName, String lastName, String pinHash, boolean canConfigurePos,
                          boolean canExportLog, boolean canReprint) {
        String displayName() {
            String n = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
            return n.isEmpty() ? email : n;
        }

        Set<Permission> permissions() {
            Set<Permission> p = EnumSet.noneOf(Permission.class);
            if (canConfigurePos) p.add(Permission.CONFIGURE_POS);
            if (canExportLog) p.add(Permission.EXPORT_LOG);
            if (canReprint) p.add(Permission.REPRINT);
            return p;
        }
    }

    record SessionRow(String userEmail, String loggedInAt) {}

    private static final RowMapper<UserRow> USER_ROW = ConstructorMapper.of(UserRow.class);
    private static final RowMapper<SessionRow> SESSION_ROW = ConstructorMapper.of(SessionRow.class);

    /**
     * Checks the PIN offline. An unlinked terminal stays locked, except to a user with can_export_log (their PIN hash
     * is still here), so that what it holds can be exported; the unlinked device records nothing new.
     */
    public UserSession login(String email, String pin) {
        boolean unlinked = store.read(DeviceRepo::requireExisting).connectionStatus() == ConnectionStatus.UNLINKED;
        if (email == null || email.isBlank()) throw new TerminalException("bad_user", "Give the user's email with --user.");
        String who = email.trim().toLowerCase();
        Instant now = clock.instant();
        UserRow user = checkPin(who, pin, now, "log in");
        if (unlinked && !user.canExportLog()) throw unlinkedLocked(who);
        store.useTx(h -> {
            h.createUpdate("delete from login_attempt where email = :e").bind("e", who).execute();
            h.createUpdate("""
                    insert into session (id, user_email, logged_in_at) values (1, :e, :now)
                    on conflict (id) do update set user_email = excluded.user_email, logged_in_at = excluded.logged_in_at
                    """).bind("e", who).bind("now", now.toString()).execute();
            EventLog.append(h, now, "login", who, null);
        });
        return new UserSession(who, user.displayName(), user.permissions(), now);
    }

    /**
     * Checks {@code pin} for {@code who} (lower-case) as a login does: an unknown user, a locked user and a wrong PIN
     * are refused, and a wrong PIN counts toward the lock-out.
     */
    private UserRow checkPin(String who, String pin, Instant now, String what) {
        UserRow user = store.read(h -> findUser(h, who)).orElseThrow(() -> new TerminalException("unknown_user",
                "'" + who + "' is not a user of this terminal. Only the device's POS Offline Users can " + what
                        + "; a manager adds them in the back office (then sync)."));
        Optional<Instant> lockedUntil = store.read(h -> h.createQuery("select locked_until from login_attempt where email = :e")
                .bind("e", who).mapTo(String.class).findOne().map(Instant::parse));
        if (lockedUntil.isPresent() && lockedUntil.get().isAfter(now)) {
            throw locked(who, secondsUntil(now, lockedUntil.get()));
        }
        // bcrypt is slow on purpose; check outside any write transaction so the store stays free meanwhile.
        boolean ok = Secrets.bcryptMatches(pin, user.pinHash());
        if (!ok) {
            Optional<Duration> lock = store.inTx(h -> recordFailure(h, who, now));
            if (lock.isPresent()) throw locked(who, lock.get().toSeconds());
            int failures = store.read(h -> h.createQuery("select failures from login_attempt where email = :e").bind("e", who).mapTo(Integer.class).one());
            throw new TerminalException("wrong_pin", "Wrong PIN for " + who + " (" + (MAX_FAILURES - failures)
                    + " tries left before a lock-out).");
        }
        return user;
    }

    /**
     * A manager's approval on this till, offline too: {@code email}'s PIN is checked as a login checks it (wrong tries
     * count toward the lock-out) and the user must hold can_configure_pos; nobody is logged in or out. Returns the
     * approver's login. Logged as {@code approval}.
     */
    public String approve(String email, String pin) {
        if (email == null || email.isBlank()) {
            throw new TerminalException("bad_user", "Give the approver as EMAIL:PIN (--approve manager@shop.example:1234).");
        }
        String who = email.trim().toLowerCase();
        Instant now = clock.instant();
        UserRow user = checkPin(who, pin, now, "approve a discount");
        if (!user.canConfigurePos()) {
            throw new TerminalException("not_permitted", who + " may not approve a discount over the cashier's limit: it needs the '"
                    + Permission.CONFIGURE_POS.flag() + "' flag on the POS Offline User. Ask a manager who has it.");
        }
        store.useTx(h -> h.createUpdate("delete from login_attempt where email = :e").bind("e", who).execute());
        return user.email().toLowerCase();
    }

    /**
     * An approval checked as {@link #approve(String, String)} that is not tied to a sale (a cashier taking over another's
     * open shift): logged as {@code approval} with the approver and {@code what} was approved.
     */
    public String approve(String email, String pin, String what) {
        String who = approve(email, pin);
        Instant now = clock.instant();
        store.useTx(h -> EventLog.append(h, now, "approval", who, what));
        return who;
    }

    /** True when {@code login} is a user of this device with can_configure_pos (an approver named on a sale). */
    public static boolean mayApprove(Handle h, String login) {
        return login != null && findUser(h, login.trim().toLowerCase()).map(UserRow::canConfigurePos).orElse(false);
    }

    /** The refusal to log in on an unlinked terminal for a user who may not export: who may, and the commands. */
    private static TerminalException unlinkedLocked(String who) {
        return new TerminalException("terminal_unlinked", "This terminal was unlinked by the back office and is locked; "
                + who + " may not log in here any more. A user with the can_export_log flag still can, to export what the till "
                + "holds: terminal login --user EMAIL --pin PIN, then terminal export --out FILE (unsynced transactions; "
                + "--since 1 for all), and the back office imports FILE (bin/pos server admin import FILE). "
                + "To sell here again, ask a manager for a new link code.");
    }

    private static TerminalException locked(String who, long seconds) {
        return new TerminalException("user_locked", lockedMessage(seconds) + " (" + who + "; or log in as another user.)");
    }

    /** Whole seconds from now until {@code until}, rounded up so that "try again in N s" is never too early. */
    private static long secondsUntil(Instant now, Instant until) {
        long ms = Duration.between(now, until).toMillis();
        return Math.max(1, (ms + 999) / 1000);
    }

    /** Counts a wrong PIN; when it is the last one allowed, locks the user and returns for how long. */
    private Optional<Duration> recordFailure(Handle h, String who, Instant now) {
        int failures = h.createQuery("""
                insert into login_attempt (email, failures) values (:e, 1)
                on conflict (email) do update set failures = case
                    when locked_until is not null and locked_until <= :now then 1 else failures + 1 end,
                    locked_until = case when locked_until is not null and locked_until <= :now then null else locked_until end
                returning failures
                """).bind("e", who).bind("now", now.toString()).mapTo(Integer.class).one();
        EventLog.append(h, now, "login_failed", who, "failures=" + failures);
        if (failures < MAX_FAILURES) return Optional.empty();
        int lockouts = h.createQuery("update login_attempt set lockouts = lockouts + 1 where email = :e returning lockouts")
                .bind("e", who).mapTo(Integer.class).one();
        Duration lock = lockFor(lockouts);
        h.createUpdate("update login_attempt set locked_until = :until, failures = 0 where email = :e")
                .bind("until", now.plus(lock).toString()).bind("e", who).execute();
        EventLog.append(h, now, "user_locked", who, "lockout " + lockouts + " for " + lock.toSeconds() + " s, until " + now.plus(lock));
        return Optional.of(lock);
    }

    public void logout() {
        Instant now = clock.instant();
        store.useTx(h -> {
            Optional<String> who = loggedIn(h);
            endSession(h);
            who.ifPresent(w -> EventLog.append(h, now, "logout", w, null));
        });
    }

    /** Ends whoever's session is open (logout, linking, a finished unlink), in the caller's transaction. */
    public static void endSession(Handle h) {
        h.createUpdate("delete from session").execute();
    }

    /** Ends {@code email}'s session if it is the open one (the user was removed from the device on the server). */
    public static void endSessionOf(Handle h, String email) {
        h.createUpdate("delete from session where user_email = :e").bind("e", email).execute();
    }

    /** The email of the logged-in user, as stored (no permission check). */
    public static Optional<String> loggedIn(Handle h) {
        return h.createQuery("select user_email from session where id = 1").mapTo(String.class).findOne();
    }

    /** The logged-in user, with permissions as currently synced (a flag removed on the server applies at once). */
    public Optional<UserSession> current() {
        return store.read(h -> h.createQuery("select user_email, logged_in_at from session where id = 1")
                .map(SESSION_ROW).findOne()
                .flatMap(s -> findUser(h, s.userEmail())
                        .map(u -> new UserSession(u.email(), u.displayName(), u.permissions(), Instant.parse(s.loggedInAt())))));
    }

    /** The logged-in user, or a refusal telling the cashier to log in. */
    public UserSession require() {
        return current().orElseThrow(() -> {
            // An unlinked folder has no users at all: say what to do first, not "log in".
            boolean linked = store.read(h -> DeviceRepo.load(h).isPresent());
            return linked
                    ? new TerminalException("not_logged_in", "Nobody is logged in. Log in first: terminal login --user EMAIL --pin PIN")
                    : DeviceRepo.notLinked();
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

    /** Whether the logged-in user holds {@code p} (false when nobody is logged in). */
    public boolean can(Permission p) {
        return current().map(u -> u.can(p)).orElse(false);
    }

    /** Every user who may log in on this device, by display name then email; no PIN hashes leave here. */
    public List<DeviceUserInfo> list() {
        return store.read(h -> h.createQuery("select * from device_user").map(USER_ROW).list()).stream()
                .map(u -> new DeviceUserInfo(u.email(), u.firstName(), u.lastName(), u.displayName(), u.permissions()))
                .sorted(Comparator.comparing((DeviceUserInfo u) -> u.displayName().toLowerCase()).thenComparing(DeviceUserInfo::email))
                .toList();
    }

    private static Optional<UserRow> findUser(Handle h, String email) {
        return h.createQuery("select * from device_user where lower(email) = :e").bind("e", email.toLowerCase())
                .map(USER_ROW).findOne();
    }
}
