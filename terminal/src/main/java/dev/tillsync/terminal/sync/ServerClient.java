package dev.tillsync.terminal.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tillsync.core.sync.ApiError;
import dev.tillsync.core.sync.ClockOffset;
import dev.tillsync.core.sync.LinkRequest;
import dev.tillsync.core.sync.LinkResponse;
import dev.tillsync.core.sync.PullPage;
import dev.tillsync.core.sync.PushResult;
import dev.tillsync.core.sync.SyncHeaders;
import dev.tillsync.core.sync.SyncProtocol;
import dev.tillsync.core.sync.UnlinkComplete;
import dev.tillsync.core.tls.CertificateFingerprint;
import dev.tillsync.terminal.tls.PinnedTrustManager;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.security.GeneralSecurityException;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;

/**
 * The terminal's side of the HTTP protocol (JSON under /api/v1, device-authenticated except link and health). Every
 * answer's Date header measures the till's clock against the server's ({@link #measuredOffset()}); each push carries
 * the latest measurement in {@link SyncHeaders#CLOCK_OFFSET}, so the back office sees it on the device record.
 */
public final class ServerClient {
    private final URI api;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Duration probeTimeout;
    private final ObjectMapper json = dev.tillsync.core.json.Json.mapper();
    /** Pull pages only: a newer server may add fields to what it sends; this till reads the ones it knows. */
    private final ObjectMapper pullJson = PullApplier.lenient();
    private final String posId;
    private final String secret;
    private final Clock clock;
    private volatile ClockOffset measured;
    private volatile ClockOffset known;
    private final CertificateFingerprint pin;
    private volatile ServerException probeFailure;

    public ServerClient(String serverUrl, String posId, String secret, Duration requestTimeout, Duration probeTimeout) {
        this(serverUrl, posId, secret, requestTimeout, probeTimeout, Clock.systemUTC());
    }

    /** {@code clock} is the till's clock, the one its sales are stamped with: the offset is measured against it. */
    public ServerClient(String serverUrl, String posId, String secret, Duration requestTimeout, Duration probeTimeout, Clock clock) {
        this(serverUrl, posId, secret, requestTimeout, probeTimeout, clock, null);
    }

    /**
     * {@code pin}: the server certificate this till trusts alone (see {@link PinnedTrustManager}), or null for plain
     * http or https checked the usual way (the JDK's trusted CAs and the URL's host name).
     */
    public ServerClient(String serverUrl, String posId, String secret, Duration requestTimeout, Duration probeTimeout, Clock clock,
                        CertificateFingerprint pin) {
        this.clock = clock;
        this.api = apiBase(serverUrl);
        this.posId = posId;
        this.secret = secret;
        this.requestTimeout = requestTimeout;
        this.probeTimeout = probeTimeout;
        this.pin = pin;
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(probeTimeout).version(HttpClient.Version.HTTP_1_1);
        if (pin != null) b.sslContext(pinnedContext(pin));
        this.http = b.build();
    }

