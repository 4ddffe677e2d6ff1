package dev.tillsync.reliability.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.reliability.support.Api;
import dev.tillsync.reliability.support.Devices;
import dev.tillsync.reliability.support.SharedEnv;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * POST /imports/catalog|stock|customers?dryRun=true with a few rows of the server's own CSV export (a file the back
 * office would accept), then mutated: columns dropped, repeated, reordered or renamed, rows dropped or repeated, cells
 * replaced (hostile, huge, quotes and line breaks inside), and the file's form changed (separator, quoting, line ends,
 * byte order mark, encoding), then bytes damaged. A dry run writes nothing, so no master data, stock, pull feed or
 * audit entry may change over the whole property.
 */
@AddLifecycleHook(Fuzz.Tries.class)
class FuzzCsvImportTest {
    private static final List<String> KINDS = List.of("catalog", "stock", "customers");
    private static final List<String> FINGERPRINT = List.of(
            "select count(*) || '/' || coalesce(sum(version), 0) || '/' || count(*) filter (where active) from item",
            "select count(*) || '/' || coalesce(sum(price_minor), 0) from item_price", "select count(*) from item_barcode",
            "select count(*) || '/' || coalesce(sum(version), 0) from customer", "select count(*) || '/' || coalesce(sum(qty_milli), 0) from stock",
            "select count(*) from stock_ledger", "select count(*) || '/' || coalesce(sum(version), 0) from category",
            "select count(*) from audit_log", "select count(*) || '/' || coalesce(max(seq), 0) from change_state");
    private static final Map<String, List<List<String>>> seeds = new LinkedHashMap<>();
    private static Api manager;
    private static Map<String, String> before;
    private static Fuzz.Tally tally;

    @BeforeContainer
    static void setUp() {
        manager = Fuzz.anon().bearer(Devices.token(SharedEnv.server(), "manager@demo.shop", "manager-pass"));
        for (String k : KINDS) {
            Api.Response r = manager.get("/exports/" + k);
            assertThat(r.status()).as(k + " export " + r).isEqualTo(200);
            List<List<String>> table = parse(r.raw());
            assertThat(table.size()).as(k + " export has a header and rows").isGreaterThan(1);
            seeds.put(k, table);
        }
        before = fingerprint();
        tally = new Fuzz.Tally("csv import");
    }

    @AfterContainer
    static void finish() {
        tally.finish();
        assertThat(fingerprint()).as("a dry run writes nothing").isEqualTo(before);
    }

