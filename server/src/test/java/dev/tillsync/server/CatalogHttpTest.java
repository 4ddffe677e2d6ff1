package dev.tillsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** POST /api/v1/imports/catalog and GET /api/v1/exports/catalog through HTTP: roles, counts, refusals, nothing written. */
class CatalogHttpTest {
    private final TillServer server = SharedServer.get();
    private final Http http = new Http(server.baseUrl());
    private static final String H = "code,name,category,unit,barcodes,tax,price,price_list,active\n";

    private Http as(String email, String pass) {
        return http.bearer(Fixtures.token(server, email, pass));
    }

    private String tax() {
        return server.services().jdbi().withHandle(h -> h.createQuery("select name from tax_category order by name limit 1").mapTo(String.class).one());
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void rolesAndRefusals() {
        byte[] csv = b(H + "HTTP-1,Http one,,,,\"" + tax() + "\",1.00,,\n");
        assertThat(http.postBytes("/imports/catalog", csv, "text/csv").status()).isEqualTo(401);
        assertThat(as("viewer@demo.shop", "viewer-pass").postBytes("/imports/catalog", csv, "text/csv").status()).isEqualTo(403);
        Http m = as("manager@demo.shop", "manager-pass");

        Http.Response dry = m.postBytes("/imports/catalog?dryRun=true", csv, "text/csv");
        assertThat(dry.status()).as(dry.raw()).isEqualTo(200);
        assertThat(dry.body().path("created").asInt()).isEqualTo(1);
        assertThat(dry.body().path("applied").asBoolean()).isFalse();

        Http.Response ok = m.postBytes("/imports/catalog", csv, "text/csv");
        assertThat(ok.body().path("created").asInt()).as(ok.raw()).isEqualTo(1);
        assertThat(m.postBytes("/imports/catalog", csv, "text/csv").body().path("unchanged").asInt()).isEqualTo(1);

        Http.Response bad = m.postBytes("/imports/catalog", b(H + "HTTP-2,Two,Nowhere,,,VAT 99,1.00,,\n"), "text/csv");
        assertThat(bad.status()).as(bad.raw()).isEqualTo(422);
        assertThat(bad.body().path("refused").get(0).path("line").asInt()).isEqualTo(2);
        assertThat(bad.body().path("refused").get(0).path("column").asText()).isEqualTo("category");

        Http.Response utf = m.postBytes("/imports/catalog", "code,name,price\nA,\u00e9,1\n".getBytes(StandardCharsets.ISO_8859_1), "text/csv");
        assertThat(utf.status()).isEqualTo(400);
        assertThat(utf.raw()).contains("Line 2 is not valid UTF-8");
        Http.Response unknown = m.postBytes("/imports/catalog", b("code,name,price,colour\n"), "text/csv");
        assertThat(unknown.raw()).contains("Column 'colour'");

        Http.Response export = as("viewer@demo.shop", "viewer-pass").get("/exports/catalog");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.raw()).startsWith("code,name,category").contains("HTTP-1,Http one,");
    }
}