    private static SSLContext pinnedContext(CertificateFingerprint pin) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new PinnedTrustManager(pin)}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java cannot make a TLS context: " + e, e);
        }
    }

    /** The pinned certificate, or null. */
    public CertificateFingerprint pin() {
        return pin;
    }

    /** Why the latest health probe failed (its refusal as a sync call would have reported it), if it did. */
    public Optional<ServerException> probeFailure() {
        return Optional.ofNullable(probeFailure);
    }

    /** Normalises what a person typed ("http://host:8080", ".../", ".../api/v1") to the API base. */
    public static URI apiBase(String serverUrl) {
        if (serverUrl == null || serverUrl.isBlank()) {
            throw new ServerException("bad_server_url", "No server URL configured.", false, 0, null);
        }
        String s = serverUrl.trim();
        while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
        if (s.endsWith("/api/v1")) s = s.substring(0, s.length() - "/api/v1".length());
        URI u;
        try {
            u = URI.create(s + "/api/v1/");
        } catch (IllegalArgumentException e) {
            throw new ServerException("bad_server_url", "'" + serverUrl + "' is not a URL (expected e.g. http://192.168.1.10:8080).", false, 0, e);
        }
        if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
            throw new ServerException("bad_server_url", "'" + serverUrl + "' is not an http(s) URL (expected e.g. http://192.168.1.10:8080).", false, 0, null);
        }
        return u;
    }

    /** The clock offset shown by this client's latest answer from the server, if any answer had a Date header. */
    public Optional<ClockOffset> measuredOffset() {
        return Optional.ofNullable(measured);
    }

    /** The offset a push reports until this client has measured one itself (the one stored from an earlier answer). */
    public void knownOffset(Optional<ClockOffset> offset) {
        known = offset.orElse(null);
    }

    /** True when GET /health answers 200 within the probe timeout. Never throws. */
    public boolean health() {
        probeFailure = null;
        try {
            refuseUnencryptedWithPin();
            Instant sent = clock.instant();
            HttpResponse<String> r = http.send(versioned(HttpRequest.newBuilder(api.resolve("health"))).timeout(probeTimeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            measure(r, sent);
            ServerException mismatch = protocolMismatch(r);
            if (mismatch != null) {
                // the server is there but would refuse every sync: offline for selling, with what to update as the reason
                probeFailure = mismatch;
                return false;
            }
            if (r.statusCode() == 503 && r.body().contains("\"database\":\"down\"")) {
                // the server is there but cannot store anything: offline for selling, with the reason the status shows
                probeFailure = new ServerException("database_unavailable", "The server answers but cannot reach its database;"
                        + " sales stay on this till and are sent when it is back.", true, 503, null);
                return false;
            }
            return r.statusCode() == 200 && r.body().contains("ok");
        } catch (ServerException e) {
            probeFailure = e;
            return false;
        } catch (IOException e) {
            probeFailure = tlsRefusal(e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public LinkResponse link(LinkRequest req) {
        return call(post("terminal/link", body(req), false), LinkResponse.class, "link");
    }

    /** Sends a batch already in wire form (see {@link EncodedPush}). */
    public PushResult push(EncodedPush batch) {
        ClockOffset offset = measured != null ? measured : known;
        HttpRequest.Builder b = HttpRequest.newBuilder(api.resolve("sync/push")).timeout(requestTimeout)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(batch.json()));
        if (offset != null) b.header(SyncHeaders.CLOCK_OFFSET, Long.toString(offset.millis()));
        b.header(SyncHeaders.SYNCED_THROUGH, Long.toString(batch.syncedThrough()));
        return call(auth(b).build(), PushResult.class, "push");
    }

    /** A page after {@code cursor}; {@code syncedThrough}: the highest sequence this till holds as Synced (see SyncHeaders.RESEND). */
    public PullPage pull(String cursor, int limit, long syncedThrough) {
        String q = "sync/pull?cursor=" + URLEncoder.encode(cursor == null ? "" : cursor, StandardCharsets.UTF_8) + "&limit=" + limit;
        return call(auth(HttpRequest.newBuilder(api.resolve(q))).header(SyncHeaders.SYNCED_THROUGH, Long.toString(syncedThrough))
                .timeout(requestTimeout).GET().build(), PullPage.class, "pull", pullJson);
    }

    /** The sale {@code number} of this till's store with what every till has taken back (GET invoices/{number}/returnable). */
    public dev.tillsync.core.returns.ReturnableInvoice returnable(String number) {
        String path = "invoices/" + URLEncoder.encode(number, StandardCharsets.UTF_8).replace("+", "%20") + "/returnable";
        return call(auth(HttpRequest.newBuilder(api.resolve(path))).timeout(requestTimeout).GET().build(),
                dev.tillsync.core.returns.ReturnableInvoice.class, "sale lookup", pullJson);
    }

    public void unlinkComplete(UnlinkComplete req) {
        call(post("terminal/unlink-complete", body(req), true), JsonNode.class, "unlink-complete");
    }

    public JsonNode importFile(byte[] file) {
        HttpRequest r = auth(HttpRequest.newBuilder(api.resolve("imports"))).timeout(requestTimeout)
                .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofByteArray(file)).build();
        return call(r, JsonNode.class, "upload");
    }

    /**
     * What the server's protocol range (on its health answer) says of this till: null when it speaks this till's
     * version, or when it names no range (a release from before versioning: it serves this till's features anyway).
     */
    static ServerException protocolMismatch(HttpResponse<?> r) {
        int[] range = SyncProtocol.parseRange(r.headers().firstValue(SyncProtocol.RANGE_HEADER).orElse(null));
        if (range == null) return null;
        SyncProtocol.Mismatch m = SyncProtocol.check(SyncProtocol.CURRENT, range[0], range[1]);
        return m == null ? null : new ServerException(m.code(), m.message(), true, r.statusCode(), null);
    }

    /** Every call names this till's protocol version, so a server of another release can refuse it clearly. */
    private static HttpRequest.Builder versioned(HttpRequest.Builder b) {
        return b.header(SyncProtocol.HEADER, Integer.toString(SyncProtocol.CURRENT));
    }

    private HttpRequest post(String path, byte[] body, boolean authenticated) {
        HttpRequest.Builder b = versioned(HttpRequest.newBuilder(api.resolve(path))).timeout(requestTimeout)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        return (authenticated ? auth(b) : b).build();
    }

    private HttpRequest.Builder auth(HttpRequest.Builder b) {
        if (posId == null || secret == null) {
            throw new ServerException("not_linked", "This terminal is not linked (no device secret).", false, 0, null);
        }
        return versioned(b).header(SyncHeaders.POS_ID, posId).header(SyncHeaders.AUTHORIZATION, SyncHeaders.SCHEME + secret)
                .header(SyncHeaders.FEATURES, SyncHeaders.HIGH_WATER + "," + SyncHeaders.MASTER_V2 + "," + SyncHeaders.SALE_V2 + ","
                        + SyncHeaders.RESEND);
    }

    private byte[] body(Object o) {
        try {
            return json.writeValueAsBytes(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T call(HttpRequest req, Class<T> type, String what) {
        return call(req, type, what, json);
    }

    private <T> T call(HttpRequest req, Class<T> type, String what, ObjectMapper reader) {
        HttpResponse<byte[]> r;
        refuseUnencryptedWithPin();
        try {
            Instant sent = clock.instant();
            r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            measure(r, sent);
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw unreachable(e);
        } catch (HttpTimeoutException e) {
            throw new ServerException("server_timeout", "The server did not answer the " + what + " within " + requestTimeout.toSeconds()
                    + " s. Nothing is lost: unsent transactions stay queued and are sent again on the next sync.", true, 0, e);
        } catch (IOException e) {
            ServerException tls = tlsRefusal(e);
            if (tls != null) throw tls;
            if (isConnectFailure(e)) throw unreachable(e);
            // Connected and sent, then the connection broke before the answer came: the server may well have
            // committed. Say so, and what happens next, rather than "cannot reach" (health may answer a moment later).
            throw new ServerException("answer_lost", "The connection to the server at " + api + " broke before its answer to the " + what
                    + " arrived (" + describe(e) + "). The server may have recorded it: unsent transactions stay queued and are sent again on the"
                    + " next sync, and the server answers duplicate for any it already has, so nothing is counted twice.", true, 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerException("interrupted", "The " + what + " was interrupted.", true, 0, e);
        }
        int status = r.statusCode();
        if (status >= 200 && status < 300) {
            try {
                return reader.readValue(r.body(), type);
            } catch (IOException e) {
                throw new ServerException("server_garbage", "The server's answer to the " + what + " is not the tillsync protocol ("
                        + firstLine(e) + "). Nothing was marked as synced; check the server URL and version.", false, status, e);
            }
        }
        ApiError err = null;
        try {
            err = json.readValue(r.body(), ApiError.class);
        } catch (IOException ignored) {
            // not a JSON error body: report the status alone
        }
        String code = err != null && err.error() != null ? err.error() : (status >= 500 ? "server_error" : "http_" + status);
        String msg = err != null && err.message() != null ? err.message() : "HTTP " + status;
        String advice = status >= 500 ? " The server has a problem; unsent transactions stay queued and are retried." : "";
        throw new ServerException(code, "The server refused the " + what + ": " + msg + " (" + code + ")." + advice, false, status, null);
    }

    /**
     * A TLS handshake that failed, as what the person at the till must do; null when {@code e} is no TLS failure. These
     * count as the line being down (no answer from this till's server came): the till keeps selling offline and keeps
     * every row queued until the certificate question is settled.
     */
    private ServerException tlsRefusal(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PinnedTrustManager.CertificateChangedException c) {
                return new ServerException("server_certificate_changed", "The server's certificate changed (now " + c.seen() + ", pinned "
                        + c.pinned() + "): refused, nothing was sent. The till keeps selling offline. If the server's certificate was "
                        + "renewed, check the new fingerprint with the manager (the console's link-code page shows it) and run: terminal trust "
                        + "--fingerprint " + c.seen() + " (a user with can_configure_pos); otherwise someone may be posing as the server.",
                        true, 0, e);
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException ssl) {
                String advice = pin != null ? "" : " If the server uses its own (self-signed) certificate, link with --fingerprint "
                        + "sha256:... as the console's link-code page shows it.";
                return new ServerException("server_certificate_untrusted", "The secure connection to the server at " + api + " failed ("
                        + ssl.getMessage() + "); nothing was sent." + advice + " Check the URL is the server's https:// address.", true, 0, e);
            }
        }
        return null;
    }

    /** A till that pinned a certificate talks only TLS: a URL changed to http:// later would send the secret in the clear. */
    private void refuseUnencryptedWithPin() {
        if (pin != null && !"https".equals(api.getScheme())) {
            throw new ServerException("pinned_needs_https", "This till pinned the server certificate " + pin + " and talks to its server "
                    + "over https only, but the server URL is " + api + ". Set the https:// URL: terminal config set server-url https://...",
                    false, 0, null);
        }
    }

    private ServerException unreachable(IOException e) {
        return new ServerException("server_unreachable", "Cannot reach the server at " + api + " (" + describe(e)
                + "). Working offline: sales are kept and sync when the line is back.", true, 0, e);
    }

    /** No connection was made (refused, no route, unknown host): the HTTP client wraps these in a plain IOException too. */
    private static boolean isConnectFailure(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnresolvedAddressException || t instanceof java.net.UnknownHostException
                    || t instanceof java.net.NoRouteToHostException || t instanceof HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private void measure(HttpResponse<?> r, Instant sent) {
        ClockOffset.fromDateHeader(r.headers().firstValue("Date").orElse(null), sent, clock.instant()).ifPresent(o -> measured = o);
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
