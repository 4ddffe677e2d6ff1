package dev.tillsync.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.core.invoice.InvoiceLine;
import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.json.Json;
import dev.tillsync.terminal.store.TerminalStore;
import dev.tillsync.terminal.support.LocalDevice;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store of the previous release (schema V6) with a sale in it migrates to the priced form (V7) without loss: the old
 * invoice keeps its totals to the cent in history and on the reprint, its lines read as whole units × 1000 with gross =
 * net and no discount, its stock effect counts in thousandths, and a return against it is priced from those rows.
 */
class PricedStoreMigrationTest {
    @TempDir
    Path dir;

    static final String NUMBER = "POS-0001-000001";

    void previousReleaseStoreWithASale() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve(TerminalStore.FILE_NAME);
        org.flywaydb.core.Flyway.configure().dataSource(url, null, null).locations("classpath:db/terminal").target("6").load().migrate();
        List<InvoiceLine> lines = List.of(InvoiceLine.of("ITEM-0001", "Item 1", 2, 150, 1500), InvoiceLine.of("ITEM-0002", "Item 2", 1, 200, 1500));
        InvoicePayload inv = new InvoicePayload(NUMBER, Instant.parse("2026-11-30T10:00:00Z"), null, "amira@demo.shop", "shift-old", false, null,
                "pk-1", lines, List.of(new Payment("Cash", 600, null)), 25, 500, 75, 575);
        String payload = Json.mapper().writeValueAsString(inv);
        assertThat(payload).doesNotContain("qtyMilli");
        Jdbi.create(url).useTransaction(h -> {
            h.execute("insert into shift (uuid, user_email, opening_float_minor, opened_at, closed_at) values "
                    + "('shift-old', 'amira@demo.shop', 0, '2026-11-30T09:00:00Z', '2026-11-30T18:00:00Z')");
            h.createUpdate("insert into outbox (seq, uuid, kind, ref, payload, status, attempts, created_at, updated_at) "
                    + "values (1, 'u-1', 'invoice', :n, :p, 'Pending', 0, '2026-11-30T10:00:00Z', '2026-11-30T10:00:00Z')")
                    .bind("n", NUMBER).bind("p", payload).execute();
            h.createUpdate("insert into invoice (number, outbox_seq, posted_at, customer_number, cashier, shift_uuid, offline, return_against, "
                    + "change_minor, net_minor, tax_minor, grand_minor) values (:n, 1, '2026-11-30T10:00:00Z', null, 'amira@demo.shop', "
                    + "'shift-old', 0, null, 25, 500, 75, 575)").bind("n", NUMBER).execute();
            for (int i = 0; i < lines.size(); i++) {
                InvoiceLine l = lines.get(i);
                h.createUpdate("insert into invoice_line (invoice_number, line_no, item_code, item_name, qty, rate_minor, tax_rate_bp, "
                        + "net_minor, tax_minor, total_minor) values (:n, :no, :c, :name, :q, :r, :t, :net, :tax, :tot)")
                        .bind("n", NUMBER).bind("no", i + 1).bind("c", l.itemCode()).bind("name", l.itemName()).bind("q", l.qty())
                        .bind("r", l.rateMinor()).bind("t", l.taxRateBp()).bind("net", l.netMinor()).bind("tax", l.taxMinor())
                        .bind("tot", l.totalMinor()).execute();
            }
            h.execute("insert into invoice_payment (invoice_number, idx, mode, amount_minor) values ('" + NUMBER + "', 1, 'Cash', 600)");
            h.execute("update counter set value = 1 where name in ('invoice', 'outbox_seq')");
        });
    }

    @Test
    void anInvoiceOfThePreviousReleaseKeepsItsTotalsAndCanBeReturnedInThePricedForm() throws Exception {
        previousReleaseStoreWithASale();
        LocalDevice.prepare(dir); // opens the store (migrating it to V7) and links it locally
        try (TerminalStore s = TerminalStore.open(dir)) {
            String row = s.read(h -> h.createQuery("select group_concat(qty_milli || '/' || unit || '/' || gross_minor || '/' || line_discount_minor"
                    + " || '/' || sale_discount_minor, ' ') from invoice_line where invoice_number = :n").bind("n", NUMBER).mapTo(String.class).one());
            assertThat(row).isEqualTo("2000/unit/300/0/0 1000/unit/200/0/0");
            String head = s.read(h -> h.createQuery("select grand_minor || '/' || discount_minor || '/' || rounding_minor || '/' || prices_include_tax"
                    + " from invoice where number = :n").bind("n", NUMBER).mapTo(String.class).one());
            assertThat(head).isEqualTo("575/0/0/0");
        }
        try (PosTerminal pos = PosTerminal.open(dir)) {
            pos.login("amira@demo.shop", "1234");
            HistoryEntry old = pos.history(new HistoryFilter(null, true, 10)).get(0);
            assertThat(old.totalMinor()).isEqualTo(575);
            assertThat(old.discountMinor()).isZero();
            assertThat(old.roundingMinor()).isZero();
            InvoicePayload stored = pos.recordedInvoice(NUMBER);
            assertThat(List.of(stored.netTotalMinor(), stored.taxTotalMinor(), stored.grandTotalMinor(), stored.changeMinor()))
                    .containsExactly(500L, 75L, 575L, 25L);
            assertThat(pos.reprint(NUMBER).text()).contains("5.75").contains("REPRINT");
            assertThat(pos.findItem("ITEM-0001").orElseThrow().localStockMilli()).isEqualTo(98_000);

            pos.openShift(0, null);
            SaleReceipt ret = pos.recordReturn(new ReturnRequest(NUMBER, List.of(SaleItem.units("ITEM-0001", 1)),
                    List.of(new Payment("Cash", -172, null))));
            assertThat(ret.invoice().lines().get(0).qtyMilli()).isEqualTo(-1000L);
            assertThat(ret.invoice().grandTotalMinor()).isEqualTo(-172); // 1.50 + 15% (−0.225 half-even −0.22), as sold
            assertThat(ret.number()).isEqualTo("POS-0001-000002");
            assertThat(pos.findItem("ITEM-0001").orElseThrow().localStockMilli()).isEqualTo(99_000);
        }
    }
}
