package dev.tillsync.server.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tillsync.core.json.Json;
import dev.tillsync.server.ServerMain;
import dev.tillsync.server.ServerOptions;
import dev.tillsync.server.TillServer;
import dev.tillsync.server.admin.AdminCommand;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad CSV input through the real entry points (POST /api/v1/imports/catalog|stock|customers and the admin CLI), each
 * case asserting that the answer names the line, the column and the reason, and that nothing was written (every
 * table an import touches has the same counts, versions and feed position as before). Positive cases for the file
 * forms a spreadsheet writes (';', BOM, CRLF, quoted separators and line breaks) and for the stock and customer
 * imports' own promises (ledger rows, series numbers, the same file twice, export then import) close it.
 */
class ImportBadInputTest {
    @TempDir static Path temp;
    private static TillServer server;
    private static String token, viewerToken;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String CAT = "code,name,category,unit,barcodes,tax,price,price_list,active\n";
    private static final String STOCK = "warehouse,code,qty,mode\n";
    private static final String CUST = "number,name,phone,email,tax_number,price_list\n";
    private static String tax, warehouse;

    record Answer(int status, JsonNode body, String raw) {
        JsonNode refused(int i) {
            return body.path("refused").get(i);
        }
    }

    record Run(int exit, String out, String err) {}

