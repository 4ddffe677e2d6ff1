package dev.tillsync.server.console;

import dev.tillsync.server.sales.TodayReport;
import java.time.Instant;
import java.time.ZoneId;

/** The Today page: the day's report, its hourly chart, and whether the day shown is today. */
record TodayModel(Frame frame, TodayReport report, SalesChart chart, boolean isToday) {

    String time(Instant t) {
        return Format.local(t, ZoneId.of(report.timeZone()));
    }

    String heading() {
        return (isToday ? "Today, " : "") + report.day() + " (" + report.timeZone() + ")";
    }
}
