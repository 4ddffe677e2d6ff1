package dev.tillsync.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tillsync.core.export.ExportFile;
import dev.tillsync.core.invoice.InvoiceLine;
import dev.tillsync.core.invoice.InvoiceMath;
import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.json.Json;
import dev.tillsync.core.money.Money;
import dev.tillsync.core.payload.ShiftClosePayload;
import dev.tillsync.core.payload.ShiftOpenPayload;
import dev.tillsync.core.sync.LinkRequest;
import dev.tillsync.core.sync.LinkResponse;
import dev.tillsync.core.sync.PushBatch;
import dev.tillsync.core.sync.PushResult;
import dev.tillsync.core.sync.RowKind;
import dev.tillsync.core.sync.RowOutcome;
import dev.tillsync.core.sync.SyncHeaders;
import dev.tillsync.core.sync.SyncRow;
import dev.tillsync.server.ServerOptions;
import dev.tillsync.server.TillServer;
import dev.tillsync.server.device.DeviceView;
import java.io.File;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real headless Chromium against one real server (embedded PostgreSQL), as a manager
 * would use it over a day: the steps build on each other, so they run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
    private static final String POS = "POS-WEB1";
    private static final String INJECTION = "<script>window.__pwned=1</script>'; drop table pos_offline; --";
    private static final ObjectMapper JSON = Json.mapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String SHIFT = UUID.randomUUID().toString();
    private static final long FLOAT = 5000;
    /** Every sale of the day as {qty, unit price}: pushed 2×1.50 and 1×1.20, then exported 1, 3 and 1 × 1.50. */
    private static final long[][] SOLD = {{2, 150}, {1, 120}, {1, 150}, {3, 150}, {1, 150}};
    private static final Path SCREENS = Path.of("..", "docs", "screens");

    @TempDir
    static Path temp;
    private static TillServer server;
    private static WebDriver d;
    private static WebDriverWait wait;
    private static String base;
    private static LinkResponse link;

    @BeforeAll
    static void start() throws Exception {
        server = TillServer.start(new ServerOptions(temp.resolve("server"), null, 0));
        server.admin().seedDemo();
        base = server.baseUrl();
        ChromeOptions o = new ChromeOptions();
        o.setBinary("/usr/bin/chromium");
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1366,900");
        ChromeDriverService svc = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        d = new ChromeDriver(svc, o);
        wait = new WebDriverWait(d, Duration.ofSeconds(15));
        Files.createDirectories(SCREENS);
    }

    @AfterAll
    static void stop() {
        try {
            if (d != null) d.quit();
        } finally {
            if (server != null) server.close();
        }
    }

    @Test
    @Order(1)
    void signsInAndListsDevicesHighlightingSilentOnes() throws Exception {
        d.get(base + "/console/devices");
        assertThat(d.getCurrentUrl()).endsWith("/console/login");
        type("email", "manager@demo.shop");
        type("password", "wrong-password");
        go(d.findElement(By.id("sign-in")));
        assertThat(d.findElement(By.cssSelector(".notice.error")).getText()).contains("Wrong email or password");
        shot("signin");

        // POS-0001 last heard from five days ago: silent under the default two days, not under ten.
        server.services().jdbi().useHandle(h -> h.execute("update pos_offline set last_sync = now() - interval '5 days' where pos_id = 'POS-0001'"));
        signIn("manager@demo.shop", "manager-pass");
        // A manager lands on Today, the shop's day; the tills are one click away.
        assertThat(d.getCurrentUrl()).endsWith("/console/today");
        go(d.findElement(By.id("tills-tab")));
        assertThat(d.getCurrentUrl()).endsWith("/console/devices");
        WebElement row = deviceRow("POS-0001");
        assertThat(row.getAttribute("class")).contains("silent");
        assertThat(row.findElement(By.cssSelector(".days")).getText()).startsWith("5");
        assertThat(row.getText()).contains("Main Store", "Unlinked");
        assertThat(d.findElement(By.cssSelector("header .who")).getText()).contains("manager@demo.shop", "Accounts Manager");
        d.get(base + "/console/devices?silentDays=10");
        assertThat(deviceRow("POS-0001").getAttribute("class")).doesNotContain("silent");

        org.openqa.selenium.Cookie cookie = d.manage().getCookieNamed(ConsoleAuth.COOKIE);
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        assertThat(cookie.getPath()).isEqualTo("/console");
    }

    @Test
    @Order(2)
    void createsDeviceWithUsersAndShiftUsersAndShowsInjectionAsText() throws Exception {
        d.get(base + "/console/devices");
        go(d.findElement(By.id("new-device")));
        type("posId", POS);
        type("syncRowsPerRequest", "50");
        type("description", INJECTION);
        addUser("amira@demo.shop", "<b>Amira</b>", "Haddad", true, true, false);
        addUser("ben@demo.shop", "Ben", "Carter", false, false, true);
        addUser("viewer@demo.shop", "To", "Remove", false, false, false);
        List<WebElement> rows = d.findElements(By.cssSelector("#users-table tbody tr"));
        rows.get(2).findElement(By.cssSelector("[data-remove-row]")).click();
        d.findElement(By.id("add-shift-user")).click();
        WebElement shift = last("#shifts-table tbody tr");
        shift.findElement(By.cssSelector("input.user")).sendKeys("amira@demo.shop");
        new Select(shift.findElement(By.cssSelector("select.type"))).selectByVisibleText("Morning");
        go(d.findElement(By.id("save-device")));

        assertThat(d.findElement(By.cssSelector(".notice.ok")).getText()).isEqualTo("Saved.");
        assertThat(d.findElement(By.id("description")).getAttribute("value")).isEqualTo(INJECTION);
        assertThat(((JavascriptExecutor) d).executeScript("return window.__pwned === undefined")).isEqualTo(true);
        assertThat(d.findElements(By.cssSelector("#users-table tbody tr"))).hasSize(2);
        assertThat(d.findElement(By.id("connectionStatus")).getAttribute("value")).isEqualTo("Unlinked");
        assertThat(d.findElement(By.id("profilePlk")).getAttribute("value")).isNotBlank();

        DeviceView v = server.services().devices().get(POS);
        assertThat(v.syncRowsPerRequest()).isEqualTo(50);
        assertThat(v.invoiceSeries()).isEqualTo(POS + "-");
        assertThat(v.description()).isEqualTo(INJECTION);
        assertThat(v.users()).extracting(DeviceView.DeviceUserView::user).containsExactly("amira@demo.shop", "ben@demo.shop");
        DeviceView.DeviceUserView amira = v.users().get(0);
        assertThat(amira.firstName()).isEqualTo("<b>Amira</b>");
        assertThat(List.of(amira.canConfigurePos(), amira.canExportLog(), amira.canReprint())).containsExactly(true, true, false);
        assertThat(v.shiftUsers()).containsExactly(new DeviceView.ShiftUserView("amira@demo.shop", "Morning"));
        shot("device-form");

        // The list renders the script as text too.
        d.get(base + "/console/devices");
        assertThat(deviceRow(POS).getText()).contains("<script>window.__pwned=1</script>");
        assertThat(((JavascriptExecutor) d).executeScript("return window.__pwned === undefined")).isEqualTo(true);
        // The HTML itself, before a browser parses it: the templates wrote the values as escaped text.
        assertThat(get("/console/devices").body()).contains("&lt;script&gt;window.__pwned=1&lt;/script&gt;")
                .doesNotContain("<script>window.__pwned");
        assertThat(get("/console/devices/" + POS).body()).contains("class=\"fn\" value=\"&lt;b>Amira&lt;/b>\"",
                ">&lt;script&gt;window.__pwned=1&lt;/script&gt;'; drop table pos_offline; --</textarea>")
                .doesNotContain("<b>Amira", "<script>window.__pwned");

        // A bad value is refused with the form kept as typed.
        d.get(base + "/console/devices/" + POS);
        type("customerSeries", "CUST-0001-");
        go(d.findElement(By.id("save-device")));
        assertThat(d.findElement(By.cssSelector(".notice.error")).getText()).contains("already used by another device");
        assertThat(d.findElement(By.id("customerSeries")).getAttribute("value")).isEqualTo("CUST-0001-");
        assertThat(server.services().devices().get(POS).customerSeries()).isEqualTo("CUST-WEB1-");
    }

    @Test
    @Order(3)
    void issuesLinkCodeWithQrAndTerminalRedeemsIt() throws Exception {
        d.get(base + "/console/devices/" + POS);
        go(d.findElement(By.id("issue-link-code")));
        String code = d.findElement(By.id("link-code")).getText();
        assertThat(code).matches("[A-Z2-9]{5}-[A-Z2-9]{5}");
        String src = d.findElement(By.id("link-qr")).getAttribute("src");
        assertThat(src).startsWith("data:image/png;base64,");
        String decoded = QrImages.decode(src);
        assertThat(decoded).startsWith("tillsync://link?server=").endsWith("&code=" + code);
        shot("link-code");

        HttpResponse<String> r = post("/api/v1/terminal/link", JSON.writeValueAsString(new LinkRequest(code, "web test till")), List.of());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        link = JSON.readValue(r.body(), LinkResponse.class);
        d.get(base + "/console/devices");
        assertThat(deviceRow(POS).findElement(By.cssSelector(".badge.ok")).getText()).isEqualTo("Linked");
    }

    @Test
    @Order(4)
    void pushedSalesShowInSyncStatusWithFiltersAndCsv() throws Exception {
        List<SyncRow> rows = List.of(
                row(1, RowKind.SHIFT_OPEN, "09:00", new ShiftOpenPayload(SHIFT, "amira@demo.shop", "Morning", FLOAT, at("09:00"))),
                sale(2, 1, "09:15", 2, 150, false),
                invoice(3, 2, "10:40", List.of(InvoiceLine.of("NO-SUCH-ITEM", "Ghost", 1, 100, 0)), false),
                sale(4, 3, "14:10", 1, 120, true)); // 1.20 against the catalogue's 1.50: flagged for review
        HttpResponse<String> r = post("/api/v1/sync/push", JSON.writeValueAsString(new PushBatch(POS, link.config().profileKey(), rows)),
                List.of(SyncHeaders.POS_ID, POS, SyncHeaders.AUTHORIZATION, SyncHeaders.SCHEME + link.deviceSecret()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(JSON.readValue(r.body(), PushResult.class).results()).extracting(x -> x.outcome())
                .containsExactly(RowOutcome.ACCEPTED, RowOutcome.ACCEPTED, RowOutcome.REJECTED, RowOutcome.ACCEPTED);

        go(d.findElement(By.linkText("Sync status")));
        new Select(d.findElement(By.id("f-pos"))).selectByVisibleText(POS);
        go(d.findElement(By.id("apply-filters")));
        List<WebElement> trs = d.findElements(By.cssSelector("#sync-rows tbody tr"));
        assertThat(trs).hasSize(4);
        assertThat(trs.get(0).getText()).contains("shift_open", "Accepted");
        assertThat(trs.get(1).getText()).contains(POS + "-000001", "invoice", "Accepted");
        assertThat(trs.get(2).findElement(By.cssSelector(".outcome")).getText()).isEqualTo("Rejected");
        assertThat(trs.get(2).findElement(By.cssSelector(".reason")).getText()).contains("unknown_item", "NO-SUCH-ITEM");
        assertThat(trs.get(3).findElement(By.cssSelector(".review")).getText()).contains("To review", "sold at 1.20");
        shot("sync-status");

        new Select(d.findElement(By.id("f-outcome"))).selectByVisibleText("rejected");
        go(d.findElement(By.id("apply-filters")));
        assertThat(d.findElements(By.cssSelector("#sync-rows tbody tr"))).hasSize(1);
        new Select(d.findElement(By.id("f-outcome"))).selectByVisibleText("All");
        new Select(d.findElement(By.id("f-review"))).selectByVisibleText("flagged");
        go(d.findElement(By.id("apply-filters")));
        assertThat(d.findElements(By.cssSelector("#sync-rows tbody tr"))).singleElement()
                .satisfies(tr -> assertThat(tr.getText()).contains(POS + "-000003"));

        String csvUrl = d.findElement(By.id("csv")).getAttribute("href");
        HttpResponse<String> csv = get(csvUrl.substring(base.length()));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("seq,uuid,kind,number,outcome");
        assertThat(lines[1]).contains(POS + "-000003", "accepted");
        assertThat(get("/console/sync.csv?posId=" + POS).body().split("\r\n")).hasSize(5);
    }

    @Test
    @Order(5)
    void uploadsExportFileWithProgressThenReuploadIsAllDuplicate() throws Exception {
        // The shift closes 0.50 short: expected = float + all cash taken (13.45), counted = that − 0.50.
        long cash = 0;
        for (long[] qr : SOLD) cash += InvoiceLine.of("ITEM-0001", "Pen", qr[0], qr[1], 1500).totalMinor();
        List<SyncRow> rows = List.of(sale(5, 4, "15:05", 1, 150, true), sale(6, 5, "15:35", 3, 150, true), sale(7, 6, "16:20", 1, 150, true),
                row(8, RowKind.SHIFT_CLOSE, "16:45", new ShiftClosePayload(SHIFT, "amira@demo.shop", at("16:45"), FLOAT + cash,
                        FLOAT + cash - 50, java.util.Map.of("Cash", cash), 5)));
        Path file = temp.resolve("tillsync-export-" + POS + ".gz");
        try (OutputStream out = Files.newOutputStream(file)) {
            ExportFile.write(out, POS, rows, ExportFile.signingKey(link.deviceSecret()), Instant.now());
        }
        go(d.findElement(By.linkText("Upload")));
        d.findElement(By.id("upload-file")).sendKeys(file.toAbsolutePath().toString());
        d.findElement(By.id("upload-button")).click();
        WebElement summary = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-summary")));
        assertThat(summary.getAttribute("data-accepted")).isEqualTo("4");
        assertThat(d.findElement(By.id("upload-progress")).getAttribute("value")).isEqualTo("100");
        assertThat(d.findElements(By.cssSelector("#import-rows td.outcome"))).extracting(WebElement::getText)
                .containsExactly("Accepted", "Accepted", "Accepted", "Accepted");
        assertThat(d.findElement(By.id("import-rows")).getText()).contains(POS + "-000005");
        shot("upload");

        d.findElement(By.id("upload-file")).sendKeys(file.toAbsolutePath().toString());
        d.findElement(By.id("upload-button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#import-summary[data-duplicates='4']")));
        assertThat(d.findElements(By.cssSelector("#import-rows td.outcome"))).extracting(WebElement::getText)
                .containsOnly("Duplicate first accepted").hasSize(4);
        shot("upload-duplicate");

        // A file that is not an export file: a clear refusal, nothing imported.
        Path junk = temp.resolve("junk.gz");
        Files.writeString(junk, "not an export");
        d.findElement(By.id("upload-file")).sendKeys(junk.toAbsolutePath().toString());
        d.findElement(By.id("upload-button")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#upload-result .notice.error"))).getText())
                .contains("refused", "Nothing was imported");
    }

    @Test
    @Order(6)
    void reconciliationShowsTotalsChartAndRecordsReview() throws Exception {
        d.get(base + "/console/reconciliation?posId=" + POS);
        assertThat(d.findElement(By.id("r-day")).getAttribute("value")).isEqualTo("2024-05-31");
        String stats = d.findElement(By.cssSelector(".stats")).getText();
        // sales: 2×1.50, 1×1.20, 1.50, 3×1.50, 1.50, all +15% tax
        long expected = 0;
        for (long[] qr : SOLD) expected += InvoiceLine.of("ITEM-0001", "Pen", qr[0], qr[1], 1500).totalMinor();
        assertThat(stats).contains("Sales\n5", "Grand total\n" + Money.format(expected));
        assertThat(d.findElements(By.cssSelector("#sales-chart rect.bar"))).hasSize(4); // hours 09, 14, 15, 16
        assertThat(d.findElements(By.cssSelector("#sales-chart rect.offline"))).hasSize(3); // 14, 15, 16 were offline
        assertThat(d.findElement(By.id("stock-impact")).getText()).contains("ITEM-0001 -8");
        WebElement shiftRow = d.findElement(By.cssSelector("#shifts tbody tr"));
        assertThat(shiftRow.getText()).contains("amira@demo.shop", "Morning", "Cash " + Money.format(expected),
                Money.format(FLOAT + expected), Money.format(FLOAT + expected - 50), "-0.50");
        assertThat(d.findElement(By.id("flags")).getText()).contains("Cash difference");
        WebElement flag = flagRow(POS + "-000003");
        assertThat(flag.getText()).contains("Price difference");
        shot("reconciliation");

        go(flag.findElement(By.cssSelector(".mark-reviewed")));
        assertThat(d.findElement(By.cssSelector(".notice.ok")).getText()).isEqualTo("Marked as reviewed.");
        assertThat(flagRow(POS + "-000003").findElement(By.cssSelector(".review")).getText()).contains("Reviewed", "by manager@demo.shop");
        String who = server.services().jdbi().withHandle(h -> h.createQuery(
                "select reviewed_by || '|' || (reviewed_at is not null) from pos_offline_sync_status where number = :n")
                .bind("n", POS + "-000003").mapTo(String.class).one());
        assertThat(who).isEqualTo("manager@demo.shop|true");
        d.get(base + "/console/devices");
        assertThat(deviceRow(POS).findElement(By.cssSelector(".failed")).getText()).isEqualTo("1");
        assertThat(deviceRow(POS).getAttribute("class")).doesNotContain("silent");
        shot("devices");
    }

    @Test
    @Order(7)
    void unlinksThenForceUnlinksAfterConfirmation() throws Exception {
        d.get(base + "/console/devices/" + POS);
        go(d.findElement(By.id("unlink")));
        assertThat(d.findElement(By.cssSelector(".titlebar .badge")).getText()).isEqualTo("Unlink in progress");
        assertThat(d.findElement(By.cssSelector(".titlebar .badge")).getAttribute("class")).contains("warn");
        go(d.findElement(By.id("force-unlink")));
        assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Force unlink " + POS + "?");
        shot("force-unlink");
        assertThat(server.services().devices().get(POS).connectionStatus().label()).isEqualTo("Unlink in progress");
        go(d.findElement(By.id("confirm-force-unlink")));
        assertThat(d.findElement(By.cssSelector(".titlebar .badge")).getText()).isEqualTo("Unlinked");
        HttpResponse<String> r = post("/api/v1/sync/push", JSON.writeValueAsString(new PushBatch(POS, link.config().profileKey(), List.of())),
                List.of(SyncHeaders.POS_ID, POS, SyncHeaders.AUTHORIZATION, SyncHeaders.SCHEME + link.deviceSecret()));
        assertThat(r.statusCode()).isIn(401, 403);
    }

    @Test
    @Order(8)
    void accountsUserSeesNoEditControlsAndForgedPostsAreRefused() throws Exception {
        signIn("viewer@demo.shop", "viewer-pass");
        d.get(base + "/console/devices");
        assertThat(d.findElements(By.id("new-device"))).isEmpty();
        d.get(base + "/console/devices/POS-0001");
        assertThat(d.findElements(By.id("save-device"))).isEmpty();
        assertThat(d.findElements(By.id("issue-link-code"))).isEmpty();
        assertThat(d.findElements(By.id("force-unlink"))).isEmpty();
        assertThat(d.findElements(By.cssSelector("[data-add-row]"))).isEmpty();
        assertThat(d.findElement(By.id("description")).isEnabled()).isFalse();
        assertThat(d.findElement(By.cssSelector(".notice.info")).getText()).contains("Read only");
        shot("read-only");
        d.get(base + "/console/reconciliation?posId=" + POS + "&day=all");
        assertThat(d.findElements(By.cssSelector(".mark-reviewed"))).isEmpty();
        d.get(base + "/console/upload");
        assertThat(d.findElements(By.id("upload-form"))).isEmpty();
        assertThat(d.findElements(By.linkText("Users"))).isEmpty();

        // The browser hides the controls; the server refuses anyway, with a valid session and CSRF token.
        d.get(base + "/console/devices/POS-0001");
        String csrf = d.findElement(By.cssSelector("input[name=csrf]")).getAttribute("value");
        String description = server.services().devices().get("POS-0001").description();
        HttpResponse<String> edit = postForm("/console/devices/POS-0001", "csrf=" + csrf + "&description=hacked&posProfile=Main+Store");
        assertThat(edit.statusCode()).isEqualTo(403);
        assertThat(edit.body()).contains("needs the Accounts Manager role");
        assertThat(postForm("/console/devices/POS-0001/link-code", "csrf=" + csrf).statusCode()).isEqualTo(403);
        assertThat(postForm("/console/devices/POS-0001/unlink", "csrf=" + csrf + "&force=1&confirm=yes").statusCode()).isEqualTo(403);
        assertThat(get("/console/users").statusCode()).isEqualTo(403);
        assertThat(server.services().devices().get("POS-0001").description()).isEqualTo(description);
        // Without the CSRF token even a permitted form is refused.
        assertThat(postForm("/console/logout", "").statusCode()).isEqualTo(403);
    }

    @Test
    @Order(9)
    void systemManagerCreatesUserAndSignOutEndsTheSession() throws Exception {
        signIn("admin@demo.shop", "admin-pass");
        go(d.findElement(By.linkText("Users")));
        d.findElement(By.name("email")).sendKeys("clerk@demo.shop");
        new Select(d.findElement(By.name("role"))).selectByVisibleText("Accounts User");
        d.findElement(By.name("password")).sendKeys("clerk-pass-1");
        d.findElement(By.name("firstName")).sendKeys("Chris");
        go(d.findElement(By.cssSelector("form.stack button")));
        assertThat(d.findElement(By.cssSelector(".notice.ok")).getText()).isEqualTo("User created.");
        assertThat(d.findElement(By.id("users")).getText()).contains("clerk@demo.shop Accounts User Chris");
        shot("users");
        String cookie = d.manage().getCookieNamed(ConsoleAuth.COOKIE).getValue();
        go(d.findElement(By.id("sign-out")));
        assertThat(d.getCurrentUrl()).endsWith("/console/login");
        HttpResponse<String> after = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/console/devices"))
                .header("Cookie", ConsoleAuth.COOKIE + "=" + cookie).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(after.statusCode()).isEqualTo(303);
        assertThat(after.headers().firstValue("Location")).hasValue("/console/login");
    }

    // ---- helpers ----

    private static WebElement flagRow(String number) {
        return d.findElement(By.xpath("//table[@id='flags']/tbody/tr[td[normalize-space(.)='" + number + "']]"));
    }

    private static Instant at(String hhmm) {
        return Instant.parse("2024-05-31T" + hhmm + ":00Z");
    }

    private static SyncRow row(long seq, RowKind kind, String hhmm, Object payload) {
        return new SyncRow(UUID.randomUUID().toString(), seq, kind, at(hhmm), JSON.valueToTree(payload));
    }

    private static SyncRow sale(long seq, long counter, String hhmm, long qty, long rate, boolean offline) {
        return invoice(seq, counter, hhmm, List.of(InvoiceLine.of("ITEM-0001", "Ballpoint Pen Blue", qty, rate, 1500)), offline);
    }

    private static SyncRow invoice(long seq, long counter, String hhmm, List<InvoiceLine> lines, boolean offline) {
        long grand = InvoiceMath.grandTotal(lines);
        Instant at = Instant.parse("2024-05-31T" + hhmm + ":00Z");
        InvoicePayload p = new InvoicePayload(POS + "-" + String.format("%06d", counter), at, null, "amira@demo.shop", SHIFT, offline,
                null, link.config().profileKey(), lines, List.of(new Payment("Cash", grand, null)), 0,
                InvoiceMath.netTotal(lines), InvoiceMath.taxTotal(lines), grand);
        return new SyncRow(UUID.randomUUID().toString(), seq, RowKind.INVOICE, at, JSON.valueToTree(p));
    }

    private static void signIn(String email, String password) {
        d.get(base + "/console/login");
        if (!d.getCurrentUrl().endsWith("/console/login")) {
            go(d.findElement(By.id("sign-out")));
        }
        type("email", email);
        type("password", password);
        go(d.findElement(By.id("sign-in")));
        wait.until(ExpectedConditions.urlContains("/console/today"));
    }

    private static void addUser(String email, String first, String lastName, boolean cfg, boolean exp, boolean rep) {
        d.findElement(By.id("add-user")).click();
        WebElement row = last("#users-table tbody tr");
        row.findElement(By.cssSelector("input.user")).sendKeys(email);
        row.findElement(By.cssSelector("input.fn")).sendKeys(first);
        row.findElement(By.cssSelector("input.ln")).sendKeys(lastName);
        if (cfg) row.findElement(By.cssSelector("input.cfg")).click();
        if (exp) row.findElement(By.cssSelector("input.exp")).click();
        if (rep) row.findElement(By.cssSelector("input.rep")).click();
    }

    /** Clicks something that loads a new page and waits until the old one is gone. */
    private static void go(WebElement e) {
        e.click();
        wait.until(drv -> {
            try {
                e.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                return true;
            } catch (org.openqa.selenium.WebDriverException midNavigation) {
                // Chromium may answer "node does not belong to the document" while the old page is torn down.
                return midNavigation.getMessage() != null && midNavigation.getMessage().contains("does not belong to the document");
            }
        });
    }

    private static WebElement last(String css) {
        List<WebElement> all = d.findElements(By.cssSelector(css));
        return all.get(all.size() - 1);
    }

    private static WebElement deviceRow(String posId) {
        return d.findElement(By.cssSelector("#devices tr[data-pos-id='" + posId + "']"));
    }

    private static void type(String id, String text) {
        WebElement e = d.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    private static String cookieHeader() {
        return ConsoleAuth.COOKIE + "=" + d.manage().getCookieNamed(ConsoleAuth.COOKIE).getValue();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookieHeader()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> postForm(String path, String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookieHeader())
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String json, List<String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i < headers.size(); i += 2) b.header(headers.get(i), headers.get(i + 1));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A full-page screenshot: the window grows to the page's height for the shot, then goes back to 1366×900. */
    private static void shot(String name) throws Exception {
        long height = (Long) ((JavascriptExecutor) d).executeScript(
                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
        d.manage().window().setSize(new Dimension(1366, (int) Math.max(900, Math.min(height + 140, 2400))));
        try {
            Files.write(SCREENS.resolve("console-" + name + ".png"), ((TakesScreenshot) d).getScreenshotAs(OutputType.BYTES));
        } finally {
            d.manage().window().setSize(new Dimension(1366, 900));
        }
    }
}
