package dev.tillsync.server.master.shifttypes;

import dev.tillsync.core.master.ShiftTypeData;
import dev.tillsync.core.sync.Entities;
import dev.tillsync.server.db.ChangeFeed;
import dev.tillsync.server.master.AuditLog;
import dev.tillsync.server.master.ItemRules;
import dev.tillsync.server.master.Page;
import dev.tillsync.server.master.Versions;
import dev.tillsync.server.refusal.Refusal;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** Shift types. Invariant: each write is one transaction with its audit entry and its shift_type pull record (a disabled one is deleted from the feed). */
public final class ShiftTypeService {
    public record ShiftType(String name, String startTime, String endTime, boolean active, int version) {}

    public record Spec(String name, String startTime, String endTime, Boolean active, Integer version) {}

    private static final String SELECT = "select name, start_time, end_time, active, version from shift_type";

    private final Jdbi jdbi;
    private final ChangeFeed feed;
    private final AuditLog audit;

    public ShiftTypeService(Jdbi jdbi, ChangeFeed feed, AuditLog audit) {
        this.jdbi = jdbi;
        this.feed = feed;
        this.audit = audit;
    }

    public Page<ShiftType> list(String q, Integer offset, Integer limit) {
        int o = Page.offset(offset), n = Page.limit(limit);
        return jdbi.withHandle(h -> new Page<>(h.createQuery(SELECT + " where lower(name) like :q order by start_time, name offset :o limit :n")
                .bind("q", Page.like(q)).bind("o", o).bind("n", n).map(ConstructorMapper.of(ShiftType.class)).list(), o, n,
                h.createQuery("select count(*) from shift_type where lower(name) like :q").bind("q", Page.like(q)).mapTo(Long.class).one()));
    }

    public ShiftType get(String name) {
        return jdbi.withHandle(h -> require(h, name));
    }

    public ShiftType create(String actor, Spec s) {
        String name = ItemRules.name("shift type", s.name());
        String start = time("start", s.startTime()), end = time("end", s.endTime());
        return jdbi.inTransaction(h -> {
            feed.lock(h);
            if (find(h, name).isPresent()) throw Refusal.conflict("shift_type_exists", "Shift type '" + name + "' already exists.");
            h.createUpdate("insert into shift_type (name, start_time, end_time) values (:n, :s, :e)").bind("n", name).bind("s", start).bind("e", end).execute();
            ShiftType t = require(h, name);
            audit.record(h, actor, "shift_type", name, "create", null, t);
            publish(h, t);
            return t;
        });
    }

    public ShiftType update(String actor, String name, Spec s) {
        return jdbi.inTransaction(h -> {
            feed.lock(h);
            ShiftType cur = require(h, name);
            Versions.check("shift type", name, s.version(), cur.version());
            if (s.name() != null && !s.name().strip().equals(name)) {
                throw Refusal.invalid("name_immutable", "A shift type keeps its name (shifts on the tills carry it); create a new one and disable this one.");
            }
            h.createUpdate("update shift_type set start_time = :s, end_time = :e, active = :a, version = version + 1 where name = :n")
                    .bind("s", s.startTime() == null ? cur.startTime() : time("start", s.startTime()))
                    .bind("e", s.endTime() == null ? cur.endTime() : time("end", s.endTime()))
                    .bind("a", s.active() == null ? cur.active() : s.active()).bind("n", name).execute();
            ShiftType t = require(h, name);
            audit.record(h, actor, "shift_type", name, t.active() == cur.active() ? "update" : (t.active() ? "enable" : "disable"), cur, t);
            publish(h, t);
            return t;
        });
    }

    private void publish(Handle h, ShiftType t) {
        if (t.active()) feed.put(h, Entities.SHIFT_TYPE, "", t.name(), new ShiftTypeData(t.name(), t.startTime(), t.endTime()));
        else feed.delete(h, Entities.SHIFT_TYPE, "", t.name());
    }

    /** HH:mm, 00:00 to 23:59. */
    static String time(String what, String text) {
        String t = text == null ? "" : text.strip();
        if (!t.matches("\\d{2}:\\d{2}")) throw Refusal.invalid("invalid_time", "The " + what + " time '" + t + "' is not HH:mm (e.g. 08:00).");
        try {
            LocalTime.parse(t);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("invalid_time", "The " + what + " time '" + t + "' is not a time of day (00:00 to 23:59).");
        }
        return t;
    }

    private Optional<ShiftType> find(Handle h, String name) {
        return h.createQuery(SELECT + " where name = :n").bind("n", name).map(ConstructorMapper.of(ShiftType.class)).findOne();
    }

    private ShiftType require(Handle h, String name) {
        return find(h, name).orElseThrow(() -> Refusal.notFound("No shift type named '" + name + "'."));
    }
}
