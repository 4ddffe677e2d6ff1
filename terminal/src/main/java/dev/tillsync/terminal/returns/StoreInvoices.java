package dev.tillsync.terminal.returns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tillsync.core.returns.ReturnableInvoice;
import dev.tillsync.terminal.TerminalException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The store's recent sales as pulled (table store_invoice). Invariant: one row per invoice number, the newest copy the
 * server sent (it sends a sale again whenever a return against it is ingested); the one writer of the table.
 */
public final class StoreInvoices {
    /** Copies older than this are dropped at each pull: the server sends only its window (default 30 days) anyway. */
    static final Duration KEEP = Duration.ofDays(120);
    private static final ObjectMapper JSON = dev.tillsync.core.json.Json.mapper();

    private StoreInvoices() {}

    /** Keeps the copy {@code inv} pulled at {@code pulledAt}, replacing an older copy of the same sale. */
    public static void put(Handle h, ReturnableInvoice inv, Instant pulledAt) {
        if (inv.number() == null || inv.postedAt() == null) {
            throw new TerminalException("bad_pull", "The server sent a store sale without number or date; the page was not applied.");
        }
        h.createUpdate("""
                insert into store_invoice (number, pos_id, posted_at, data_json, pulled_at) values (:n, :pos, :at, :json, :pulled)
                on conflict (number) do update set pos_id = excluded.pos_id, posted_at = excluded.posted_at,
                    data_json = excluded.data_json, pulled_at = excluded.pulled_at
                """).bind("n", inv.number()).bind("pos", inv.posId() == null ? "" : inv.posId()).bind("at", inv.postedAt().toString())
                .bind("json", write(inv)).bind("pulled", pulledAt.toString()).execute();
    }

    public static void remove(Handle h, String number) {
        h.createUpdate("delete from store_invoice where number = :n").bind("n", number).execute();
    }

    /** Drops copies of sales older than {@link #KEEP}. */
    public static void prune(Handle h, Instant now) {
        h.createUpdate("delete from store_invoice where posted_at < :before").bind("before", now.minus(KEEP).toString()).execute();
    }

    /** The pulled copy of sale {@code number}, with when it arrived. */
    public static Optional<Pulled> find(Handle h, String number) {
        return h.createQuery("select data_json, pulled_at from store_invoice where number = :n").bind("n", number)
                .map((rs, ctx) -> new Pulled(read(rs.getString(1)), Instant.parse(rs.getString(2)))).findOne();
    }

    /** A pulled copy and when it arrived. */
    public record Pulled(ReturnableInvoice invoice, Instant pulledAt) {}

    private static String write(ReturnableInvoice inv) {
        try {
            return JSON.writeValueAsString(inv);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ReturnableInvoice read(String json) {
        try {
            return JSON.readValue(json, ReturnableInvoice.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("store_invoice row is not a ReturnableInvoice", e);
        }
    }
}
