package dev.tillsync.reliability.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.core.invoice.InvoiceLine;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.sync.RowKind;
import dev.tillsync.core.sync.SyncRow;
import dev.tillsync.reliability.check.ServerLedger;
import dev.tillsync.reliability.support.Api;
import dev.tillsync.reliability.support.Devices;
import dev.tillsync.reliability.support.Rows;
import dev.tillsync.reliability.support.SharedEnv;
import dev.tillsync.server.TillServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every API action × every role, each action done for real on a target of its own: an allowed role's call
 * succeeds and its effect is in the database; a refused role gets 403 (no token: 401) and the database is
 * exactly as before. The permission table of the seed: Accounts User reads; Accounts Manager reads, writes,
 * creates and deletes; System Manager all of that plus users.
 */
class RoleMatrixTest {
    enum Who {
        NO_TOKEN(null, null, 0), ACCOUNTS_USER("viewer@demo.shop", "viewer-pass", 1),
        ACCOUNTS_MANAGER("manager@demo.shop", "manager-pass", 2), SYSTEM_MANAGER("admin@demo.shop", "admin-pass", 3);

        final String email, password;
        final int rank;

        Who(String email, String password, int rank) {
            this.email = email;
            this.password = password;
            this.rank = rank;
        }
    }

    /** Permission level an action needs: read (Accounts User), write/create/delete (Accounts Manager), users (System Manager). */
    enum Perm {
        READ(1), WRITE(2), CREATE(2), DELETE(2), USERS(3);
        final int rank;

        Perm(int rank) {
            this.rank = rank;
        }
    }

    /** A target prepared for one call; {@code state} reads what the action would change (null for reads). */
    record Target(String key, Object extra) {}

    record Action(String name, Perm perm, Function<TillServer, Target> prepare, BiFunction<Api, Target, Api.Response> call,
                  Function<Target, String> state) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static ServerLedger db() {
        return SharedEnv.ledger();
    }

    private static Target device(TillServer s) {
        return new Target(Devices.create(s, "ROLE"), null);
    }

    private static Target linkedDevice(TillServer s) {
        Devices.Linked d = Devices.linked(s, "ROLE");
        return new Target(d.posId(), d);
    }

    /** A linked device with one accepted sale flagged for review (sold below the server's price). */
    private static Target flaggedRow(TillServer s) {
        Devices.Linked d = Devices.linked(s, "ROLE");
        InvoiceLine cheap = InvoiceLine.of("ITEM-0001", "Pen", 1, 100, 1500);
        SyncRow row = Rows.row(1, RowKind.INVOICE, Rows.invoice(d.invoiceSeries() + "000001", d.profileKey(), List.of(cheap),
                List.of(new Payment("Cash", cheap.totalMinor(), null))));
        Api.Response r = d.api().post("/sync/push", Rows.batch(d, row));
        assertThat(r.body().get("results").get(0).get("review").asBoolean()).as(r.toString()).isTrue();
        return new Target(row.uuid(), d);
    }

