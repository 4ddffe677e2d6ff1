package dev.tillsync.terminal.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.core.tls.CertificateFingerprint;
import dev.tillsync.server.ServerOptions;
import dev.tillsync.server.TillServer;
import dev.tillsync.server.tls.SelfSignedCertificate;
import dev.tillsync.server.tls.TlsOptions;
import dev.tillsync.terminal.support.Cli;
import dev.tillsync.terminal.support.Cli.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS end to end through the real terminal CLI and a real server (embedded PostgreSQL) running TLS: a till links
 * with the certificate's fingerprint and syncs; a wrong fingerprint, or none for a self-signed certificate, is refused
 * before the code is sent; the server restarted with another certificate (given as PEM files) is refused with what to
 * do, no row is lost or marked synced, the till keeps selling, and after {@code terminal trust} everything arrives once.
 */
class TlsPinningCliTest {
    private static final AtomicInteger NEXT = new AtomicInteger(700);
    static Path serverDir;
    static TillServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        serverDir = Files.createTempDirectory("tillsync-tls-server");
        server = TillServer.start(new ServerOptions(serverDir, null, 0).withTls(TlsOptions.selfSignedCertificate()));
        server.admin().seedDemo();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    Run run(String... args) {
        return Cli.run(dir, Cli.with(List.of("--timeout", "5"), args));
    }

    static String fingerprint() {
        return server.certificateFingerprint().orElseThrow().value();
    }

    /** A new device with amira (can_configure_pos) as user; its link code. */
    static String[] newDevice() {
        String posId = String.format("POS-%04d", NEXT.incrementAndGet());
        server.admin().createDevice(posId, "Main Store", 50, posId + "-", "CUST-" + posId.substring(4) + "-", "tls");
        server.admin().addDeviceUser(posId, "amira@demo.shop", true, true, true);
        server.admin().addShiftUser(posId, "amira@demo.shop", "Morning");
        return new String[] {posId, server.admin().issueLinkCode(posId)};
    }

    String linkPinnedAndSelling() {
        String[] d = newDevice();
        Run link = run("link", "--server", server.baseUrl(), "--code", d[1], "--fingerprint", fingerprint());
        assertThat(link.exit()).as(link.err()).isZero();
        assertThat(link.out()).contains("Linked as " + d[0]).contains("Server certificate pinned: " + fingerprint());
        assertThat(link.err()).doesNotContain("plain_http");
        assertThat(run("login", "--user", "amira@demo.shop", "--pin", "1234").exit()).isZero();
        assertThat(run("shift", "open", "--float", "10.00").exit()).isZero();
        return d[0];
    }

    @Test
    void linksOverHttpsWithTheFingerprintAndSyncs() {
        assertThat(server.baseUrl()).startsWith("https://");
        String posId = linkPinnedAndSelling();
        Run sale = run("sell", "--item", "ITEM-0001", "--pay", "Cash:5");
        assertThat(sale.exit()).as(sale.err()).isZero();
        Run sync = run("sync");
        assertThat(sync.exit()).as(sync.out() + sync.err()).isZero();
        assertThat(serverInvoices(posId)).isEqualTo(1);
        Run status = run("status");
        assertThat(status.out()).contains("ONLINE").contains("certificate pinned: " + fingerprint());
    }

    @Test
    void aWrongFingerprintIsRefusedAndTheCodeStaysValid() {
        String[] d = newDevice();
        String wrong = "sha256:" + "ab".repeat(32);
        Run link = run("link", "--server", server.baseUrl(), "--code", d[1], "--fingerprint", wrong);
        assertThat(link.exit()).isNotZero();
        assertThat(link.err()).contains("fingerprint_mismatch").contains("presents " + fingerprint() + ", not the fingerprint given (" + wrong)
                .contains("still valid");
        // the code was never sent: it still links with the right fingerprint
        Run again = run("link", "--server", server.baseUrl(), "--code", d[1], "--fingerprint", fingerprint());
        assertThat(again.exit()).as(again.err()).isZero();
    }

    @Test
    void aSelfSignedServerWithoutFingerprintIsRefusedWithWhatToDo() {
        String[] d = newDevice();
        Run link = run("link", "--server", server.baseUrl(), "--code", d[1]);
        assertThat(link.exit()).isNotZero();
        assertThat(link.err()).contains("server_certificate_untrusted").contains("--fingerprint");
        assertThat(run("status", "--no-probe").out()).contains("(Not linked)");
    }

