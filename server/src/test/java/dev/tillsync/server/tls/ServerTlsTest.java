package dev.tillsync.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.core.tls.CertificateFingerprint;
import dev.tillsync.server.ServerMain;
import dev.tillsync.server.ServerOptions;
import dev.tillsync.server.TillServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code bin/pos server} with TLS options: every bad certificate input stops it with a clear message before it listens
 * or touches the database; a good one serves HTTPS only, and the self-signed certificate is made once and reused.
 */
class ServerTlsTest {
    @TempDir
    Path dir;

    record Exit(int code, String err) {}

    Exit server(String... args) {
        List<String> all = new ArrayList<>(List.of("--data", dir.resolve("data").toString(), "--port", "0"));
        all.addAll(List.of(args));
        StringWriter err = new StringWriter();
        CommandLine cl = ServerMain.commandLine();
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(all.toArray(String[]::new));
        // nothing started: no embedded PostgreSQL folder was made
        assertThat(dir.resolve("data").resolve("pg")).doesNotExist();
        return new Exit(code, err.toString());
    }

    @Test
    void aMissingCertificateFileIsRefused() {
        Exit e = server("--tls-cert", dir.resolve("nope.pem").toString(), "--tls-key", dir.resolve("key.pem").toString());
        assertThat(e.code()).isNotZero();
        assertThat(e.err()).contains("--tls-cert: no such file").contains("nope.pem");
    }

    @Test
    void aCertificateWithoutKeyOrBothWaysAtOnceIsRefused() {
        Exit half = server("--tls-cert", dir.resolve("cert.pem").toString());
        assertThat(half.code()).isNotZero();
        assertThat(half.err()).contains("needs both --tls-cert").contains("--tls-key");
        Exit both = server("--tls-self-signed", "--tls-key", dir.resolve("key.pem").toString());
        assertThat(both.code()).isNotZero();
        assertThat(both.err()).contains("--tls-self-signed makes its own certificate");
    }

    @Test
    void anUnreadablePemIsRefused() throws Exception {
        SelfSignedCertificate.PemPair good = SelfSignedCertificate.ensure(dir.resolve("a"));
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n");
        Exit badCert = server("--tls-cert", garbage.toString(), "--tls-key", good.key().toString());
        assertThat(badCert.code()).isNotZero();
        assertThat(badCert.err()).contains("Cannot read").contains("as a PEM certificate chain");

        Path noKey = Files.writeString(dir.resolve("nokey.pem"), "hello\n");
        Exit badKey = server("--tls-cert", good.cert().toString(), "--tls-key", noKey.toString());
        assertThat(badKey.code()).isNotZero();
        assertThat(badKey.err()).contains("no -----BEGIN PRIVATE KEY----- block").contains("openssl pkcs8");

        Path rsaKey = Files.writeString(dir.resolve("rsa.pem"), "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        Exit pkcs1 = server("--tls-cert", good.cert().toString(), "--tls-key", rsaKey.toString());
        assertThat(pkcs1.code()).isNotZero();
        assertThat(pkcs1.err()).contains("RSA PRIVATE KEY (not unencrypted PKCS#8)").contains("openssl pkcs8 -topk8 -nocrypt");
    }

    @Test
    void aKeyOfAnotherCertificateIsRefused() {
        SelfSignedCertificate.PemPair a = SelfSignedCertificate.ensure(dir.resolve("a"));
        SelfSignedCertificate.PemPair b = SelfSignedCertificate.ensure(dir.resolve("b"));
        Exit e = server("--tls-cert", a.cert().toString(), "--tls-key", b.key().toString());
        assertThat(e.code()).isNotZero();
        assertThat(e.err()).contains("does not belong to the certificate");
    }

    @Test
    void anExpiredCertificateIsRefused() throws Exception {
        SelfSignedCertificate.PemPair expired = expiredPair();
        Exit e = server("--tls-cert", expired.cert().toString(), "--tls-key", expired.key().toString());
        assertThat(e.code()).isNotZero();
        assertThat(e.err()).contains("expired on").contains("Renew it");
    }

    @Test
    void theSelfSignedCertificateIsMadeOnceOwnerOnlyAndServedOverHttpsOnly() throws Exception {
        Path data = dir.resolve("server");
        CertificateFingerprint first;
        try (TillServer s = TillServer.start(new ServerOptions(data, null, 0).withTls(TlsOptions.selfSignedCertificate()))) {
            first = s.certificateFingerprint().orElseThrow();
            assertThat(s.baseUrl()).startsWith("https://127.0.0.1:");
            HttpResponse<String> health = trustingOnly(first).send(HttpRequest.newBuilder(URI.create(s.baseUrl() + "/api/v1/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            // the port speaks TLS only: a plain request gets no HTTP answer
            HttpClient plain = HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(3)).build();
            boolean plainAnswered;
            try {
                plainAnswered = plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/api/v1/health"))
                        .timeout(java.time.Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            } catch (java.io.IOException refused) {
                plainAnswered = false;
            }
            assertThat(plainAnswered).isFalse();
        }
        Path key = data.resolve("tls").resolve(SelfSignedCertificate.KEY_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        try (TillServer again = TillServer.start(new ServerOptions(data, null, 0).withTls(TlsOptions.selfSignedCertificate()))) {
            assertThat(again.certificateFingerprint()).contains(first);
        }
    }

    /** An HTTP client that accepts exactly the certificate {@code fp} (what a pinned till does). */
    static HttpClient trustingOnly(CertificateFingerprint fp) throws Exception {
        X509TrustManager tm = new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] c, String a) { }

            public void checkServerTrusted(X509Certificate[] c, String a) throws java.security.cert.CertificateException {
                if (!CertificateFingerprint.of(c[0]).equals(fp)) throw new java.security.cert.CertificateException("not pinned");
            }

            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {tm}, null);
        // a plain X509TrustManager gets the JDK's host-name check added: the self-signed certificate names 127.0.0.1
        return HttpClient.newBuilder().sslContext(ctx).build();
    }

    /** A certificate that expired yesterday, made with keytool like the self-signed one, as PEM files. */
    SelfSignedCertificate.PemPair expiredPair() throws Exception {
        Path p12 = dir.resolve("expired.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "x", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=expired", "-startdate", "-10d", "-validity", "2", "-storetype", "PKCS12", "-keystore", p12.toString(),
                "-storepass", "changeit", "-keypass", "changeit", "-noprompt").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(p12)) {
            ks.load(in, "changeit".toCharArray());
        }
        java.util.Base64.Encoder b64 = java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        Path cert = Files.writeString(dir.resolve("expired-cert.pem"), "-----BEGIN CERTIFICATE-----\n"
                + b64.encodeToString(ks.getCertificate("x").getEncoded()) + "\n-----END CERTIFICATE-----\n");
        Path key = Files.writeString(dir.resolve("expired-key.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + b64.encodeToString(ks.getKey("x", "changeit".toCharArray()).getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        return new SelfSignedCertificate.PemPair(cert, key);
    }
}
