package dev.tillsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.core.export.ExportFile;
import dev.tillsync.core.sync.Change;
import dev.tillsync.core.sync.ConnectionStatus;
import dev.tillsync.core.sync.PullPage;
import dev.tillsync.core.sync.PushBatch;
import dev.tillsync.core.sync.PushResult;
import dev.tillsync.core.sync.RowOutcome;
import dev.tillsync.core.sync.SyncRow;
import dev.tillsync.core.sync.UnlinkComplete;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class DeviceLifecycleTest {
    private final TillServer server = SharedServer.get();
    private final Http http = new Http(server.baseUrl());
    private final Http manager = http.bearer(Fixtures.token(server, "manager@demo.shop", "manager-pass"));
    private final Http viewer = http.bearer(Fixtures.token(server, "viewer@demo.shop", "viewer-pass"));

    @Test
    void deviceCrudWithChildTables() {
        Map<String, Object> spec = Map.of("posId", "POS-CRUD1", "posProfile", "Main Store", "syncRowsPerRequest", 200,
                "description", "Kiosk <script>alert(1)</script>",
                "users", List.of(Map.of("user", "amira@demo.shop", "canConfigurePos", true)),
                "shiftUsers", List.of(Map.of("user", "ben@demo.shop", "shiftType", "Evening")));
        Http.Response created = manager.post("/devices", spec);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.body().get("invoiceSeries").asText()).isEqualTo("POS-CRUD1-");
        assertThat(created.body().get("customerSeries").asText()).isEqualTo("CUST-CRUD1-");
        assertThat(created.body().get("connectionStatus").asText()).isEqualTo("Unlinked");
        assertThat(created.body().get("profilePlk").asText()).hasSize(16);
        assertThat(manager.post("/devices", spec).error()).isEqualTo("device_exists");
        assertThat(manager.post("/devices", Map.of("posId", "POS-CRUD2", "posProfile", "Main Store", "invoiceSeries", "POS-CRUD1-")).error())
                .isEqualTo("series_taken");
        assertThat(manager.post("/devices", Map.of("posId", "POS-CRUD3", "posProfile", "Main Store", "syncRowsPerRequest", 5001)).error())
                .isEqualTo("invalid_rows_per_request");
        assertThat(manager.post("/devices", Map.of("posId", "POS-CRUD4", "posProfile", "Nope")).status()).isEqualTo(422);

        Http.Response got = viewer.get("/devices/POS-CRUD1");
        assertThat(got.body().at("/users/0/user").asText()).isEqualTo("amira@demo.shop");
        assertThat(got.body().at("/users/0/firstName").asText()).isEqualTo("Amira");
        assertThat(got.body().at("/shiftUsers/0/shiftType").asText()).isEqualTo("Evening");
        assertThat(got.body().get("description").asText()).contains("<script>");

        com.fasterxml.jackson.databind.node.ObjectNode edited = ((com.fasterxml.jackson.databind.node.ObjectNode) got.body()).deepCopy();
        edited.put("syncRowsPerRequest", 25).put("description", "Kiosk");
        edited.putArray("shiftUsers");
        Http.Response put = manager.put("/devices/POS-CRUD1", edited);
        assertThat(put.status()).as(put.raw()).isEqualTo(200);
        assertThat(put.body().get("syncRowsPerRequest").asInt()).isEqualTo(25);
        assertThat(put.body().get("shiftUsers")).isEmpty();
        assertThat(put.body().get("users")).hasSize(1);

        assertThat(manager.delete("/devices/POS-CRUD1").status()).isEqualTo(204);
        assertThat(viewer.get("/devices/POS-CRUD1").status()).isEqualTo(404);
    }

    @Test
    void unlinkLifecycleThroughTheTerminalConfirmation() {
        Fixtures.Linked d = Fixtures.linkedDevice(server, 500);
        PushResult first = d.http().post("/sync/push", new PushBatch(d.posId(), d.profileKey(), List.of(Fixtures.penSale(d, 1, 1, 1)))).as(PushResult.class);
        assertThat(first.connectionStatus()).isEqualTo(ConnectionStatus.LINKED);

        Http.Response asked = manager.post("/devices/" + d.posId() + "/unlink", null);
        assertThat(asked.body().get("connectionStatus").asText()).isEqualTo("Unlink in progress");
        PushResult told = d.http().post("/sync/push", new PushBatch(d.posId(), d.profileKey(), List.of(Fixtures.penSale(d, 2, 2, 1)))).as(PushResult.class);
        assertThat(told.connectionStatus()).isEqualTo(ConnectionStatus.UNLINK_IN_PROGRESS);
        assertThat(told.results().get(0).outcome()).isEqualTo(RowOutcome.ACCEPTED);
        PullPage page = d.http().get("/sync/pull?limit=5000").as(PullPage.class);
        Change device = page.changes().stream().filter(c -> c.entity().equals("device")).findFirst().orElseThrow();
        assertThat(device.data().get("connectionStatus").asText()).isEqualTo("Unlink in progress");

        Http.Response early = d.http().post("/terminal/unlink-complete", new UnlinkComplete(d.posId(), 3));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.error()).isEqualTo("unsynced_rows");
        assertThat(d.http().post("/terminal/unlink-complete", new UnlinkComplete(d.posId(), 2)).status()).isEqualTo(200);
        assertThat(viewer.get("/devices/" + d.posId()).body().get("connectionStatus").asText()).isEqualTo("Unlinked");
        for (Http.Response r : List.of(d.http().get("/sync/pull"),
                d.http().post("/sync/push", new PushBatch(d.posId(), d.profileKey(), List.of())))) {
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.error()).isEqualTo("device_unlinked");
        }
    }

    @Test
    void forcedUnlinkRefusesTheSecretAtOnceButItsExportStillImports() throws Exception {
        Fixtures.Linked d = Fixtures.linkedDevice(server, 500);
        List<SyncRow> rows = List.of(Fixtures.customerRow(1, d.customerSeries() + "00001", "Zoë O'Brien", "+1 555 0100"),
                Fixtures.penSale(d, 2, 1, 2), Fixtures.penSale(d, 3, 2, 1));
        d.http().post("/sync/push", new PushBatch(d.posId(), d.profileKey(), rows.subList(0, 1)));
        assertThat(manager.post("/devices/" + d.posId() + "/unlink", Map.of("force", true)).body().get("connectionStatus").asText())
                .isEqualTo("Unlinked");
        assertThat(d.http().post("/sync/push", new PushBatch(d.posId(), d.profileKey(), rows)).error()).isEqualTo("device_unlinked");

        byte[] file = export(d, rows);
        Http.Response imported = manager.postBytes("/imports", file, "application/gzip");
        assertThat(imported.status()).as(imported.raw()).isEqualTo(200);
        assertThat(imported.body().get("posId").asText()).isEqualTo(d.posId());
        assertThat(imported.body().get("accepted").asInt()).isEqualTo(2);
        assertThat(imported.body().get("duplicates").asInt()).isEqualTo(1);
        assertThat(imported.body().get("rejected").asInt()).isZero();

        Http.Response again = manager.postBytes("/imports", file, "application/octet-stream");
        assertThat(again.body().get("duplicates").asInt()).isEqualTo(3);
        assertThat(again.body().get("accepted").asInt()).isZero();

        Http.Response tampered = manager.postBytes("/imports", tamper(file), "application/gzip");
        assertThat(tampered.status()).isEqualTo(400);
        assertThat(tampered.error()).isEqualTo("bad_signature");
        Http.Response garbage = manager.postBytes("/imports", "hello".getBytes(StandardCharsets.UTF_8), "application/gzip");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.error()).isEqualTo("export_malformed");

        var status = viewer.get("/devices/" + d.posId() + "/sync-status");
        assertThat(status.body().at("/summary/accepted").asInt()).isEqualTo(3);
        assertThat(status.body().get("rows")).hasSize(3);
        assertThat(status.body().at("/rows/1/via").asText()).isEqualTo("import");
    }

    @Test
    void deviceMayImportOnlyItsOwnFile() throws Exception {
        Fixtures.Linked a = Fixtures.linkedDevice(server, 500);
        Fixtures.Linked b = Fixtures.linkedDevice(server, 500);
        byte[] fileOfA = export(a, List.of(Fixtures.penSale(a, 1, 1, 1)));
        Http.Response foreign = b.http().postBytes("/imports", fileOfA, "application/gzip");
        assertThat(foreign.status()).isEqualTo(403);
        Http.Response own = a.http().postBytes("/imports", fileOfA, "application/gzip");
        assertThat(own.status()).as(own.raw()).isEqualTo(200);
        assertThat(own.body().get("accepted").asInt()).isEqualTo(1);
    }

    @Test
    void syncStatusListsEachTransactionAndFlagsCanBeMarkedReviewed() {
        Fixtures.Linked d = Fixtures.linkedDevice(server, 500);
        SyncRow flagged = Fixtures.penSale(d, 1, 1, 100_000);  // drives stock below zero
        SyncRow rejected = Fixtures.invoiceRow(2, "ELSEWHERE-000001", d.profileKey(),
                List.of(dev.tillsync.core.invoice.InvoiceLine.of("ITEM-0001", "Pen", 1, 150, 1500)),
                List.of(new dev.tillsync.core.invoice.Payment("Cash", 173, null)));
        d.http().post("/sync/push", new PushBatch(d.posId(), d.profileKey(), List.of(flagged, rejected)));
        var all = viewer.get("/devices/" + d.posId() + "/sync-status");
        assertThat(all.body().get("rows")).hasSize(2);
        assertThat(all.body().at("/rows/0/review").asBoolean()).isTrue();
        assertThat(all.body().at("/rows/0/reviewReasons/0").asText()).contains("stock of ITEM-0001");
        assertThat(all.body().at("/rows/0/number").asText()).isEqualTo(d.invoiceSeries() + "000001");
        assertThat(all.body().at("/summary/lastSync").asText()).isNotBlank();
        var onlyRejected = viewer.get("/devices/" + d.posId() + "/sync-status?outcome=rejected");
        assertThat(onlyRejected.body().get("rows")).hasSize(1);
        assertThat(onlyRejected.body().at("/rows/0/code").asText()).isEqualTo("number_outside_series");

        Http.Response reviewed = manager.post("/reports/flags/" + flagged.uuid() + "/reviewed", null);
        assertThat(reviewed.status()).as(reviewed.raw()).isEqualTo(200);
        assertThat(reviewed.body().get("reviewedBy").asText()).isEqualTo("manager@demo.shop");
        assertThat(viewer.post("/reports/flags/" + flagged.uuid() + "/reviewed", null).status()).isEqualTo(403);
    }

    static byte[] export(Fixtures.Linked d, List<SyncRow> rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportFile.write(out, d.posId(), rows, ExportFile.signingKey(d.secret()), Instant.now());
        return out.toByteArray();
    }

    /** Changes an amount inside the file and re-compresses it, keeping the old signature. */
    static byte[] tamper(byte[] file) throws Exception {
        String text = new String(new GZIPInputStream(new ByteArrayInputStream(file)).readAllBytes(), StandardCharsets.UTF_8);
        String edited = text.replaceFirst("\"amountMinor\":(\\d+)", "\"amountMinor\":1");
        assertThat(edited).isNotEqualTo(text);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(edited.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