    @Test
    void aBadFingerprintOrOneForPlainHttpIsRefused() {
        String[] d = newDevice();
        Run bad = run("link", "--server", server.baseUrl(), "--code", d[1], "--fingerprint", "sha256:12");
        assertThat(bad.exit()).isNotZero();
        assertThat(bad.err()).contains("bad_fingerprint");
        Run plain = run("link", "--server", "http://127.0.0.1:" + server.port(), "--code", d[1], "--fingerprint", fingerprint());
        assertThat(plain.exit()).isNotZero();
        assertThat(plain.err()).contains("fingerprint_needs_https");
    }

    @Test
    void aServerRestartedWithAnotherCertificateIsRefusedAndNothingIsLost() throws Exception {
        String posId = linkPinnedAndSelling();
        String oldFp = fingerprint();
        assertThat(run("sell", "--item", "ITEM-0001", "--pay", "Cash:5").exit()).isZero();
        assertThat(run("sell", "--item", "ITEM-0001", "--pay", "Cash:5").exit()).isZero();
        assertThat(run("sync").exit()).isZero();
        long syncedBefore = run("status", "--no-probe", "--json").json().get("synced").asLong();
        assertThat(run("sell", "--item", "ITEM-0001", "--pay", "Cash:5").exit()).isZero();

        // The same server (same data, same port) comes back with another certificate, given as PEM files.
        SelfSignedCertificate.PemPair other = SelfSignedCertificate.ensure(Files.createTempDirectory("tillsync-other-cert"));
        int port = server.port();
        server.close();
        server = TillServer.start(new ServerOptions(serverDir, null, port).withTls(TlsOptions.pem(other.cert(), other.key())));
        String newFp = fingerprint();
        assertThat(newFp).isNotEqualTo(oldFp);

        Run refused = run("sync");
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.out() + refused.err()).contains("The server's certificate changed (now " + newFp + ", pinned " + oldFp + ")")
                .contains("terminal trust --fingerprint " + newFp);
        Run status = run("status", "--json");
        assertThat(status.json().get("online").asBoolean()).isFalse();
        assertThat(status.json().get("notSynced").asLong()).isEqualTo(1);
        assertThat(status.json().get("synced").asLong()).isEqualTo(syncedBefore);
        assertThat(status.json().get("lastError").asText()).contains("certificate changed");
        assertThat(serverInvoices(posId)).isEqualTo(2);

        // still selling, offline
        Run offline = run("sell", "--item", "ITEM-0001", "--pay", "Cash:5");
        assertThat(offline.exit()).as(offline.err()).isZero();

        // a fingerprint the server does not present is not pinned
        Run wrongTrust = run("trust", "--fingerprint", oldFp);
        assertThat(wrongTrust.exit()).isNotZero();
        assertThat(wrongTrust.err()).contains("fingerprint_not_presented");

        Run trust = run("trust", "--fingerprint", newFp);
        assertThat(trust.exit()).as(trust.err()).isZero();
        assertThat(trust.out()).contains("Server certificate pinned: " + newFp);
        Run drained = run("sync");
        assertThat(drained.exit()).as(drained.out() + drained.err()).isZero();
        assertThat(serverInvoices(posId)).isEqualTo(4);
        assertThat(run("status", "--json").json().get("notSynced").asLong()).isZero();
    }

    static long serverInvoices(String posId) {
        try (Connection c = server.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from sales_invoice i join pos_offline d on d.id = i.device_id where d.pos_id = ?")) {
            ps.setString(1, posId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theFingerprintReadsAsTypedOrAsKeytoolPrintsIt() {
        String fp = fingerprint();
        String hex = fp.substring("sha256:".length()).toUpperCase();
        StringBuilder colons = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 2) colons.append(i == 0 ? "" : ":").append(hex, i, i + 2);
        assertThat(CertificateFingerprint.parse(colons.toString())).contains(new CertificateFingerprint(fp));
        assertThat(CertificateFingerprint.parse("SHA256:" + hex)).contains(new CertificateFingerprint(fp));
        assertThat(CertificateFingerprint.parse("md5:00")).isEmpty();
    }
}
