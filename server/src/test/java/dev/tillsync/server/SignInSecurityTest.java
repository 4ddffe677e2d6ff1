package dev.tillsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tillsync.core.auth.Secrets;
import dev.tillsync.server.auth.BackOfficeUsers;
import dev.tillsync.server.auth.LoginThrottle;
import dev.tillsync.server.http.SecurityHeaders;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Sign-in throttling (API and console), the console sign-in's CSRF token and the security headers, through the
 * real HTTP entry points of a server on its own database (its lock rows must not touch other tests). Each remote
 * address is a different loopback source address, so the per-address rule is tested as a real client sees it.
 */
class SignInSecurityTest {
    private static TillServer server;
    private static final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeAll
    static void start() throws Exception {
        server = TillServer.start(new ServerOptions(Files.createTempDirectory("tillsync-signin-test"), null, 0));
        for (String who : List.of("anna", "bert", "carl", "dora", "emil")) {
            server.services().users().create(new BackOfficeUsers.NewUser(who + "@shop.test", "Accounts User", who + "-secret-pw", null, who, "Test"));
        }
        logs.start();
        ((Logger) LoggerFactory.getLogger(LoginThrottle.class)).addAppender(logs);
    }

    @AfterAll
    static void stop() {
        ((Logger) LoggerFactory.getLogger(LoginThrottle.class)).detachAppender(logs);
        if (server != null) server.close();
    }

    private static HttpClient from(String address) throws Exception {
        return HttpClient.newBuilder().localAddress(InetAddress.getByName(address)).cookieHandler(new CookieManager()).build();
    }