    private static Map<String, String> fingerprint() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String q : FINGERPRINT) m.put(q, Fuzz.db().text(q));
        return m;
    }

    /** RFC 4180 as the exports write it: comma, double quotes doubled inside quoted cells, LF or CRLF. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') { cell.append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.append(c);
            } else if (c == '"') quoted = true;
            else if (c == ',') { row.add(cell.toString()); cell.setLength(0); }
            else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') i++;
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else cell.append(c);
        }
        if (!cell.isEmpty() || !row.isEmpty()) { row.add(cell.toString()); rows.add(row); }
        return rows;
    }

    enum TableOp { DROP_COLUMN, DUPLICATE_COLUMN, SWAP_COLUMNS, RENAME_COLUMN, DROP_CELL, EXTRA_CELL, DUPLICATE_ROW, CELL, HUGE_CELL, EMPTY_CELL }

    record TableEdit(TableOp op, int row, int column, String text) {}

    enum Quoting { MINIMAL, ALL, NONE, UNBALANCED }

    /** The file's form; {@code encoding} UTF-16 and Latin-1 are what spreadsheets write when not told "CSV UTF-8". */
    record Form(char separator, Quoting quoting, String lineEnd, boolean bom, String encoding, boolean trailingNewline) {}

    record Plan(int kind, List<Integer> rows, List<TableEdit> edits, Form form) {}

    @Provide
    Arbitrary<Plan> plans() {
        Arbitrary<TableEdit> edit = Combinators.combine(Arbitraries.of(TableOp.class), Arbitraries.integers().between(0, 99),
                Arbitraries.integers().between(0, 99), Arbitraries.oneOf(Edits.text(), Arbitraries.of("=1+1", "@SUM(A1)", "-1.00", "1e9",
                        "99999999999999999999.99", "0.001", "a,b", "say \"hi\"", "line\nbreak", "TRUE", "yes", "set", "add", "", "Standard Selling")))
                .as(TableEdit::new);
        Arbitrary<Form> form = Combinators.combine(Arbitraries.of(',', ',', ',', ';', '\t', '|'), Arbitraries.of(Quoting.class),
                Arbitraries.of("\n", "\r\n", "\r"), Arbitraries.of(false, false, true), Arbitraries.of("UTF-8", "UTF-8", "UTF-8", "UTF-16LE", "ISO-8859-1"),
                Arbitraries.of(true, false)).as(Form::new);
        return Combinators.combine(Arbitraries.integers().between(0, KINDS.size() - 1), Arbitraries.integers().between(0, 9_999).list().ofMinSize(0).ofMaxSize(4),
                edit.list().ofMinSize(0).ofMaxSize(3), form).as(Plan::new);
    }

    @Provide
    Arbitrary<List<Edits.Bytes>> damage() {
        return Edits.byteEdits();
    }

    private static List<List<String>> table(Plan p) {
        List<List<String>> seed = seeds.get(KINDS.get(p.kind()));
        List<List<String>> t = new ArrayList<>();
        t.add(new ArrayList<>(seed.get(0)));
        for (int i : p.rows()) t.add(new ArrayList<>(seed.get(1 + i % (seed.size() - 1))));
        for (TableEdit e : p.edits()) {
            int width = t.get(0).size();
            int c = width == 0 ? 0 : e.column() % width;
            List<String> row = t.get(e.row() % t.size());
            switch (e.op()) {
                case DROP_COLUMN -> t.forEach(r -> { if (c < r.size()) r.remove(c); });
                case DUPLICATE_COLUMN -> t.forEach(r -> { if (c < r.size()) r.add(c, r.get(c)); });
                case SWAP_COLUMNS -> t.forEach(r -> { if (r.size() > 1 && c < r.size()) java.util.Collections.swap(r, c, r.size() - 1); });
                case RENAME_COLUMN -> { if (c < t.get(0).size()) t.get(0).set(c, e.text()); }
                case DROP_CELL -> { if (c < row.size()) row.remove(c); }
                case EXTRA_CELL -> row.add(e.text());
                case DUPLICATE_ROW -> t.add(new ArrayList<>(row));
                case CELL -> { if (c < row.size()) row.set(c, e.text()); }
                case HUGE_CELL -> { if (c < row.size()) row.set(c, (e.text().isEmpty() ? "9" : e.text()).repeat(1 + 200_000 / Math.max(1, e.text().length()) * e.row() / 99)); }
                case EMPTY_CELL -> { if (c < row.size()) row.set(c, ""); }
            }
        }
        return t;
    }

    private static String cell(String v, Form f) {
        boolean needs = v.indexOf(f.separator()) >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
        return switch (f.quoting()) {
            case MINIMAL -> needs ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
            case ALL -> "\"" + v.replace("\"", "\"\"") + "\"";
            case NONE -> v;
            case UNBALANCED -> "\"" + v;
        };
    }

    private static byte[] render(List<List<String>> t, Form f) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < t.size(); i++) {
            List<String> row = t.get(i);
            for (int j = 0; j < row.size(); j++) {
                if (j > 0) sb.append(f.separator());
                // one unbalanced quote is enough to break the file; the rest stay minimal
                sb.append(cell(row.get(j), f.quoting() == Quoting.UNBALANCED && (i > 0 || j > 0) ? new Form(f.separator(), Quoting.MINIMAL,
                        f.lineEnd(), f.bom(), f.encoding(), f.trailingNewline()) : f));
            }
            if (i < t.size() - 1 || f.trailingNewline()) sb.append(f.lineEnd());
        }
        Charset cs = Charset.forName(f.encoding());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (f.bom()) out.writeBytes(f.encoding().equals("UTF-16LE") ? new byte[] {(byte) 0xFF, (byte) 0xFE} : new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes(sb.toString().getBytes(cs));
        return out.toByteArray();
    }

    @Property(shrinking = ShrinkingMode.BOUNDED)
    @Fuzz.Share(0.15)
    void aMutatedCsvImportIsAnsweredAndADryRunWritesNothing(@ForAll("plans") Plan plan, @ForAll("damage") List<Edits.Bytes> damage) {
        byte[] body = Edits.apply(render(table(plan), plan.form()), damage);
        String kind = KINDS.get(plan.kind());

        Api.Response r = tally.send("csv " + kind + " " + plan + " " + damage,
                () -> manager.send("POST", "/imports/" + kind + "?dryRun=true", body, "text/csv"));

        if (r.status() == 200) assertThat(r.body() != null && r.body().isObject()).as("%s -> %s", kind, r).isTrue();
        else if (r.status() == 422) assertThat(r.body().path("refused").isArray() || r.body().has("error")).as("%s -> %s", kind, r).isTrue();
    }
}
