package dev.tillsync.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.core.tls.CertificateFingerprint;
import dev.tillsync.server.ServerOptions;
import dev.tillsync.server.TillServer;
import dev.tillsync.server.tls.TlsOptions;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console of a server running TLS, over HTTPS: the link-code page shows the certificate's fingerprint in words and
 * its QR carries it ({@code &fp=sha256:HEX}) for the till to pin; the command shown includes {@code --fingerprint}.
 */
class LinkCodeTlsTest {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @Test
    void theLinkCodePageShowsTheFingerprintAndItsQrCarriesIt(@TempDir Path dir) throws Exception {
        try (TillServer server = TillServer.start(new ServerOptions(dir, null, 0).withTls(TlsOptions.selfSignedCertificate()))) {
            server.admin().seedDemo();
            CertificateFingerprint fp = server.certificateFingerprint().orElseThrow();
            HttpClient http = pinned(fp);
            String base = server.baseUrl();

            String signin = http.send(get(base + "/console/login"), HttpResponse.BodyHandlers.ofString()).body();
            String form = "email=" + enc("manager@demo.shop") + "&password=" + enc("manager-pass") + csrfOf(signin).map(t -> "&csrf=" + enc(t)).orElse("");
            HttpResponse<String> in = http.send(post(base + "/console/login", form), HttpResponse.BodyHandlers.ofString());
            assertThat(in.statusCode()).as(in.body()).isIn(200, 303);

            String device = http.send(get(base + "/console/devices/POS-0001"), HttpResponse.BodyHandlers.ofString()).body();
            String csrf = csrfOf(device).orElseThrow(() -> new AssertionError("no csrf on the device page: " + device));
            HttpResponse<String> page = http.send(post(base + "/console/devices/POS-0001/link-code", "csrf=" + enc(csrf)),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            String html = page.body();
            assertThat(html).contains("id=\"link-fingerprint\">" + fp.grouped() + "<")
                    .contains("--fingerprint " + fp.value())
                    .contains("bin/pos terminal link --server " + base);
            Matcher qr = Pattern.compile("id=\"link-qr\"[^>]*src=\"([^\"]+)\"").matcher(html);
            assertThat(qr.find()).isTrue();
            String text = QrImages.decode(qr.group(1));
            assertThat(text).startsWith("tillsync://link?server=" + enc(base) + "&code=")
                    .endsWith("&fp=" + enc(fp.value()));
        }
    }

    private static java.util.Optional<String> csrfOf(String html) {
        Matcher m = CSRF.matcher(html);
        return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).build();
    }

    private static HttpRequest post(String url, String form) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    /** A browser that trusts exactly this certificate and keeps cookies (the session cookie is Secure under TLS). */
    private static HttpClient pinned(CertificateFingerprint fp) throws Exception {
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
        return HttpClient.newBuilder().sslContext(ctx).cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }
}
