package dev.tillsync.reliability.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tillsync.core.invoice.InvoiceLine;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.sync.PushBatch;
import dev.tillsync.core.sync.RowKind;
import dev.tillsync.core.sync.SyncRow;
import dev.tillsync.reliability.support.Api;
import dev.tillsync.reliability.support.Devices;
import dev.tillsync.reliability.support.Rows;
import dev.tillsync.reliability.support.SharedEnv;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
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
 * POST /sync/push with batches a real till would send (invoices built by core InvoiceMath, gap-free sequence numbers,
 * the device's profile key), then structurally mutated. A refused batch writes nothing for the device; an answered one
 * stores no more invoices than it says it accepted; afterwards nothing is half-written and /health answered throughout.
 */
@AddLifecycleHook(Fuzz.Tries.class)
class FuzzPushTest {
    private static Devices.Linked till;
    private static final AtomicLong seq = new AtomicLong();
    private static Fuzz.Tally tally;

    @BeforeContainer
    static void setUp() {
        till = Devices.linked(SharedEnv.server(), "FUZZ-PUSH");
        tally = new Fuzz.Tally("push");
    }

    @AfterContainer
    static void finish() {
        tally.finish();
    }

    /** A valid batch's shape: per row, the quantities of its lines (ITEM-0001 at 1.50 +15%, as the demo sells it). */
    record Batch(List<List<Integer>> rows, int cashExtra, boolean customerRow) {}

    /** How the request travels: sync-feature header, clock offset header, content type. */
    record Wire(String features, String clockOffset, String contentType) {}

    @Provide
    Arbitrary<Batch> batches() {
        Arbitrary<List<Integer>> lines = Arbitraries.integers().between(1, 5).list().ofMinSize(1).ofMaxSize(3);
        return Combinators.combine(lines.list().ofMinSize(1).ofMaxSize(3), Arbitraries.integers().between(0, 200), Arbitraries.of(false, false, true))
                .as(Batch::new);
    }

    @Provide
    Arbitrary<Wire> wires() {
        return Combinators.combine(Arbitraries.of(null, "high-water", "high-water,master-v2,sale-v2", " , ,", "x".repeat(5_000)),
                Arbitraries.of(null, "0", "-1500", "12.5", "99999999999999999999", "-9223372036854775808", "abc"),
                Arbitraries.of("application/json", "application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded"))
                .as(Wire::new);
    }

    @Provide
    Arbitrary<List<Edits.Json>> edits() {
        return Edits.jsonEdits(4);
    }

    @Provide
    Arbitrary<List<Edits.Bytes>> damage() {
        return Edits.byteEdits();
    }

    private static JsonNode build(Batch b) {
        List<SyncRow> rows = new ArrayList<>();
        for (List<Integer> qtys : b.rows()) {
            long s = seq.incrementAndGet();
            List<InvoiceLine> lines = qtys.stream().map(q -> InvoiceLine.of("ITEM-0001", "Ballpoint Pen Blue", q, 150, 1500)).toList();
            long total = lines.stream().mapToLong(InvoiceLine::totalMinor).sum();
            var inv = Rows.invoice(till.invoiceSeries() + String.format("%06d", s), till.profileKey(), lines,
                    List.of(new Payment("Cash", total + b.cashExtra(), null)));
            rows.add(Rows.row(s, RowKind.INVOICE, inv));
        }
        if (b.customerRow()) {
            long s = seq.incrementAndGet();
            rows.add(Rows.customer(s, till.customerSeries() + String.format("%05d", s), "Fuzz Customer " + s));
        }
        return Api.JSON.valueToTree(new PushBatch(till.posId(), till.profileKey(), rows));
    }



    private static long casesOnThisTill;

    /**
     * A new till every 5,000 cases: the per-case checks count this device's rows, so on one device the long mode's cases
     * would get slower as it fills; a shop's till is relinked long before it holds a million rows.
     */
    private static void freshTillNowAndThen() {
        if (++casesOnThisTill <= 5_000) return;
        casesOnThisTill = 1;
        till = Devices.linked(SharedEnv.server(), "FUZZ-PUSH");
        seq.set(0);
    }

    @Property(shrinking = ShrinkingMode.BOUNDED)
    @Fuzz.Share(0.35)
    void aMutatedPushIsAnsweredNeverHalfApplied(@ForAll("batches") Batch batch, @ForAll("edits") List<Edits.Json> edits,
                                                @ForAll("damage") List<Edits.Bytes> damage, @ForAll("wires") Wire wire) {
        freshTillNowAndThen();
        byte[] body = Edits.apply(Edits.serialise(Edits.apply(build(batch), edits)), damage);
        long statusBefore = Fuzz.statusRows(till.posId()), invoicesBefore = Fuzz.invoices(till.posId());

        Api api = till.api();
        if (wire.features() != null) api = api.with("X-Sync-Features", wire.features());
        if (wire.clockOffset() != null) api = api.with("X-Clock-Offset-Ms", wire.clockOffset());
        Api sender = api;
        Api.Response r = tally.send("push " + edits + " " + damage + " " + wire, () -> sender.send("POST", "/sync/push", body, wire.contentType()));

        long statusAdded = Fuzz.statusRows(till.posId()) - statusBefore, invoicesAdded = Fuzz.invoices(till.posId()) - invoicesBefore;
        // the ledger's half-write rule, for this device and at once, so jqwik shrinks to the case that broke it
        assertThat(Fuzz.acceptedWithoutInvoice(till.posId())).as("accepted invoice rows without their invoice after %s", r).isZero();
        if (r.status() >= 300) {
            // a refused batch is refused whole: nothing of it recorded or applied
            assertThat(statusAdded).as("sync status rows after %s", r).isZero();
            assertThat(invoicesAdded).as("invoices after %s", r).isZero();
        } else {
            JsonNode results = r.body().path("results");
            assertThat(results.isArray()).as("push answer %s", r).isTrue();
            tally.rows(results);
            long accepted = 0;
            for (JsonNode x : results) if ("accepted".equals(x.path("outcome").asText())) accepted++;
            assertThat(invoicesAdded).as("invoices stored vs accepted in %s", r).isLessThanOrEqualTo(accepted);
            assertThat(statusAdded).as("sync status rows vs results in %s", r).isLessThanOrEqualTo(results.size());
        }
    }
}