    private static HttpResponse<String> apiLogin(HttpClient c, String email, String password) throws Exception {
        String body = "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
        return c.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/auth/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expireLocks(String scope, String key) {
        server.services().jdbi().useHandle(h -> h.createUpdate("update login_lock set locked_until = now() - interval '1 second' where scope = :s and key = :k")
                .bind("s", scope).bind("k", key).execute());
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOneAndEachLockLastsLonger() throws Exception {
        HttpClient c = from("127.0.0.11");
        for (int i = 1; i <= 5; i++) {
            assertThat(apiLogin(c, "anna@shop.test", "wrong-" + i).statusCode()).as("failure %d", i).isEqualTo(401);
        }
        HttpResponse<String> locked = apiLogin(c, "anna@shop.test", "anna-secret-pw");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.body()).contains("\"error\":\"too_many_attempts\"").contains("try again in");
        long retry = Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retry).isBetween(55L, 60L);
        // The same account from another address is locked too: the lock is the account's.
        assertThat(apiLogin(from("127.0.0.12"), "anna@shop.test", "anna-secret-pw").statusCode()).isEqualTo(429);

        expireLocks("account", "anna@shop.test"); // the minute has passed
        for (int i = 1; i <= 5; i++) apiLogin(c, "anna@shop.test", "wrong-again-" + i);
        long second = Long.parseLong(apiLogin(c, "anna@shop.test", "anna-secret-pw").headers().firstValue("Retry-After").orElseThrow());
        assertThat(second).as("the second lock lasts twice the first").isBetween(115L, 120L);

        expireLocks("account", "anna@shop.test");
        assertThat(apiLogin(c, "anna@shop.test", "anna-secret-pw").statusCode()).isEqualTo(200);

        List<String> lines = logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).anyMatch(l -> l.startsWith("login_failed account=anna@shop.test address=127.0.0.11 account_failures=3"));
        assertThat(lines).anyMatch(l -> l.startsWith("login_locked scope=account key=anna@shop.test failures=5 lockout=2 seconds=120"));
        assertThat(String.join("\n", lines)).doesNotContain("wrong-1").doesNotContain("anna-secret-pw");
    }

    @Test
    void twentyFailuresFromOneAddressLockThatAddressForEveryAccountButNotOthers() throws Exception {
        HttpClient attacker = from("127.0.0.21");
        for (int i = 0; i < 20; i++) {
            String account = "nobody" + i + "@shop.test"; // spread over accounts so no account reaches its own limit
            assertThat(apiLogin(attacker, account, "guess").statusCode()).isEqualTo(401);
        }
        HttpResponse<String> r = apiLogin(attacker, "bert@shop.test", "bert-secret-pw");
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
        assertThat(apiLogin(from("127.0.0.22"), "bert@shop.test", "bert-secret-pw").statusCode()).isEqualTo(200);
    }

    @Test
    void theConsoleSignInShowsTheSameLockOnItsPage() throws Exception {
        HttpClient c = from("127.0.0.31");
        for (int i = 0; i < 5; i++) {
            assertThat(consoleSignIn(c, "carl@shop.test", "nope-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> page = consoleSignIn(c, "carl@shop.test", "carl-secret-pw");
        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(page.headers().firstValue("Retry-After")).isPresent();
        assertThat(page.body()).contains("Too many failed sign-ins; try again in").contains("id=\"signin-form\"");
        assertThat(page.headers().allValues("Set-Cookie")).noneMatch(v -> v.startsWith("tillsync_console=") && !v.startsWith("tillsync_console=;"));
    }

    private static String csrfOf(String page) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"").matcher(page);
        assertThat(m.find()).as("the page carries a CSRF token").isTrue();
        return m.group(1);
    }

    private static HttpResponse<String> get(HttpClient c, String path) throws Exception {
        return c.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> postForm(HttpClient c, String path, String form) throws Exception {
        return c.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> consoleSignIn(HttpClient c, String email, String password) throws Exception {
        String csrf = csrfOf(get(c, "/console/login").body());
        return postForm(c, "/console/login", "csrf=" + csrf + "&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
    }

    @Test
    void aSignInPostWithoutOrWithAWrongCsrfTokenIsRefusedAndSignsNothingIn() throws Exception {
        HttpClient c = from("127.0.0.41");
        String good = csrfOf(get(c, "/console/login").body());
        for (String form : List.of("email=dora%40shop.test&password=dora-secret-pw",
                "csrf=" + "0".repeat(64) + "&email=dora%40shop.test&password=dora-secret-pw")) {
            HttpResponse<String> r = postForm(c, "/console/login", form);
            assertThat(r.statusCode()).as(form).isEqualTo(403);
            assertThat(r.body()).contains("This sign-in form has expired or did not come from this console; nothing was signed in.");
            assertThat(r.headers().allValues("Set-Cookie")).noneMatch(v -> v.startsWith("tillsync_console=") && !v.startsWith("tillsync_console=;"));
            assertThat(get(c, "/console/today").statusCode()).as("still signed out").isEqualTo(303);
        }
        // A token made for another browser's cookie is refused too: the token is bound to this browser's cookie.
        HttpClient other = from("127.0.0.42");
        get(other, "/console/login");
        assertThat(postForm(other, "/console/login", "csrf=" + good + "&email=dora%40shop.test&password=dora-secret-pw").statusCode()).isEqualTo(403);
        // With the right token it signs in, and the session cookie is HttpOnly, SameSite=Strict and (plain HTTP) not Secure.
        HttpResponse<String> ok = postForm(c, "/console/login", "csrf=" + good + "&email=dora%40shop.test&password=dora-secret-pw");
        assertThat(ok.statusCode()).isEqualTo(303);
        String cookie = ok.headers().allValues("Set-Cookie").stream().filter(v -> v.startsWith("tillsync_console=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict").doesNotContain("Secure");
        assertThat(get(c, "/console/today").statusCode()).isEqualTo(200);
    }

    @Test
    void everyConsolePageAndApiAnswerCarriesTheSecurityHeaders() throws Exception {
        HttpClient c = from("127.0.0.51");
        String token = new com.fasterxml.jackson.databind.ObjectMapper().readTree(apiLogin(c, "emil@shop.test", "emil-secret-pw").body()).get("token").asText();
        String csrf = Secrets.sha256("tillsync-console-csrf:" + token);
        assertThat(csrf).hasSize(64);
        for (String path : List.of("/console/login", "/api/v1/health", "/api/v1/devices", "/api/v1/no-such-thing", "/console/assets/console.css")) {
            HttpResponse<String> r = get(c, path);
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(path).contains(SecurityHeaders.CSP);
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).contains("no-referrer");
        }
        assertThat(SecurityHeaders.CSP).contains("frame-ancestors 'none'").contains("default-src 'self'").doesNotContain("unsafe-inline");
    }
}
