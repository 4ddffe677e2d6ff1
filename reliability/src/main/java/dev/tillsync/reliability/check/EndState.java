package dev.tillsync.reliability.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The end-of-run verdict for one device after a final fault-free sync: every confirmed sale on the server
 * exactly once, terminal and server agreeing on invoices, totals, quantities and stock postings, the device
 * sequence gap-free on both sides, and no Failed or rejected row (none of the runs sends anything invalid).
 */
public final class EndState {
    public record Verdict(String posId, int confirmed, int terminalInvoices, int onServer, int lost, int duplicated,
                          List<String> violations) {
        public boolean ok() {
            return violations.isEmpty();
        }
    }

    private EndState() {}

    public static Verdict check(String posId, TerminalLedger terminal, ServerLedger server, Set<String> confirmed) {
        List<String> v = new ArrayList<>();
        Map<String, Integer> counts = server.invoiceCounts(posId);
        Map<String, Long> serverTotals = server.invoiceTotals(posId);
        Map<String, Long> termTotals = terminal.invoiceTotals();

        Set<String> lost = new TreeSet<>();
        for (String n : confirmed) if (!counts.containsKey(n)) lost.add(n);
        if (!lost.isEmpty()) v.add("confirmed sales missing on the server: " + first(lost));
        Set<String> notOnTerminal = new TreeSet<>();
        for (String n : confirmed) if (!termTotals.containsKey(n)) notOnTerminal.add(n);
        if (!notOnTerminal.isEmpty()) v.add("confirmed sales missing on the terminal after restart: " + first(notOnTerminal));
        Set<String> dup = new TreeSet<>();
        counts.forEach((n, c) -> {
            if (c > 1) dup.add(n + "×" + c);
        });
        if (!dup.isEmpty()) v.add("invoices on the server more than once: " + first(dup));
        if (!termTotals.keySet().equals(serverTotals.keySet())) {
            Set<String> onlyT = new TreeSet<>(termTotals.keySet());
            onlyT.removeAll(serverTotals.keySet());
            Set<String> onlyS = new TreeSet<>(serverTotals.keySet());
            onlyS.removeAll(termTotals.keySet());
            v.add("invoice sets differ: only on terminal " + first(onlyT) + ", only on server " + first(onlyS));
        }
        termTotals.forEach((n, t) -> {
            Long s = serverTotals.get(n);
            if (s != null && !s.equals(t)) v.add("total of " + n + ": terminal " + t + ", server " + s);
        });
        Map<String, Long> soldT = terminal.soldQty();
        Map<String, Long> soldS = server.soldQty(posId);
        if (!soldT.equals(soldS)) v.add("quantities sold differ: terminal " + soldT.size() + " items, server " + soldS.size() + " items");
        Map<String, Long> posted = server.stockPosted(posId);
        Map<String, Long> expected = new HashMap<>();
        soldS.forEach((item, q) -> expected.put(item, -q));
        posted.values().removeIf(q -> q == 0);
        expected.values().removeIf(q -> q == 0);
        if (!posted.equals(expected)) v.add("server stock postings differ from quantities sold (posted " + posted.size() + " items)");

        TerminalLedger.Outbox ob = terminal.outbox();
        if (!ob.gapFree()) v.add("terminal outbox sequence not gap-free: " + ob.rows() + " rows, seq " + ob.minSeq() + ".." + ob.maxSeq());
        long notSynced = ob.rows() - ob.byStatus().getOrDefault("Synced", 0L);
        if (notSynced != 0) v.add("rows not Synced after the final sync: " + ob.byStatus());
        if (!ob.failedReasons().isEmpty()) v.add("Failed rows: " + ob.failedReasons());
        long gaps = server.sequenceGaps(posId);
        if (gaps != 0) v.add("server holds the device sequence with " + gaps + " gaps");
        Map<String, Long> outcomes = server.outcomes(posId);
        if (outcomes.getOrDefault("rejected", 0L) != 0 || outcomes.getOrDefault("pending", 0L) != 0) v.add("server outcomes: " + outcomes);
        return new Verdict(posId, confirmed.size(), termTotals.size(), counts.size(), lost.size(), dup.size(), v);
    }

    private static String first(Set<String> s) {
        return s.size() <= 5 ? s.toString() : new ArrayList<>(s).subList(0, 5) + " … (" + s.size() + ")";
    }
}