    private static Target exportFile(TillServer s) {
        Devices.Linked d = Devices.linked(s, "ROLE");
        try {
            byte[] file = HostileInputTest.export(d.posId(), d.secret(), List.of(Rows.row(1, RowKind.INVOICE,
                    Rows.penInvoice(d.invoiceSeries() + "000001", d.profileKey(), 1))));
            return new Target(d.posId(), file);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String deviceRow(Target t) {
        return db().text("select coalesce(string_agg(pos_id || '|' || coalesce(description, '') || '|' || connection_status, ','), '<none>') from pos_offline where pos_id = ?", t.key());
    }

    private static final List<Action> ACTIONS = List.of(
            new Action("list devices", Perm.READ, s -> null, (a, t) -> a.get("/devices"), t -> null),
            new Action("read a device", Perm.READ, RoleMatrixTest::device, (a, t) -> a.get("/devices/" + t.key()), t -> null),
            new Action("read sync status", Perm.READ, RoleMatrixTest::device, (a, t) -> a.get("/devices/" + t.key() + "/sync-status"), t -> null),
            new Action("read reconciliation", Perm.READ, RoleMatrixTest::device, (a, t) -> a.get("/reports/reconciliation?posId=" + t.key()), t -> null),
            new Action("edit a device", Perm.WRITE, RoleMatrixTest::device,
                    (a, t) -> a.put("/devices/" + t.key(), Map.of("description", "edited by role test")), RoleMatrixTest::deviceRow),
            new Action("issue a link code", Perm.WRITE, RoleMatrixTest::device, (a, t) -> a.post("/devices/" + t.key() + "/link-code", null),
                    t -> String.valueOf(db().number("select count(*) from link_code c join pos_offline d on d.id = c.device_id where d.pos_id = ?", t.key()))),
            new Action("force-unlink a device", Perm.WRITE, RoleMatrixTest::linkedDevice,
                    (a, t) -> a.post("/devices/" + t.key() + "/unlink", Map.of("force", true)), RoleMatrixTest::deviceRow),
            new Action("mark a flag reviewed", Perm.WRITE, RoleMatrixTest::flaggedRow,
                    (a, t) -> a.post("/reports/flags/" + t.key() + "/reviewed", null),
                    t -> db().text("select coalesce(reviewed_by, '<none>') from pos_offline_sync_status where uuid = ?", t.key())),
            new Action("import an export file", Perm.CREATE, RoleMatrixTest::exportFile,
                    (a, t) -> a.send("POST", "/imports", (byte[]) t.extra(), "application/octet-stream"),
                    t -> String.valueOf(db().invoiceCounts(t.key()).size())),
            new Action("create a device", Perm.CREATE, s -> new Target("ROLE-NEW-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), null),
                    (a, t) -> a.post("/devices", Map.of("posId", t.key(), "posProfile", "Main Store")), RoleMatrixTest::deviceRow),
            new Action("delete a device", Perm.DELETE, RoleMatrixTest::device, (a, t) -> a.delete("/devices/" + t.key()), RoleMatrixTest::deviceRow),
            new Action("list users", Perm.USERS, s -> null, (a, t) -> a.get("/users"), t -> null),
            new Action("create a user", Perm.USERS, s -> new Target("role-" + UUID.randomUUID().toString().substring(0, 8) + "@matrix.test", null),
                    (a, t) -> a.post("/users", Map.of("email", t.key(), "role", "Accounts User", "password", "matrix-pass-1")),
                    t -> String.valueOf(db().number("select count(*) from app_user where email = ?", t.key()))));

    static Stream<Arguments> matrix() {
        List<Arguments> out = new ArrayList<>();
        for (Action a : ACTIONS) for (Who w : Who.values()) out.add(Arguments.of(a, w));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void roleMayOrMayNotAndARefusalChangesNothing(Action action, Who who) {
        TillServer s = SharedEnv.server();
        Api api = new Api(s.baseUrl());
        if (who.email != null) api = api.bearer(Devices.token(s, who.email, who.password));
        Target t = action.prepare().apply(s);
        String before = t == null ? null : action.state().apply(t);

        Api.Response r = action.call().apply(api, t);

        boolean allowed = who.rank >= action.perm().rank;
        String what = action.name() + " as " + who + " -> " + r;
        if (allowed) {
            assertThat(r.status()).as(what).isBetween(200, 299);
            if (before != null) assertThat(action.state().apply(t)).as(what + ": effect in the database").isNotEqualTo(before);
        } else {
            assertThat(r.status()).as(what).isEqualTo(who == Who.NO_TOKEN ? 401 : 403);
            assertThat(r.error()).as(what).isEqualTo(who == Who.NO_TOKEN ? "unauthenticated" : "forbidden");
            assertThat(r.message()).as(what).isNotBlank();
            if (before != null) assertThat(action.state().apply(t)).as(what + ": nothing changed").isEqualTo(before);
        }
        assertThat(new Api(s.baseUrl()).get("/health").status()).isEqualTo(200);
    }
}