    @BeforeAll
    static void start() throws Exception {
        server = TillServer.start(new ServerOptions(temp.resolve("server"), null, 0));
        server.admin().seedDemo();
        token = login("manager@demo.shop", "manager-pass");
        viewerToken = login("viewer@demo.shop", "viewer-pass");
        tax = one("select name from tax_category where active order by name limit 1");
        warehouse = one("select name from warehouse where active order by name limit 1");
        server.services().jdbi().useHandle(h -> h.execute("insert into warehouse (name) values ('Back Room') on conflict do nothing"));
        // The items the cases refer to: a unit item with a barcode, a kg item, and an item with a sale.
        Answer a = post("/imports/catalog", CAT + "BI-UNIT,Unit thing,,unit,BIUNIT1,\"" + tax + "\",1.00,,\n"
                + "BI-KG,Loose coffee,,kg,,\"" + tax + "\",20.00,,\n" + "BI-SOLD,Sold thing,,,,\"" + tax + "\",3.00,,\n");
        assertThat(a.status()).as(a.raw()).isEqualTo(200);
        server.services().jdbi().useHandle(h -> {
            long dev = h.createQuery("select id from pos_offline order by id limit 1").mapTo(Long.class).one();
            long inv = h.createQuery("""
                    insert into sales_invoice (number, device_id, sync_uuid, posted_at, offline, change_minor, net_total_minor, tax_total_minor, grand_total_minor)
                    values ('BI-INV-1', :d, 'bi-uuid-1', now(), false, 0, 300, 0, 300) returning id""").bind("d", dev).mapTo(Long.class).one();
            h.createUpdate("""
                    insert into sales_invoice_line (invoice_id, line_no, item_code, item_name, qty, rate_minor, tax_rate_bp, net_minor, tax_minor, total_minor)
                    values (:i, 1, 'BI-SOLD', 'Sold thing', 1000, 300, 0, 300, 0, 300)""").bind("i", inv).execute();
        });
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    // ---- catalogue

    @Test
    void wrongHeader() {
        refusedWhole("/imports/catalog", "sku;title;amount\nA;B;1\n", 400, "Column 'sku' in the header is not a catalogue column");
    }

    @Test
    void missingRequiredHeader() {
        refusedWhole("/imports/catalog", "code,name\nBI-X,Thing\n", 400, "The header has no 'price' column");
    }

    @Test
    void unknownColumn() {
        refusedWhole("/imports/catalog", "code,name,price,colour\nBI-X,Thing,1,red\n", 400, "Column 'colour'");
    }

    @Test
    void duplicateCodeWithinTheFile() {
        refusedRow("/imports/catalog", CAT + "BI-D,Dup,,,,\"" + tax + "\",1.00,,\nBI-D,Dup,,,,\"" + tax + "\",2.00,,\n",
                3, "price_list", "already has a price in 'Standard Selling' at line 2");
    }

    @Test
    void barcodeAlreadyOnAnotherItemNamesBothItems() {
        Answer a = refusedRow("/imports/catalog", CAT + "BI-NEW,New thing,,,BIUNIT1,\"" + tax + "\",1.00,,\n", 2, "barcodes", "already on item BI-UNIT");
        assertThat(a.refused(0).path("code").asText()).isEqualTo("BI-NEW");
    }

    @Test
    void duplicateBarcodeWithinTheFileNamesBothLines() {
        refusedRow("/imports/catalog", CAT + "BI-B1,One,,,DUPBC,\"" + tax + "\",1.00,,\nBI-B2,Two,,,DUPBC,\"" + tax + "\",1.00,,\n",
                3, "barcodes", "barcode DUPBC is also on item BI-B1 at line 2");
    }

    @Test
    void negativePrice() {
        refusedRow("/imports/catalog", CAT + "BI-N,Neg,,,,\"" + tax + "\",-1.00,,\n", 2, "price", "Price -1.00 is negative");
    }

    @Test
    void moreDecimalsThanTheCurrencyHas() {
        refusedRow("/imports/catalog", CAT + "BI-N,Neg,,,,\"" + tax + "\",1.005,,\n", 2, "price", "has more decimals than");
    }

    @Test
    void unknownCategory() {
        refusedRow("/imports/catalog", CAT + "BI-N,Thing,Nowhere,,,\"" + tax + "\",1.00,,\n", 2, "category", "category 'Nowhere' does not exist");
    }

    @Test
    void unknownTax() {
        refusedRow("/imports/catalog", CAT + "BI-N,Thing,,,,VAT 99,1.00,,\n", 2, "tax", "tax category 'VAT 99' does not exist");
    }

    @Test
    void unknownPriceList() {
        refusedRow("/imports/catalog", CAT + "BI-N,Thing,,,,\"" + tax + "\",1.00,Wholesale Moon,\n", 2, "price_list", "price list 'Wholesale Moon' does not exist");
    }

    @Test
    void invalidUtf8() {
        byte[] latin1 = (CAT + "BI-N,Caf\u00e9,,,,\"" + tax + "\",1.00,,\n").getBytes(StandardCharsets.ISO_8859_1);
        Map<String, Long> before = snapshot();
        Answer a = post("/imports/catalog", latin1);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.raw()).contains("Line 2 is not valid UTF-8");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void formulaInAName() {
        refusedRow("/imports/catalog", CAT + "BI-F,=SUM(A1),,,,\"" + tax + "\",1.00,,\n", 2, "name", "starts with '='");
    }

    @Test
    void emptyFile() {
        refusedWhole("/imports/catalog", "", 400, "The file is empty");
    }

    @Test
    void headerOnlyFile() {
        refusedWhole("/imports/catalog", CAT, 400, "has a header but no rows");
    }

    @Test
    void truncatedLastLine() {
        refusedWhole("/imports/catalog", CAT + "BI-T,Fine,,,,\"" + tax + "\",1.00,,\nBI-U,\"Cut off", 400, "Line 3 opens a quoted field");
    }

    @Test
    void aRowWithTooManyFields() {
        refusedRow("/imports/catalog", "code,name,price\nBI-N,Thing,1.00,extra\n", 2, null, "the row has 4 fields but the header has 3");
    }

    @Test
    void unknownUnit() {
        refusedRow("/imports/catalog", CAT + "BI-N,Thing,,box,,\"" + tax + "\",1.00,,\n", 2, "unit", "Unit 'box' is not one of");
    }

    @Test
    void barcodeWithAWrongCheckDigit() {
        refusedRow("/imports/catalog", CAT + "BI-N,Thing,,,4006381333932,\"" + tax + "\",1.00,,\n", 2, "barcodes", "check digit");
    }

    @Test
    void fileOverTheLimitIsRefusedNamingIt() {
        Map<String, Long> before = snapshot();
        long size = 100L * 1024 * 1024 + 1;
        byte[] row = ("BI-BIG,Big,,,,\"" + tax + "\",1.00,,\n").getBytes(StandardCharsets.UTF_8);
        byte[] head = CAT.getBytes(StandardCharsets.UTF_8);
        // Generated as it is sent (chunked): the test never holds 100 MB.
        InputStream body = new InputStream() {
            long sent;

            @Override
            public int read() {
                if (sent >= size) return -1;
                long i = sent++;
                return i < head.length ? head[(int) i] : row[(int) ((i - head.length) % row.length)];
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (sent >= size) return -1;
                int n = (int) Math.min(len, size - sent);
                for (int k = 0; k < n; k++) b[off + k] = (byte) read();
                return n;
            }
        };
        Answer a = send(request("/imports/catalog", token).header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)));
        assertThat(a.status()).as(a.raw()).isEqualTo(413);
        assertThat(a.raw()).contains("100 MiB");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void fileOverTheLimitThroughTheCli() throws Exception {
        Path big = temp.resolve("big.csv");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(100L * 1024 * 1024 + 1); // sparse: no 100 MB written to disk
        }
        Map<String, Long> before = snapshot();
        for (String kind : List.of("catalog", "stock", "customers")) {
            Run r = cli(kind, "import", big.toString());
            assertThat(r.exit()).as(kind + ": " + r.err()).isEqualTo(1);
            assertThat(r.err()).contains("an import takes at most 100 MiB");
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void staleVersionOnItemUpdateAnswers409() {
        JsonNode item = get("/items/BI-UNIT").body();
        int version = item.path("version").asInt();
        Map<String, Object> body = Map.of("name", "Unit thing renamed", "version", version - 1 < 1 ? version + 7 : version - 1);
        Map<String, Long> before = snapshot();
        Answer a = send(request("/items/BI-UNIT", token).header("Content-Type", "application/json").PUT(json(body)));
        assertThat(a.status()).as(a.raw()).isEqualTo(409);
        assertThat(a.body().path("error").asText()).isEqualTo("stale_version");
        assertThat(a.body().path("message").asText()).contains("was changed by someone else");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void deletingAnItemWithSalesDisablesIt() {
        Answer a = send(request("/items/BI-SOLD", token).DELETE());
        assertThat(a.status()).as(a.raw()).isEqualTo(200);
        assertThat(a.raw()).contains("disabled, not deleted");
        assertThat(one("select active::text from item where code = 'BI-SOLD'")).isEqualTo("false");
        assertThat(one("select count(*)::text from sales_invoice_line where item_code = 'BI-SOLD'")).isEqualTo("1");
    }

    // ---- stock

    @Test
    void unknownWarehouse() {
        refusedRow("/imports/stock", STOCK + "Attic,BI-UNIT,5,set\n", 2, "warehouse", "warehouse 'Attic' does not exist");
    }

    @Test
    void unknownItemInStock() {
        refusedRow("/imports/stock", STOCK + warehouse + ",BI-NOPE,5,set\n", 2, "code", "item BI-NOPE does not exist");
    }

    @Test
    void kgQuantityOnAUnitItemNamesLineColumnAndUnit() {
        refusedRow("/imports/stock", STOCK + warehouse + ",BI-KG,1.5,set\n" + warehouse + ",BI-UNIT,1.5,add\n", 3, "qty",
                "Item BI-UNIT is sold by the unit, so quantity 1.5 must be a whole number");
    }

    @Test
    void negativeQuantityForAdd() {
        refusedRow("/imports/stock", STOCK + warehouse + ",BI-UNIT,-2,add\n", 2, "qty", "Quantity -2 is negative");
    }

    @Test
    void badMode() {
        refusedRow("/imports/stock", STOCK + warehouse + ",BI-UNIT,2,remove\n", 2, "mode", "mode 'remove' is not 'set'");
    }

    @Test
    void moreThanThreeDecimalsOnAKgItem() {
        refusedRow("/imports/stock", STOCK + warehouse + ",BI-KG,1.2345,set\n", 2, "qty", "more than 3 decimals");
    }

    @Test
    void quantityThatIsNotANumber() {
        refusedRow("/imports/stock", STOCK + warehouse + ",BI-UNIT,ten,add\n", 2, "qty", "'ten' is not a quantity");
    }

    @Test
    void sameItemAndWarehouseTwice() {
        refusedRow("/imports/stock", STOCK + warehouse + ",BI-UNIT,1,set\n" + warehouse + ",BI-UNIT,2,add\n", 3, "code", "is also at line 2");
    }

    @Test
    void negativeCount() {
        refusedRow("/imports/stock", STOCK + warehouse + ",BI-UNIT,-4,set\n", 2, "qty", "Quantity -4 is negative; a count is 0 or more");
    }

    @Test
    void stockHeaderWithoutMode() {
        refusedWhole("/imports/stock", "warehouse,code,qty\n" + warehouse + ",BI-UNIT,1\n", 400, "The header has no 'mode' column");
    }

    @Test
    void stockRefusedRowsThroughTheCli() throws Exception {
        Path f = temp.resolve("stock-bad.csv");
        Files.writeString(f, STOCK + warehouse + ",BI-UNIT,3,add\n" + warehouse + ",BI-UNIT2,x,add\nAttic,BI-KG,1,set\n");
        Map<String, Long> before = snapshot();
        Run r = cli("stock", "import", f.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(AdminCommand.ROWS_REJECTED);
        assertThat(r.out()).contains("line 3, column code: item BI-UNIT2 does not exist").contains("line 4, column warehouse: warehouse 'Attic' does not exist");
        assertThat(r.err()).contains("nothing was written");
        assertThat(snapshot()).isEqualTo(before);
    }

    // ---- customers

    @Test
    void badCustomerEmail() {
        refusedRow("/imports/customers", CUST + "BI-C1,Sam Lee,,sam.example.com,,\n", 2, "email", "Email 'sam.example.com' is not an email address");
    }

    @Test
    void duplicateCustomerNumberInTheFileNamesBothLines() {
        refusedRow("/imports/customers", CUST + "BI-C1,Sam Lee,,,,\nBI-C1,Sam Li,,,,\n", 3, "number", "customer BI-C1 is also at line 2");
    }

    @Test
    void unknownCustomerPriceList() {
        refusedRow("/imports/customers", CUST + "BI-C1,Sam Lee,,,,Wholesale Moon\n", 2, "price_list", "No active price list named 'Wholesale Moon'");
    }

    @Test
    void formulaInACustomerName() {
        refusedRow("/imports/customers", CUST + "BI-C1,@cmd,,,,\n", 2, "name", "starts with '@'");
    }

    @Test
    void customerNumberWithASpace() {
        refusedRow("/imports/customers", CUST + "BI C1,Sam Lee,,,,\n", 2, "number", "Customer number 'BI C1' may have only");
    }

    @Test
    void customersHeaderWithoutName() {
        refusedWhole("/imports/customers", "number,phone\nBI-C1,123\n", 400, "The header has no 'name' column");
    }

    @Test
    void customersRefusedThroughTheCli() throws Exception {
        Path f = temp.resolve("cust-bad.csv");
        Files.writeString(f, CUST + ",Good Person,,,,\n,Bad Mail,,x@y,,\n");
        Map<String, Long> before = snapshot();
        Run r = cli("customers", "import", f.toString());
        assertThat(r.exit()).isEqualTo(AdminCommand.ROWS_REJECTED);
        assertThat(r.out()).contains("line 3, column email: Email 'x@y' is not an email address");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aViewerMayExportButNotImport() {
        Answer a = send(request("/imports/stock", viewerToken).header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(STOCK)));
        assertThat(a.status()).isEqualTo(403);
        assertThat(send(request("/exports/stock", viewerToken).GET()).status()).isEqualTo(200);
        assertThat(send(request("/exports/customers", viewerToken).GET()).status()).isEqualTo(200);
    }

    // ---- what a spreadsheet writes is accepted

    @Test
    void semicolonsBomCrlfAndQuotedSeparatorsAreRead() {
        String csv = "\uFEFFcode;name;tax;price\r\nBI-SEMI;\"Tea; green, loose\";\"" + tax + "\";2,50\r\n";
        // 2,50 is not a price (a point is); the row is refused at its line: the file itself was read.
        refusedRow("/imports/catalog", csv, 2, "price", "'2,50' is not a price");
        Answer ok = post("/imports/catalog", "\uFEFFcode;name;tax;price\r\nBI-SEMI;\"Tea; green, loose\";\"" + tax + "\";2.50\r\n");
        assertThat(ok.status()).as(ok.raw()).isEqualTo(200);
        assertThat(ok.body().path("created").asInt()).isEqualTo(1);
        assertThat(one("select name from item where code = 'BI-SEMI'")).isEqualTo("Tea; green, loose");
    }

    @Test
    void aQuotedLineBreakKeepsLineNumbersPhysical() {
        // The record on lines 2-3 holds a line break (refused: a name is one line); the next record is line 4.
        Answer a = refusedRow("/imports/catalog", CAT + "BI-Q1,\"Two\nlines\",,,,\"" + tax + "\",1.00,,\nBI-Q2,=bad,,,,\"" + tax + "\",1.00,,\n",
                2, "name", "line break");
        assertThat(a.refused(1).path("line").asInt()).isEqualTo(4);
    }

    @Test
    void stockSetIsAStocktakeAddIsAReceiptAndTheSameFileTwiceChangesNothing() throws Exception {
        String file = STOCK + warehouse + ",BI-KG,12.5,set\n" + "Back Room,BI-UNIT,7,add\n";
        Answer dry = post("/imports/stock?dryRun=true", file);
        assertThat(dry.body().path("created").asInt() + dry.body().path("updated").asInt()).as(dry.raw()).isEqualTo(2);
        assertThat(dry.body().path("applied").asBoolean()).isFalse();
        long seqBefore = Long.parseLong(one("select coalesce(max(seq), 0)::text from change_state"));
        Answer ok = post("/imports/stock", file);
        assertThat(ok.status()).as(ok.raw()).isEqualTo(200);
        assertThat(ok.body().path("applied").asBoolean()).isTrue();
        assertThat(one("select qty_milli::text from stock where warehouse = '" + warehouse + "' and item_code = 'BI-KG'")).isEqualTo("12500");
        assertThat(one("select qty_milli::text from stock where warehouse = 'Back Room' and item_code = 'BI-UNIT'")).isEqualTo("7000");
        assertThat(one("select reason || ' ' || created_by || ' ' || expected_milli || ' ' || counted_milli || ' ' || qty_milli from stock_ledger where item_code = 'BI-KG' order by id desc limit 1"))
                .isEqualTo("stocktake manager@demo.shop 0 12500 12500");
        assertThat(one("select reason || ' ' || created_by || ' ' || qty_milli || ' ' || (expected_milli is null) from stock_ledger where item_code = 'BI-UNIT' order by id desc limit 1"))
                .isEqualTo("receipt manager@demo.shop 7000 true");
        assertThat(one("select data from change_state where entity = 'stock' and scope = 'Back Room' and key = 'BI-UNIT' and seq > " + seqBefore)).contains("\"qtyMilli\" : 7000");

        Map<String, Long> before = snapshot();
        Answer again = post("/imports/stock", "warehouse;code;qty;mode\r\n" + warehouse + ";BI-KG;12.500;set\r\nBack Room;BI-UNIT;7;add\r\n");
        assertThat(again.body().path("unchanged").asInt()).as(again.raw()).isEqualTo(2);
        assertThat(snapshot()).as("the same receipts again are not posted twice").isEqualTo(before);

        Answer recount = post("/imports/stock", STOCK + warehouse + ",BI-KG,10,set\n");
        assertThat(recount.body().path("updated").asInt()).isEqualTo(1);
        assertThat(one("select expected_milli || ' ' || counted_milli || ' ' || qty_milli from stock_ledger where item_code = 'BI-KG' order by id desc limit 1"))
                .isEqualTo("12500 10000 -2500");

        Path out = temp.resolve("stock.csv");
        assertThat(cli("stock", "export", out.toString()).exit()).isZero();
        before = snapshot();
        Run r = cli("stock", "import", out.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("0 created, 0 updated, ");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void customersUpsertOnNumberTakeTheSeriesForABlankNumberAndTheSameFileTwiceChangesNothing() throws Exception {
        String file = CUST + ",Nadia Amin,+966 55 123 4567,nadia@example.com,,\nBI-CUST-9,Omar Said,,,300123,Standard Selling\n";
        Answer ok = post("/imports/customers", file);
        assertThat(ok.status()).as(ok.raw()).isEqualTo(200);
        assertThat(ok.body().path("created").asInt()).isEqualTo(2);
        String nadia = one("select number from customer where name = 'Nadia Amin'");
        assertThat(nadia).startsWith("CUST-BO-");
        assertThat(one("select count(*)::text from audit_log where entity = 'customer' and key = '" + nadia + "' and actor = 'manager@demo.shop'")).isEqualTo("1");
        assertThat(one("select data from change_state where entity = 'customer' and key = 'BI-CUST-9'")).contains("300123");

        Map<String, Long> before = snapshot();
        Answer again = post("/imports/customers", file);
        assertThat(again.body().path("unchanged").asInt()).as(again.raw()).isEqualTo(2);
        assertThat(snapshot()).isEqualTo(before);

        Answer upd = post("/imports/customers", "number,email\nBI-CUST-9,omar@example.com\n".replace("number,email", "number,name,email").replace("BI-CUST-9,", "BI-CUST-9,Omar Said,"));
        assertThat(upd.body().path("updated").asInt()).as(upd.raw()).isEqualTo(1);
        assertThat(one("select tax_number || ' ' || email || ' ' || version from customer where number = 'BI-CUST-9'")).isEqualTo("300123 omar@example.com 2");

        Path out = temp.resolve("customers.csv");
        assertThat(cli("customers", "export", out.toString()).exit()).isZero();
        assertThat(Files.readString(out)).contains("\"'+966 55 123 4567\"");
        before = snapshot();
        Run r = cli("customers", "import", "--dry-run", out.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("would be 0 created, 0 updated, ");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aBlankNumberNeverTakesASeriesNumberTheFileGives() {
        long last = Long.parseLong(one("select coalesce(max(cast(substr(number, 9) as bigint)), 0)::text from customer where number ~ '^CUST-BO-[0-9]{1,15}$'"));
        String given = String.format("CUST-BO-%05d", last + 1);
        Answer a = post("/imports/customers", CUST + ",Blank Number Person,,,,\n" + given + ",Given Number Person,,,,\n");
        assertThat(a.status()).as(a.raw()).isEqualTo(200);
        assertThat(a.body().path("created").asInt()).isEqualTo(2);
        assertThat(one("select number from customer where name = 'Given Number Person'")).isEqualTo(given);
        assertThat(one("select number from customer where name = 'Blank Number Person'")).isEqualTo(String.format("CUST-BO-%05d", last + 2));
    }

    // ---- helpers

    /** Everything an import could write: row counts, version sums, stock totals and the feed's position. */
    private static Map<String, Long> snapshot() {
        return server.services().jdbi().withHandle(h -> {
            Map<String, Long> m = new java.util.TreeMap<>();
            for (String q : List.of("select count(*) from item", "select coalesce(sum(version), 0) from item", "select count(*) from item_barcode",
                    "select count(*) from item_price", "select coalesce(sum(price_minor), 0) from item_price", "select count(*) from stock",
                    "select coalesce(sum(qty_milli), 0) from stock", "select count(*) from stock_ledger", "select count(*) from customer",
                    "select coalesce(sum(version), 0) from customer", "select count(*) from audit_log", "select coalesce(max(seq), 0) from change_state")) {
                m.put(q, h.createQuery(q).mapTo(Long.class).one());
            }
            return m;
        });
    }

    /** A file refused as a whole: the status, the reason, nothing written. */
    private static void refusedWhole(String path, String csv, int status, String reason) {
        Map<String, Long> before = snapshot();
        Answer a = post(path, csv);
        assertThat(a.status()).as(a.raw()).isEqualTo(status);
        assertThat(a.body().path("message").asText()).as(a.raw()).contains(reason);
        assertThat(snapshot()).as("nothing written").isEqualTo(before);
    }

    /** The first refused row is at {@code line}, {@code column}, for {@code reason}; nothing written, dry run or not. */
    private static Answer refusedRow(String path, String csv, int line, String column, String reason) {
        Map<String, Long> before = snapshot();
        Answer a = post(path, csv);
        assertThat(a.status()).as(a.raw()).isEqualTo(422);
        assertThat(a.body().path("applied").asBoolean()).isFalse();
        // every refusal is {error, message}, the stock and customers imports' too (the fuzzing found them without)
        assertThat(a.body().path("error").asText()).as(a.raw()).isEqualTo("import_refused");
        assertThat(a.body().path("message").asText()).as(a.raw()).contains("refused").contains("line " + line);
        JsonNode r = a.refused(0);
        assertThat(r.path("line").asInt()).as(a.raw()).isEqualTo(line);
        if (column == null) {
            assertThat(r.path("column").isNull() || r.path("column").isMissingNode()).as("a whole-row refusal names no column: " + a.raw()).isTrue();
        } else {
            assertThat(r.path("column").asText()).as(a.raw()).isEqualTo(column);
        }
        assertThat(r.path("message").asText()).as(a.raw()).contains(reason);
        assertThat(snapshot()).as("nothing written").isEqualTo(before);
        return a;
    }

    private static Answer post(String path, String csv) {
        return post(path, csv.getBytes(StandardCharsets.UTF_8));
    }

    private static Answer post(String path, byte[] csv) {
        return send(request(path, token).header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofByteArray(csv)));
    }

    private static Answer get(String path) {
        return send(request(path, token).GET());
    }

    private static HttpRequest.Builder request(String path, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1" + path)).timeout(Duration.ofSeconds(120));
        return bearer == null ? b : b.header("Authorization", "Bearer " + bearer);
    }

    private static HttpRequest.BodyPublisher json(Object o) {
        try {
            return HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(o));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Answer send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode node = null;
            try {
                node = r.body().isEmpty() ? null : Json.mapper().readTree(r.body());
            } catch (Exception e) {
                node = null;
            }
            return new Answer(r.statusCode(), node == null ? Json.mapper().createObjectNode() : node, r.body());
        } catch (Exception e) {
            throw new IllegalStateException("request failed", e);
        }
    }

    private static String login(String email, String password) {
        Answer a = send(request("/auth/login", null).header("Content-Type", "application/json").POST(json(Map.of("email", email, "password", password))));
        return a.body().path("token").asText();
    }

    private static String one(String sql) {
        return server.services().jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
    }

    private static Run cli(String... args) {
        String db = server.jdbcUrl() + "?user=postgres";
        String[] full = new String[args.length + 3];
        full[0] = "admin";
        full[1] = "--db";
        full[2] = db;
        System.arraycopy(args, 0, full, 3, args.length);
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = ServerMain.commandLine().execute(full);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
