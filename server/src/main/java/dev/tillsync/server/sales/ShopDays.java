package dev.tillsync.server.sales;

import dev.tillsync.server.refusal.Refusal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Turns the days people type (2024-05-31, in the shop's time zone) into the UTC instants the database holds.
 * Invariant: a range is half-open [from, to), so a sale at local midnight belongs to exactly one day.
 */
public record ShopDays(ZoneId zone) {
    /** The longest range a per-day report covers (a year and a bit): beyond that the table stops being readable. */
    public static final int MAX_DAYS = 400;

    /** A half-open range of instants; either end may be null (open). */
    public record Range(Instant from, Instant to) {}

    public LocalDate today() {
        return LocalDate.now(zone);
    }

    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** The range of one local day. */
    public Range day(LocalDate day) {
        return new Range(startOf(day), startOf(day.plusDays(1)));
    }

    /** From and to as typed: a date (the whole local day; {@code to} inclusive) or an instant (2024-05-31T10:00:00Z). */
    public Range range(String from, String to) {
        return new Range(bound(from, false), bound(to, true));
    }

    private Instant bound(String text, boolean end) {
        if (text == null || text.isBlank()) return null;
        String t = text.trim();
        if (t.length() == 10) {
            LocalDate d = date(t, "date");
            return startOf(end ? d.plusDays(1) : d);
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("invalid_date", "'" + text + "' is not a date (2024-05-31) or an instant (2024-05-31T10:00:00Z).");
        }
    }

    /** A date like 2024-05-31, or null when blank; {@code what} names the field in the refusal. */
    public static LocalDate date(String text, String what) {
        if (text == null || text.isBlank()) return null;
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("invalid_date", "The " + what + " '" + text + "' is not a date like 2024-05-31.");
        }
    }

    /** The days of a report, first to last inclusive; refused when reversed or longer than {@link #MAX_DAYS}. */
    public static void checkSpan(LocalDate first, LocalDate last) {
        if (last.isBefore(first)) {
            throw Refusal.invalid("invalid_range", "The range ends (" + last + ") before it starts (" + first + "); swap from and to.");
        }
        if (first.plusDays(MAX_DAYS).isBefore(last.plusDays(1))) {
            throw Refusal.invalid("range_too_long", "A report covers at most " + MAX_DAYS + " days; " + first + " to " + last
                    + " is longer. Ask for a shorter range (for example one month).");
        }
    }
}
