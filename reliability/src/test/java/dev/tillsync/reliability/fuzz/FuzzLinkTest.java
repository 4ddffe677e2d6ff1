package dev.tillsync.reliability.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tillsync.core.sync.LinkRequest;
import dev.tillsync.reliability.support.Api;
import dev.tillsync.reliability.support.Devices;
import dev.tillsync.reliability.support.SharedEnv;
import java.util.List;
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
 * POST /terminal/link with a request a till would send (a code the back office really issued, a label), then the
 * code mutated (cut, extended, case, dashes and spaces, look-alike characters) and the body mutated structurally. A
 * refused link claims no code and stores no signing key; an accepted one answers a device secret.
 */
@AddLifecycleHook(Fuzz.Tries.class)
class FuzzLinkTest {
    private static String posId;
    private static String code;
    private static Fuzz.Tally tally;

    @BeforeContainer
    static void setUp() {
        posId = Devices.create(SharedEnv.server(), "FUZZ-LINK");
        code = SharedEnv.server().admin().issueLinkCode(posId);
        tally = new Fuzz.Tally("link");
    }

    @AfterContainer
    static void finish() {
        tally.finish();
    }

    enum CodeEdit { NONE, LOWER, NO_DASHES, SPACES, CUT, EXTEND, LOOKALIKE, REPLACE, PREVIOUS }

    /** {@code fresh}: the back office issues a new code for this case first (as an operator re-issuing one). */
    record Request(boolean fresh, CodeEdit codeEdit, int at, String text) {}

    @Provide
    Arbitrary<Request> requests() {
        return Combinators.combine(Arbitraries.of(true, false, false, false), Arbitraries.of(CodeEdit.class),
                Arbitraries.integers().between(0, 99), Edits.text()).as(Request::new);
    }

    @Provide
    Arbitrary<List<Edits.Json>> edits() {
        return Edits.jsonEdits(3);
    }

    @Provide
    Arbitrary<List<Edits.Bytes>> damage() {
        return Edits.byteEdits();
    }

    private static String mutate(String c, Request r) {
        int at = c.isEmpty() ? 0 : r.at() % c.length();
        return switch (r.codeEdit()) {
            case NONE, PREVIOUS -> c;
            case LOWER -> c.toLowerCase();
            case NO_DASHES -> c.replace("-", "");
            case SPACES -> " " + c.replace("-", " ") + "\t";
            case CUT -> c.substring(0, at);
            case EXTEND -> c + r.text();
            // Cyrillic А and О, full-width digits: look the same on a screen, are not the code
            case LOOKALIKE -> c.replace('A', '\u0410').replace('O', '\u041E').replace('1', '\uFF11');
            case REPLACE -> r.text();
        };
    }

    private static final String USED_CODES = "select count(*) from link_code where used_at is not null";
    private static final String SIGNING_KEYS = "select count(*) from device_signing_key";

    @Property(shrinking = ShrinkingMode.BOUNDED)
    @Fuzz.Share(0.15)
    void aMutatedLinkRequestIsAnsweredAndNeverHalfLinks(@ForAll("requests") Request req, @ForAll("edits") List<Edits.Json> edits,
                                                       @ForAll("damage") List<Edits.Bytes> damage) {
        String previous = code;
        if (req.fresh()) code = SharedEnv.server().admin().issueLinkCode(posId);
        String sent = mutate(req.codeEdit() == CodeEdit.PREVIOUS ? previous : code, req);
        JsonNode body = Edits.apply(Api.JSON.valueToTree(new LinkRequest(sent, "fuzz till " + req.at())), edits);
        byte[] bytes = Edits.apply(Edits.serialise(body), damage);
        long used = Fuzz.db().number(USED_CODES), keys = Fuzz.db().number(SIGNING_KEYS);

        Api.Response r = tally.send("link " + req + " " + edits + " " + damage,
                () -> Fuzz.anon().send("POST", "/terminal/link", bytes, "application/json"));

        if (r.status() >= 300) {
            assertThat(Fuzz.db().number(USED_CODES)).as("codes claimed by the refused %s", r).isEqualTo(used);
            assertThat(Fuzz.db().number(SIGNING_KEYS)).as("signing keys stored by the refused %s", r).isEqualTo(keys);
        } else {
            // one code claimed, one key stored, and a secret the till can authenticate with
            assertThat(Fuzz.db().number(USED_CODES)).as("codes claimed by %s", r).isEqualTo(used + 1);
            assertThat(r.body().path("deviceSecret").asText()).as(r.toString()).isNotBlank();
        }
    }
}
