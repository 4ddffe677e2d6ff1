package dev.tillsync.server.auth;

import dev.tillsync.core.auth.Secrets;
import dev.tillsync.server.refusal.Refusal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** The back office's users (console and API sign-in, and the people tills know by PIN); the one writer of app_user. Passwords and PINs kept only as bcrypt hashes. */
public final class BackOfficeUsers {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final Pattern PIN = Pattern.compile("\\d{4,8}");
    /** A user as {@link UserRecord} shows it: never a hash, only whether a PIN is set. */
    private static final String USER = "select id, email, role, first_name, last_name, pin_hash is not null as has_pin from app_user";

    private final Jdbi jdbi;

    public BackOfficeUsers(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public record NewUser(String email, String role, String password, String pin, String firstName, String lastName) {}

    /** Creates a user; 409 when the email is taken. */
    public UserRecord create(NewUser u) {
        validate(u);
        return jdbi.inTransaction(h -> {
            if (findId(h, u.email()).isPresent()) {
                throw Refusal.conflict("user_exists", "A user with email " + u.email() + " already exists.");
            }
            return insert(h, u);
        });
    }

    /** Creates the user if missing; used by idempotent seeding. */
    public UserRecord ensure(Handle h, NewUser u) {
        validate(u);
        return findId(h, u.email()).map(id -> get(h, id)).orElseGet(() -> insert(h, u));
    }

    private UserRecord insert(Handle h, NewUser u) {
        long id = h.createUpdate("""
                insert into app_user (email, login, password_hash, role, first_name, last_name, pin_hash)
                values (:email, :email, :pw, :role, :fn, :ln, :pin)
                """)
                .bind("email", u.email().trim().toLowerCase())
                .bind("pw", Secrets.bcrypt(u.password()))
                .bind("role", Role.fromLabel(u.role()).label())
                .bind("fn", u.firstName()).bind("ln", u.lastName())
                .bind("pin", u.pin() == null ? null : Secrets.bcrypt(u.pin()))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        return get(h, id);
    }

    private static void validate(NewUser u) {
        if (u.email() == null || !EMAIL.matcher(u.email().trim()).matches()) {
            throw Refusal.invalid("invalid_email", "Email '" + u.email() + "' is not an email address.");
        }
        if (u.password() == null || u.password().length() < 8) {
            throw Refusal.invalid("weak_password", "The password must have at least 8 characters.");
        }
        if (u.pin() != null && !PIN.matcher(u.pin()).matches()) {
            throw Refusal.invalid("invalid_pin", "A PIN is 4 to 8 digits.");
        }
        Role.fromLabel(u.role() == null ? "" : u.role());
    }

    public Optional<Long> findId(Handle h, String email) {
        if (email == null) return Optional.empty();
        return h.createQuery("select id from app_user where email = :e").bind("e", email.trim().toLowerCase())
                .mapTo(Long.class).findOne();
    }

    public UserRecord get(Handle h, long id) {
        return h.createQuery(USER + " where id = :id").bind("id", id).map(ConstructorMapper.of(UserRecord.class)).one();
    }

    public List<UserRecord> list() {
        return jdbi.withHandle(h -> h.createQuery(USER + " where role <> 'Cashier' order by email").map(ConstructorMapper.of(UserRecord.class)).list());
    }
}
