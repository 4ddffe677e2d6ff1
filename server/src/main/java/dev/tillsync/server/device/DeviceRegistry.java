package dev.tillsync.server.device;

import dev.tillsync.core.master.DeviceConfig;
import dev.tillsync.core.master.DeviceUserData;
import dev.tillsync.core.master.ShiftUserData;
import dev.tillsync.core.sync.ClockOffset;
import dev.tillsync.core.sync.ConnectionStatus;
import dev.tillsync.core.sync.Entities;
import dev.tillsync.server.Limits;
import dev.tillsync.server.catalog.Catalog;
import dev.tillsync.server.catalog.ProfileRecord;
import dev.tillsync.server.db.ChangeFeed;
import dev.tillsync.server.refusal.Refusal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * The POS Offline device records and their child tables; the only class that writes pos_offline,
 * pos_offline_user and pos_offline_shift_user. Invariant: each write is one transaction (the caller's, where it
 * passes the Handle) that also republishes the device's pull entities (device, device_user, shift_user).
 */
public final class DeviceRegistry {
    private static final Pattern POS_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,39}");
    private static final Pattern SERIES = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_./-]{0,39}");
    /** connection_status holds the label ("Unlink in progress"), not the enum's name. */
    private static final ColumnMapper<ConnectionStatus> STATUS = (rs, col, ctx) -> ConnectionStatus.fromLabel(rs.getString(col));

    private final Jdbi jdbi;
    private final Catalog catalog;
    private final ChangeFeed feed;

    public DeviceRegistry(Jdbi jdbi, Catalog catalog, ChangeFeed feed) {
        this.jdbi = jdbi;
        this.catalog = catalog;
        this.feed = feed;
    }

    public DeviceView create(DeviceView spec) {
        return jdbi.inTransaction(h -> create(h, spec));
    }

    public DeviceView create(Handle h, DeviceView spec) {
        if (spec == null || spec.posId() == null || !POS_ID.matcher(spec.posId()).matches()) {
            throw Refusal.invalid("invalid_pos_id", "posId is required: 1-40 letters, digits, '-', '_' or '.'.");
        }
        feed.lock(h);
        if (find(h, spec.posId()).isPresent()) {
            throw Refusal.conflict("device_exists", "Device " + spec.posId() + " already exists.");
        }
        String invoiceSeries = spec.invoiceSeries() == null ? spec.posId() + "-" : spec.invoiceSeries();
        String customerSeries = spec.customerSeries() == null ? defaultCustomerSeries(spec.posId()) : spec.customerSeries();
        ProfileRecord profile = profile(h, spec.posProfile());
        int rows = rows(spec.syncRowsPerRequest());
        checkSeries(h, invoiceSeries, customerSeries, null);
        long id = h.createUpdate("""
                insert into pos_offline (pos_id, invoice_series, customer_series, pos_profile_id, sync_rows_per_request,
                                         description, profile_plk)
                values (:pos, :inv, :cust, :prof, :rows, :descr, :plk)
                """)
                .bind("pos", spec.posId()).bind("inv", invoiceSeries).bind("cust", customerSeries)
                .bind("prof", profile.id()).bind("rows", rows).bind("descr", spec.description())
                .bind("plk", profile.profileKey())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        replaceChildren(h, id, spec);
        publish(h, id);
        return view(h, id);
    }

    public DeviceView update(String posId, DeviceView spec) {
        return jdbi.inTransaction(h -> {
            feed.lock(h);
            DeviceRecord d = require(h, posId);
            if (spec.posId() != null && !spec.posId().equals(posId)) {
                throw Refusal.invalid("pos_id_immutable", "posId cannot be changed (it is in every number the device issued).");
            }
            DeviceView current = view(h, d.id());
            String inv = spec.invoiceSeries() == null ? current.invoiceSeries() : spec.invoiceSeries();
            String cust = spec.customerSeries() == null ? current.customerSeries() : spec.customerSeries();
            ProfileRecord profile = profile(h, spec.posProfile() == null ? current.posProfile() : spec.posProfile());
            int rows = spec.syncRowsPerRequest() == null ? current.syncRowsPerRequest() : rows(spec.syncRowsPerRequest());
            checkSeries(h, inv, cust, d.id());
            h.createUpdate("""
                    update pos_offline set invoice_series = :inv, customer_series = :cust, pos_profile_id = :prof,
                        sync_rows_per_request = :rows, description = :descr, profile_plk = :plk where id = :id
                    """)
                    .bind("inv", inv).bind("cust", cust).bind("prof", profile.id()).bind("rows", rows)
                    .bind("descr", spec.description() == null ? current.description() : spec.description())
                    .bind("plk", profile.profileKey()).bind("id", d.id()).execute();
            DeviceView children = new DeviceView(posId, null, null, null, null, null, null, null, null,
                    spec.users() == null ? current.users() : spec.users(),
                    spec.shiftUsers() == null ? current.shiftUsers() : spec.shiftUsers());
            replaceChildren(h, d.id(), children);
            publish(h, d.id());
            return view(h, d.id());
        });
    }

    public void delete(String posId) {
        jdbi.useTransaction(h -> {
            feed.lock(h);
            DeviceRecord d = require(h, posId);
            boolean hasData = h.createQuery("select exists (select 1 from pos_offline_sync_status where device_id = :d)")
                    .bind("d", d.id()).mapTo(Boolean.class).one();
            if (hasData) {
                throw Refusal.conflict("device_has_data", "Device " + posId + " has synced transactions and cannot be deleted; unlink it instead.");
            }
            for (String key : h.createQuery("select entity || '|' || key from change_state where scope = :s and entity in ('device_user','shift_user','device') and not deleted")
                    .bind("s", posId).mapTo(String.class).list()) {
                String[] p = key.split("\\|", 2);
                feed.delete(h, p[0], posId, p[1]);
            }
            h.createUpdate("delete from pos_offline where id = :id").bind("id", d.id()).execute();
        });
    }

    public void addUser(String posId, DeviceView.DeviceUserView u) {
        jdbi.useTransaction(h -> {
            feed.lock(h);
            DeviceRecord d = require(h, posId);
            DeviceView cur = view(h, d.id());
            List<DeviceView.DeviceUserView> users = new ArrayList<>(cur.users());
            users.removeIf(x -> x.user().equalsIgnoreCase(u.user()));
            users.add(u);
            replaceChildren(h, d.id(), new DeviceView(posId, null, null, null, null, null, null, null, null, users, cur.shiftUsers()));
            publish(h, d.id());
        });
    }

    public void addShiftUser(String posId, DeviceView.ShiftUserView u) {
        jdbi.useTransaction(h -> {
            feed.lock(h);
            DeviceRecord d = require(h, posId);
            DeviceView cur = view(h, d.id());
            List<DeviceView.ShiftUserView> shifts = new ArrayList<>(cur.shiftUsers());
            if (shifts.stream().noneMatch(x -> x.user().equalsIgnoreCase(u.user()) && x.shiftType().equals(u.shiftType()))) {
                shifts.add(u);
            }
            replaceChildren(h, d.id(), new DeviceView(posId, null, null, null, null, null, null, null, null, cur.users(), shifts));
            publish(h, d.id());
        });
    }

    public List<DeviceView> list() {
        return jdbi.withHandle(h -> h.createQuery("select id from pos_offline order by pos_id").mapTo(Long.class).list()
                .stream().map(id -> view(h, id)).toList());
    }

    public DeviceView get(String posId) {
        return jdbi.withHandle(h -> view(h, require(h, posId).id()));
    }

    public Optional<DeviceRecord> find(Handle h, String posId) {
        return h.createQuery("""
                        select d.* from pos_offline d
                        join pos_profile p on p.id = d.pos_profile_id where d.pos_id = :pos
                        """)
                .bind("pos", posId).map((rs, c) -> record(h, rs)).findOne();
    }

    public Optional<DeviceRecord> find(String posId) {
        return jdbi.withHandle(h -> find(h, posId));
    }

    public DeviceRecord require(Handle h, String posId) {
        return find(h, posId).orElseThrow(() -> Refusal.notFound("No device with POS ID '" + posId + "'."));
    }

    /** Mapped by hand, with its statements as they were: it runs on every sync request (device authentication). */
    private DeviceRecord record(Handle h, ResultSet rs) throws SQLException {
        ProfileRecord p = catalog.profileById(h, rs.getLong("pos_profile_id"));
        return new DeviceRecord(rs.getLong("id"), rs.getString("pos_id"), rs.getString("invoice_series"),
                rs.getString("customer_series"), p.id(), p.name(), p.warehouse(), p.priceList(), p.paymentModes(),
                rs.getInt("sync_rows_per_request"), ConnectionStatus.fromLabel(rs.getString("connection_status")),
                rs.getString("profile_plk"), rs.getString("secret_hash"));
    }

    /** A pos_offline row with its profile's name, as the API shows it; the child tables are read apart. */
    private record DeviceRow(String posId, String invoiceSeries, String customerSeries, String profileName,
                             int syncRowsPerRequest, ConnectionStatus connectionStatus, Instant lastSync,
                             String description, String profilePlk, Long clockOffsetMs, Instant clockOffsetAt) {}

    public DeviceView view(Handle h, long id) {
        return view(h, id, users(h, id));
    }

    private DeviceView view(Handle h, long id, List<DeviceUserData> users) {
        List<DeviceView.ShiftUserView> shifts = h.createQuery("""
                        select u.login as email, s.shift_type from pos_offline_shift_user s join app_user u on u.id = s.user_id
                        where s.device_id = :d and u.active order by u.login, s.shift_type
                        """).bind("d", id)
                .map(ConstructorMapper.of(ShiftUserData.class))
                .map(s -> new DeviceView.ShiftUserView(s.email(), s.shiftType())).list();
        DeviceRow d = h.createQuery("""
                        select d.pos_id, d.invoice_series, d.customer_series, p.name as profile_name, d.sync_rows_per_request,
                               d.connection_status, d.last_sync, d.description, d.profile_plk, d.clock_offset_ms, d.clock_offset_at
                        from pos_offline d join pos_profile p on p.id = d.pos_profile_id where d.id = :id
                        """).bind("id", id)
                .registerColumnMapper(ConnectionStatus.class, STATUS)
                .map(ConstructorMapper.of(DeviceRow.class)).one();
        List<DeviceView.DeviceUserView> userViews = users.stream().map(u -> new DeviceView.DeviceUserView(u.email(),
                u.firstName(), u.lastName(), u.canConfigurePos(), u.canExportLog(), u.canReprint())).toList();
        return new DeviceView(d.posId(), d.invoiceSeries(), d.customerSeries(), d.profileName(), d.syncRowsPerRequest(),
                d.connectionStatus(), d.lastSync(), d.description(), d.profilePlk(), userViews, shifts,
                d.clockOffsetAt() == null ? null : new ClockOffset(d.clockOffsetMs(), d.clockOffsetAt()));
    }

    /** The device's POS Offline Users, with the PIN hashes the pull feed carries (the API view leaves them out). */
    private static List<DeviceUserData> users(Handle h, long id) {
        return h.createQuery("""
                        select u.login as email, coalesce(du.first_name, u.first_name) as first_name, coalesce(du.last_name, u.last_name) as last_name,
                               u.pin_hash, du.can_configure_pos, du.can_export_log, du.can_reprint
                        from pos_offline_user du join app_user u on u.id = du.user_id where du.device_id = :d and u.active order by u.login
                        """).bind("d", id)
                .map(ConstructorMapper.of(DeviceUserData.class)).list();
    }

    /** The DeviceConfig the terminal gets at link time and in the pull feed. */
    public DeviceConfig config(Handle h, long id) {
        return config(view(h, id));
    }

    private static DeviceConfig config(DeviceView v) {
        return new DeviceConfig(v.posId(), v.invoiceSeries(), v.customerSeries(), v.posProfile(), v.syncRowsPerRequest(),
                v.connectionStatus(), v.lastSync(), v.description(), v.profilePlk());
    }

    /** Writes the device's current state to the pull feed; removed users and shift users become deletions. */
    public void publish(Handle h, long id) {
        List<DeviceUserData> users = users(h, id);
        DeviceView v = view(h, id, users);
        String scope = v.posId();
        feed.put(h, Entities.DEVICE, scope, v.posId(), config(v));
        Set<String> userKeys = new HashSet<>();
        for (DeviceUserData u : users) {
            feed.put(h, Entities.DEVICE_USER, scope, u.email(), u);
            userKeys.add(u.email());
        }
        deleteMissing(h, Entities.DEVICE_USER, scope, userKeys);
        Set<String> shiftKeys = new HashSet<>();
        for (DeviceView.ShiftUserView s : v.shiftUsers()) {
            String key = s.user() + "/" + s.shiftType();
            feed.put(h, Entities.SHIFT_USER, scope, key, new ShiftUserData(s.user(), s.shiftType()));
            shiftKeys.add(key);
        }
        deleteMissing(h, Entities.SHIFT_USER, scope, shiftKeys);
    }

    /**
     * A profile's settings changed (its version, so its key, moved): every device on it gets the new profile_plk and
     * its device record is republished, in the caller's transaction; the posIds it touched.
     */
    public List<String> profileChanged(Handle h, long profileId, String profileKey) {
        feed.lock(h);
        h.createUpdate("update pos_offline set profile_plk = :k where pos_profile_id = :p").bind("k", profileKey).bind("p", profileId).execute();
        List<String> posIds = new ArrayList<>();
        for (long id : h.createQuery("select id from pos_offline where pos_profile_id = :p order by pos_id").bind("p", profileId)
                .mapTo(Long.class).list()) {
            publish(h, id);
            posIds.add(h.createQuery("select pos_id from pos_offline where id = :id").bind("id", id).mapTo(String.class).one());
        }
        return posIds;
    }

    /** The POS IDs of the devices on a profile (a profile in use cannot be disabled). */
    public List<String> devicesOnProfile(Handle h, long profileId) {
        return h.createQuery("select pos_id from pos_offline where pos_profile_id = :p order by pos_id").bind("p", profileId)
                .mapTo(String.class).list();
    }

    /** One till a cashier is assigned to: the POS Offline User flags and the shift types there. */
    public record Assignment(String posId, boolean canConfigurePos, boolean canExportLog, boolean canReprint, List<String> shiftTypes) {}

    private static final String USER_DEVICES =
            "select device_id from pos_offline_user where user_id = :u union select device_id from pos_offline_shift_user where user_id = :u";

    /**
     * Replaces where a user is assigned (POS Offline Users and shift users of every device) and republishes every
     * device it was or now is on, in the caller's transaction.
     */
    public void assignUser(Handle h, long userId, List<Assignment> tills) {
        feed.lock(h);
        Set<Long> touched = new HashSet<>(h.createQuery(USER_DEVICES).bind("u", userId).mapTo(Long.class).list());
        h.createUpdate("delete from pos_offline_user where user_id = :u").bind("u", userId).execute();
        h.createUpdate("delete from pos_offline_shift_user where user_id = :u").bind("u", userId).execute();
        Set<String> seen = new HashSet<>();
        for (Assignment a : tills) {
            DeviceRecord d = require(h, a.posId());
            if (!seen.add(d.posId())) throw Refusal.invalid("duplicate_till", "Till " + d.posId() + " is listed twice.");
            h.createUpdate("""
                    insert into pos_offline_user (device_id, user_id, can_configure_pos, can_export_log, can_reprint)
                    values (:d, :u, :c, :e, :r)
                    """).bind("d", d.id()).bind("u", userId).bind("c", a.canConfigurePos()).bind("e", a.canExportLog())
                    .bind("r", a.canReprint()).execute();
            for (String t : a.shiftTypes() == null ? List.<String>of() : a.shiftTypes()) {
                if (t == null || !catalog.shiftTypeExists(h, t)) {
                    throw Refusal.unprocessable("unknown_shift_type", "Shift type '" + t + "' does not exist.");
                }
                h.createUpdate("insert into pos_offline_shift_user (device_id, user_id, shift_type) values (:d, :u, :t) on conflict do nothing")
                        .bind("d", d.id()).bind("u", userId).bind("t", t).execute();
            }
            touched.add(d.id());
        }
        for (long id : touched) publish(h, id);
    }

    /** A user's name, PIN or active flag changed: republishes every device the user is on (a disabled one drops out). */
    public void userChanged(Handle h, long userId) {
        feed.lock(h);
        for (long id : h.createQuery(USER_DEVICES).bind("u", userId).mapTo(Long.class).list()) publish(h, id);
    }

    /** The tills a user is on, with flags and shift types, for the staff pages. */
    public List<Assignment> assignments(Handle h, long userId) {
        return h.createQuery("""
                        select d.pos_id, du.can_configure_pos, du.can_export_log, du.can_reprint,
                               coalesce((select string_agg(s.shift_type, ',' order by s.shift_type) from pos_offline_shift_user s
                                         where s.device_id = d.id and s.user_id = du.user_id), '') as shifts
                        from pos_offline_user du join pos_offline d on d.id = du.device_id where du.user_id = :u order by d.pos_id
                        """).bind("u", userId)
                .map((rs, c) -> new Assignment(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4),
                        rs.getString(5).isEmpty() ? List.of() : List.of(rs.getString(5).split(","))))
                .list();
    }

    /** A link code was redeemed: the device holds a new secret (only its sha256 is kept) and is Linked. */
    public void markLinked(Handle h, long deviceId, String secretHash, String deviceLabel) {
        h.createUpdate("""
                update pos_offline set secret_hash = :s, connection_status = 'Linked', device_label = :label where id = :d
                """)
                .bind("s", secretHash).bind("label", deviceLabel).bind("d", deviceId).execute();
        publish(h, deviceId);
    }

    public void setStatus(Handle h, long deviceId, ConnectionStatus s) {
        h.createUpdate("update pos_offline set connection_status = :s where id = :d").bind("s", s.label()).bind("d", deviceId).execute();
        publish(h, deviceId);
    }

    /**
     * Stamps the device's last sync inside the push's transaction, with the clock offset the push reported (null: it
     * reported none, the last one stays); not republished, as a push never takes the change-feed lock.
     */
    public void recordSync(Handle h, long deviceId, Long clockOffsetMs) {
        h.createUpdate("""
                update pos_offline set last_sync = now(), clock_offset_ms = coalesce(cast(:o as bigint), clock_offset_ms),
                    clock_offset_at = case when cast(:o as bigint) is null then clock_offset_at else now() end
                where id = :d
                """).bind("o", clockOffsetMs).bind("d", deviceId).execute();
    }

    private void deleteMissing(Handle h, String entity, String scope, Set<String> keep) {
        for (String key : h.createQuery("select key from change_state where entity = :e and scope = :s and not deleted")
                .bind("e", entity).bind("s", scope).mapTo(String.class).list()) {
            if (!keep.contains(key)) feed.delete(h, entity, scope, key);
        }
    }

    private void replaceChildren(Handle h, long deviceId, DeviceView spec) {
        h.createUpdate("delete from pos_offline_user where device_id = :d").bind("d", deviceId).execute();
        h.createUpdate("delete from pos_offline_shift_user where device_id = :d").bind("d", deviceId).execute();
        Set<String> seen = new HashSet<>();
        for (DeviceView.DeviceUserView u : spec.users() == null ? List.<DeviceView.DeviceUserView>of() : spec.users()) {
            long userId = userId(h, u.user());
            if (!seen.add(u.user().toLowerCase())) {
                throw Refusal.invalid("duplicate_user", "User " + u.user() + " is listed twice in users.");
            }
            h.createUpdate("""
                    insert into pos_offline_user (device_id, user_id, first_name, last_name, can_configure_pos, can_export_log, can_reprint)
                    values (:d, :u, :firstName, :lastName, :canConfigurePos, :canExportLog, :canReprint)
                    """)
                    .bind("d", deviceId).bind("u", userId).bindMethods(u).execute();
        }
        for (DeviceView.ShiftUserView s : spec.shiftUsers() == null ? List.<DeviceView.ShiftUserView>of() : spec.shiftUsers()) {
            long userId = userId(h, s.user());
            if (s.shiftType() == null || !catalog.shiftTypeExists(h, s.shiftType())) {
                throw Refusal.unprocessable("unknown_shift_type", "Shift type '" + s.shiftType() + "' does not exist.");
            }
            h.createUpdate("insert into pos_offline_shift_user (device_id, user_id, shift_type) values (:d, :u, :shiftType) on conflict do nothing")
                    .bind("d", deviceId).bind("u", userId).bindMethods(s).execute();
        }
    }

    private long userId(Handle h, String email) {
        if (email == null) throw Refusal.invalid("invalid_request", "Each user row needs 'user' (an email).");
        return h.createQuery("select id from app_user where login = :e").bind("e", email.trim().toLowerCase()).mapTo(Long.class)
                .findOne().orElseThrow(() -> Refusal.unprocessable("unknown_user", "No user with login " + email + "; create the user first."));
    }

    private ProfileRecord profile(Handle h, String name) {
        if (name == null) throw Refusal.invalid("invalid_request", "posProfile is required.");
        return catalog.profileByName(h, name).orElseThrow(() -> Refusal.unprocessable("unknown_profile", "No POS profile named '" + name + "'."));
    }

    private static int rows(Integer n) {
        if (n == null) return Limits.ROWS_PER_REQUEST_DEFAULT;
        if (n < Limits.ROWS_PER_REQUEST_MIN || n > Limits.ROWS_PER_REQUEST_MAX) {
            throw Refusal.invalid("invalid_rows_per_request", "syncRowsPerRequest must be between "
                    + Limits.ROWS_PER_REQUEST_MIN + " and " + Limits.ROWS_PER_REQUEST_MAX + ".");
        }
        return n;
    }

    private static void checkSeries(Handle h, String inv, String cust, Long selfId) {
        for (String s : List.of(inv, cust)) {
            if (!SERIES.matcher(s).matches()) {
                throw Refusal.invalid("invalid_series", "Numbering series '" + s + "' must be 1-40 letters, digits or - _ . /");
            }
        }
        if (inv.equals(cust)) {
            throw Refusal.invalid("invalid_series", "Invoice and customer series must differ.");
        }
        boolean taken = h.createQuery("""
                        select exists (select 1 from pos_offline where (invoice_series in (:a, :b) or customer_series in (:a, :b))
                                       and (cast(:self as bigint) is null or id <> :self))
                        """)
                .bind("a", inv).bind("b", cust).bind("self", selfId).mapTo(Boolean.class).one();
        if (taken) {
            throw Refusal.conflict("series_taken", "Numbering series " + inv + " / " + cust + " is already used by another device; each device needs its own.");
        }
    }

    static String defaultCustomerSeries(String posId) {
        return posId.startsWith("POS-") ? "CUST-" + posId.substring(4) + "-" : "CUST-" + posId + "-";
    }
}
