package dev.tillsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.server.admin.AdminCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code admin catalog import} through picocli: exit codes, refused rows printed with line and column, nothing written. */
class CatalogCliTest {
    private final TillServer server = SharedServer.get();
    @TempDir Path dir;

    private static CliRun cli(String... args) {
        return CliRun.of(args);
    }

    private String db() {
        return server.jdbcUrl() + "?user=postgres";
    }

    private Path file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void importDryRunThenApplyThenRefuse() throws Exception {
        String tax = server.services().jdbi().withHandle(h -> h.createQuery("select name from tax_category order by name limit 1").mapTo(String.class).one());
        Path good = file("good.csv", "\uFEFFcode;name;tax;price;barcodes\r\nCLI-1;Cli one;" + tax + ";2.00;CLI1\r\n");
        CliRun dry = cli("admin", "--db", db(), "catalog", "import", "--dry-run", good.toString());
        assertThat(dry.exit()).as(dry.out() + dry.err()).isZero();
        assertThat(dry.out()).contains("Dry run, nothing written: would be 1 created, 0 updated, 0 unchanged");
        CliRun ok = cli("admin", "--db", db(), "catalog", "import", good.toString());
        assertThat(ok.exit()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).contains("1 created");
        assertThat(cli("admin", "--db", db(), "catalog", "import", good.toString()).out()).contains("0 created, 0 updated, 1 unchanged");

        Path bad = file("bad.csv", "code,name,tax,price\nCLI-2,Fine," + tax + ",1\nCLI-3,Neg," + tax + ",-1\n");
        CliRun r = cli("admin", "--db", db(), "catalog", "import", bad.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(AdminCommand.ROWS_REJECTED);
        assertThat(r.out()).contains("line 3, column price: Price -1 is negative.");
        assertThat(r.err()).contains("nothing was written");
        long n = server.services().jdbi().withHandle(h -> h.createQuery("select count(*) from item where code = 'CLI-2'").mapTo(Long.class).one());
        assertThat(n).as("one bad row applies nothing").isZero();
    }

    @Test
    void exportThenImportIsAllUnchanged() throws Exception {
        Path out = dir.resolve("catalog.csv");
        CliRun e = cli("admin", "--db", db(), "catalog", "export", out.toString());
        assertThat(e.exit()).as(e.out() + e.err()).isZero();
        assertThat(Files.readString(out)).startsWith("code,name,category,unit,barcodes,tax,price,price_list,active\r\n");
        CliRun i = cli("admin", "--db", db(), "catalog", "import", "--dry-run", out.toString());
        assertThat(i.exit()).as(i.out() + i.err()).isZero();
        assertThat(i.out()).contains("would be 0 created, 0 updated, ");
    }

    @Test
    void aSampleCatalogueImportsAsItIsAndTwiceChangesNothing() throws Exception {
        String tax = server.services().jdbi().withHandle(h -> h.createQuery("select name from tax_category order by name limit 1").mapTo(String.class).one());
        Path sample = dir.resolve("sample.csv");
        CliRun wrote = cli("admin", "catalog", "sample", "--items", "300", "--tax", tax, sample.toString());
        assertThat(wrote.exit()).as(wrote.out() + wrote.err()).isZero();
        assertThat(wrote.out()).contains("Wrote 300 sample items");
        assertThat(Files.readAllLines(sample)).hasSize(301).first().isEqualTo("code,name,category,unit,barcodes,tax,price,price_list,active");
        CliRun first = cli("admin", "--db", db(), "catalog", "import", sample.toString());
        assertThat(first.exit()).as(first.out() + first.err()).isZero();
        assertThat(first.out()).matches("(?s).*: \\d+ created, \\d+ updated, \\d+ unchanged\\..*");
        CliRun second = cli("admin", "--db", db(), "catalog", "import", sample.toString());
        assertThat(second.out()).as(second.out() + second.err()).contains("0 created, 0 updated, 300 unchanged");
        CliRun none = cli("admin", "catalog", "sample", "--items", "0", sample.toString());
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("--items must be between 1 and 1000000");
    }

    @Test
    void aFileWhoseEveryRowHasOneFaultListsAHundredRowsAndCountsTheRestByReason() throws Exception {
        StringBuilder b = new StringBuilder("code,name,tax,price\n");
        for (int i = 1; i <= 150; i++) b.append("DIG-").append(i).append(",Digest ").append(i).append(",No Such Tax,1.00\n");
        CliRun r = cli("admin", "--db", db(), "catalog", "import", file("digest.csv", b.toString()).toString());
        assertThat(r.exit()).isEqualTo(4);
        assertThat(r.out().lines().filter(l -> l.startsWith("line "))).hasSize(100);
        assertThat(r.out()).contains("line 2, column tax: tax category 'No Such Tax' does not exist")
                .contains("... and 50 more refused rows, by reason:")
                .contains("  50 more rows, column tax: tax category 'No Such Tax' does not exist");
        assertThat(r.err()).contains("150 rows of");
    }
}
