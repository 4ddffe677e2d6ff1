package dev.tillsync.reliability.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.reliability.support.Api;
import dev.tillsync.reliability.support.Devices;
import dev.tillsync.reliability.support.SharedEnv;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
 * GET /sync/pull with a cursor the server really issued, then mutated: inside its base64 (version, sequence, profile
 * key: huge, negative, overflowing, not a number, another profile), in its encoding (padding, the other alphabet, cut,
 * stray characters) and in the query string (limit edge values, repeated and unknown parameters, feature headers).
 */
@AddLifecycleHook(Fuzz.Tries.class)
class FuzzPullTest {
    private static Devices.Linked till;
    private static String[] cursorParts;
    private static Fuzz.Tally tally;

    @BeforeContainer
    static void setUp() {
        till = Devices.linked(SharedEnv.server(), "FUZZ-PULL");
        Api.Response first = till.api().get("/sync/pull?limit=20");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        String cursor = first.body().get("nextCursor").asText();
        cursorParts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 3);
        assertThat(cursorParts).as("cursor layout changed: %s", String.join(":", cursorParts)).hasSize(3);
        tally = new Fuzz.Tally("pull");
    }

    @AfterContainer
    static void finish() {
        tally.finish();
    }

    enum Part { NONE, VERSION, SEQ, PROFILE, EXTRA_PART, FEWER_PARTS }

    enum Encoding { URL, URL_PADDED, STANDARD, PLAIN_TEXT, NO_CURSOR, EMPTY_CURSOR }

    /** The cursor after edits inside it, the encoding used, and raw edits of the encoded text. */
    record Cursor(Part part, String value, Encoding encoding, List<Edits.Bytes> raw) {}

    /** The rest of the query string and headers. */
    record Query(String limit, String extra, String features) {}

    static final List<String> SEQS = List.of("0", "-1", "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1e3", "0x10",
            "", " 5", "+5", "٣", "007", "1.0", "NaN", "99999999999999999999999999999999");

    @Provide
    Arbitrary<Cursor> cursors() {
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.of(SEQS), Edits.text(), Arbitraries.longs().map(String::valueOf));
        Arbitrary<List<Edits.Bytes>> raw = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.just(List.<Edits.Bytes>of())),
                net.jqwik.api.Tuple.of(1, Edits.bytes().list().ofMinSize(1).ofMaxSize(2)));
        return Combinators.combine(Arbitraries.of(Part.class), value, Arbitraries.of(Encoding.class), raw).as(Cursor::new);
    }

    @Provide
    Arbitrary<Query> queries() {
        Arbitrary<String> limit = Arbitraries.oneOf(Arbitraries.integers().between(1, 50).map(String::valueOf),
                Arbitraries.of(null, "0", "-1", "1", "5000", "5001", "2147483647", "2147483648", "-2147483649", "ten", "1e2", " 7 ", "", "+3", "٣"));
        Arbitrary<String> extra = Arbitraries.of("", "", "", "&limit=9999", "&cursor=", "&foo=bar", "&limit", "&&", "&cursor=" + "A".repeat(4_000));
        Arbitrary<String> features = Arbitraries.of(null, null, "high-water", "master-v2", "master-v2,sale-v2", "high-water,master-v2,sale-v2", "sale-v2", ",,,");
        return Combinators.combine(limit, extra, features).as(Query::new);
    }

    private static String encode(Cursor c) {
        String[] p = cursorParts.clone();
        String text = switch (c.part()) {
            case NONE -> String.join(":", p);
            case VERSION -> c.value() + ":" + p[1] + ":" + p[2];
            case SEQ -> p[0] + ":" + c.value() + ":" + p[2];
            case PROFILE -> p[0] + ":" + p[1] + ":" + c.value();
            case EXTRA_PART -> String.join(":", p) + ":" + c.value();
            case FEWER_PARTS -> p[0] + ":" + c.value();
        };
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String encoded = switch (c.encoding()) {
            case URL, NO_CURSOR, EMPTY_CURSOR -> Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            case URL_PADDED -> Base64.getUrlEncoder().encodeToString(bytes);
            case STANDARD -> Base64.getEncoder().encodeToString(bytes);
            case PLAIN_TEXT -> text;
        };
        return new String(Edits.apply(encoded.getBytes(StandardCharsets.UTF_8), c.raw()), StandardCharsets.UTF_8);
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Property(shrinking = ShrinkingMode.BOUNDED)
    @Fuzz.Share(0.2)
    void aMutatedCursorOrLimitIsAnsweredClearly(@ForAll("cursors") Cursor cursor, @ForAll("queries") Query query) {
        StringBuilder path = new StringBuilder("/sync/pull?");
        if (cursor.encoding() == Encoding.EMPTY_CURSOR) path.append("cursor=");
        else if (cursor.encoding() != Encoding.NO_CURSOR) path.append("cursor=").append(q(encode(cursor)));
        if (query.limit() != null) path.append("&limit=").append(q(query.limit()));
        path.append(query.extra());
        Api api = query.features() == null ? till.api() : till.api().with("X-Sync-Features", query.features());

        Api.Response r = tally.send("pull " + path, () -> api.get(path.toString()));

        if (r.status() == 200) {
            // an answered pull is a page a till can store: a cursor to go on from and a list of changes
            assertThat(r.body().path("nextCursor").asText()).as("%s -> %s", path, r).isNotBlank();
            assertThat(r.body().path("changes").isArray()).as("%s -> %s", path, r).isTrue();
        }
    }
}
