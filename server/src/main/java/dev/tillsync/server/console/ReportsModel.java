package dev.tillsync.server.console;

import dev.tillsync.server.sales.CashierReport;
import dev.tillsync.server.sales.DailyReport;
import dev.tillsync.server.sales.SalesText;
import java.util.List;

/** The reports page: both reports over the same days and till, and the till pick list. */
record ReportsModel(Frame frame, List<String> posIds, DailyReport daily, CashierReport cashiers) {

    /** The query string of this range and till, for the CSV buttons. */
    String query() {
        return "from=" + daily.from() + "&to=" + daily.to() + "&device=" + Format.url(daily.device());
    }

    static String rate(int bp) {
        return SalesText.rate(bp);
    }
}
