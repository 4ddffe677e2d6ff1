package dev.tillsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * V13 on a database that already holds invoices of the previous release: each line's quantity becomes thousandths,
 * its gross its net, discounts and rounding 0, and every total stays to the cent. Runs the real migrations into a
 * schema of its own on the shared embedded PostgreSQL, stopping at V12, then on to V13.
 */
class PricedInvoiceMigrationTest {
    private static final String SCHEMA = "t17_migration";

    @Test
    void anInvoiceStoredBeforeV13KeepsItsTotalsToTheCent() throws Exception {
        Jdbi jdbi = server().services().jdbi();
        String[] at = jdbi.withHandle(h -> new String[] {h.getConnection().getMetaData().getURL(), h.getConnection().getMetaData().getUserName()});
        jdbi.useHandle(h -> h.execute("drop schema if exists " + SCHEMA + " cascade"));
        try {
            flyway(at, "12").migrate();
            Jdbi old = Jdbi.create(at[0] + (at[0].contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA, at[1], "");
            old.useHandle(h -> {
                h.execute("set session_replication_role = replica"); // no device or profile rows needed behind the invoice
                long id = h.createQuery("""
                        insert into sales_invoice (number, device_id, sync_uuid, posted_at, offline, change_minor, net_total_minor,
                            tax_total_minor, grand_total_minor)
                        values ('OLD-1', 1, 'old-uuid-1', now(), true, 82, 750, 113, 863) returning id""").mapTo(Long.class).one();
                h.execute("""
                        insert into sales_invoice_line (invoice_id, line_no, item_code, item_name, qty, rate_minor, tax_rate_bp, net_minor,
                            tax_minor, total_minor)
                        values (?, 1, 'ITEM-0001', 'Pen', 3, 150, 1500, 450, 68, 518), (?, 2, 'ITEM-0002', 'Pad', 1, 300, 1500, 300, 45, 345)""",
                        id, id);
            });
            flyway(at, "13").migrate();
            old.useHandle(h -> {
                Map<String, Object> i = h.createQuery("""
                        select net_total_minor, tax_total_minor, grand_total_minor, change_minor, discount_minor, rounding_minor,
                               prices_include_tax, sale_discount_kind from sales_invoice where number = 'OLD-1'""").mapToMap().one();
                assertThat(i).containsEntry("net_total_minor", 750L).containsEntry("tax_total_minor", 113L)
                        .containsEntry("grand_total_minor", 863L).containsEntry("change_minor", 82L).containsEntry("discount_minor", 0L)
                        .containsEntry("rounding_minor", 0L).containsEntry("prices_include_tax", false).containsEntry("sale_discount_kind", null);
                var lines = h.createQuery("""
                        select qty, qty_milli, gross_minor, net_minor, line_discount_minor, sale_discount_minor, total_minor, discount_kind
                        from sales_invoice_line order by line_no""").mapToMap().list();
                assertThat(lines.get(0)).containsEntry("qty_milli", 3000L).containsEntry("gross_minor", 450L)
                        .containsEntry("line_discount_minor", 0L).containsEntry("sale_discount_minor", 0L).containsEntry("total_minor", 518L)
                        .containsEntry("discount_kind", null);
                assertThat(lines.get(1)).containsEntry("qty_milli", 1000L).containsEntry("gross_minor", 300L);
                long sum = h.createQuery("select sum(total_minor) from sales_invoice_line").mapTo(Long.class).one();
                assertThat(sum).isEqualTo(863L);
            });
        } finally {
            jdbi.useHandle(h -> h.execute("drop schema if exists " + SCHEMA + " cascade"));
        }
    }

    private static Flyway flyway(String[] at, String target) {
        return Flyway.configure().dataSource(at[0], at[1], null).schemas(SCHEMA).createSchemas(true).target(target)
                .locations("classpath:db/migration").load();
    }

    private static TillServer server() {
        return SharedServer.get();
    }
}
