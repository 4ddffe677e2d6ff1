package dev.tillsync.server.console;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * Read-only queries only the console needs (list figures, pick lists, per-day and per-hour sales, row lookups).
 * Rows map onto the records by column name (snake_case to the record's components).
 */
final class ConsoleQueries {
    private final Jdbi jdbi;

    ConsoleQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * One line of the device list. {@code pending} is what the server can know of: sequence numbers below the
     * highest received that have not arrived (the device numbers its rows gap-free), plus rows still in flight.
     */
    record DeviceLine(String posId, String profile, String connectionStatus, Instant lastSync, long received, long failed,
                      long pending, long openFlags, String description) {}

    List<DeviceLine> deviceLines() {
        return jdbi.withHandle(h -> h.createQuery("""
                        select d.pos_id, p.name as profile, d.connection_status, d.last_sync, d.description,
                               coalesce(s.received, 0) as received, coalesce(s.failed, 0) as failed,
                               coalesce(s.max_seq, 0) - coalesce(s.received, 0) + coalesce(s.in_flight, 0) as pending,
                               coalesce(s.open_flags, 0) as open_flags
                        from pos_offline d
                        join pos_profile p on p.id = d.pos_profile_id
                        left join (
                            select device_id, count(*) as received,
                                   count(*) filter (where outcome = 'rejected') as failed,
                                   count(*) filter (where outcome = 'pending') as in_flight,
                                   count(*) filter (where review and reviewed_at is null) as open_flags,
                                   max(seq) as max_seq
                            from pos_offline_sync_status group by device_id
                        ) s on s.device_id = d.id
                        order by d.pos_id
                        """)
                .map(ConstructorMapper.of(DeviceLine.class))
                .list());
    }

    List<String> posIds() {
        return jdbi.withHandle(h -> h.createQuery("select pos_id from pos_offline order by pos_id").mapTo(String.class).list());
    }

    List<String> profiles() {
        return jdbi.withHandle(h -> h.createQuery("select name from pos_profile order by name").mapTo(String.class).list());
    }

    List<String> shiftTypes() {
        return jdbi.withHandle(h -> h.createQuery("select name from shift_type order by name").mapTo(String.class).list());
    }

    List<String> userEmails() {
        return jdbi.withHandle(h -> h.createQuery("select email from app_user order by email").mapTo(String.class).list());
    }

    record DaySales(LocalDate day, long count, long totalMinor, long offlineCount) {}

    /** Sales per local day of the shop ({@code zone}) for one device, newest first. */
    List<DaySales> salesPerDay(String posId, int days, ZoneId zone) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select cast(i.posted_at at time zone :tz as date) as day, count(*) as count,
                               coalesce(sum(i.grand_total_minor), 0) as total_minor, count(*) filter (where i.offline) as offline_count
                        from sales_invoice i join pos_offline d on d.id = i.device_id
                        where d.pos_id = :p group by 1 order by 1 desc limit :days
                        """).bind("p", posId).bind("days", days).bind("tz", zone.getId())
                .map(ConstructorMapper.of(DaySales.class))
                .list());
    }

    record HourSales(int hour, long count, long totalMinor, long offlineCount) {}

    /** Sales per local hour of one local day of the shop; offlineCount counts invoices whose payload said offline=true. */
    List<HourSales> salesPerHour(String posId, LocalDate day, ZoneId zone) {
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        return jdbi.withHandle(h -> h.createQuery("""
                        select cast(extract(hour from i.posted_at at time zone :tz) as int) as hour, count(*) as count,
                               coalesce(sum(i.grand_total_minor), 0) as total_minor, count(*) filter (where i.offline) as offline_count
                        from sales_invoice i join pos_offline d on d.id = i.device_id
                        where d.pos_id = :p and i.posted_at >= :from and i.posted_at < :to
                        group by 1 order by 1
                        """).bind("p", posId).bind("from", from).bind("to", to).bind("tz", zone.getId())
                .map(ConstructorMapper.of(HourSales.class))
                .list());
    }

    record RowRef(String uuid, String kind, String number) {}

    /** Kind and number of received rows by UUID, to label an import's per-row results. */
    Map<String, RowRef> rowRefs(List<String> uuids) {
        if (uuids.isEmpty()) return Map.of();
        return jdbi.withHandle(h -> h.createQuery("select uuid, kind, number from pos_offline_sync_status where uuid in (<u>)")
                .bindList("u", uuids)
                .map(ConstructorMapper.of(RowRef.class))
                .collect(Collectors.toMap(RowRef::uuid, r -> r)));
    }
}
