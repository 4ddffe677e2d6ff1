package dev.tillsync.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.server.SalesDay;
import dev.tillsync.server.ServerOptions;
import dev.tillsync.server.TillServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Today, Sales (list and one invoice) and Reports in a real headless Chromium against a real server whose shop is in
 * Asia/Riyadh, over the {@link SalesDay} sales pushed today (local) by a linked till. Figures as worked in SalesDay:
 * sales 9.45 + 1.72 + 2.00, a return of 3.72, so 9.45 kept; Card 6.00, Cash 3.45.
 */
class ReportsBrowserTest {
    private static final Path SCREENS = Path.of("..", "docs", "screens");
    private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

    @TempDir
    static Path temp;
    private static TillServer server;
    private static WebDriver d;
    private static WebDriverWait wait;
    private static String base;
    private static SalesDay.Made day;

    @BeforeAll
    static void start() throws Exception {
        server = TillServer.start(new ServerOptions(temp.resolve("server"), null, 0));
        server.admin().seedDemo();
        server.services().jdbi().useTransaction(h -> server.services().settings().setTimeZone(h, RIYADH.getId()));
        // Four times spread over the part of today (in Riyadh) that has passed, so they are today and in the past.
        Instant start = LocalDate.now(RIYADH).atStartOfDay(RIYADH).toInstant(), now = Instant.now();
        long elapsed = Duration.between(start, now).toSeconds();
        day = SalesDay.push(server, start.plusSeconds(elapsed * 20 / 100), start.plusSeconds(elapsed * 45 / 100),
                start.plusSeconds(elapsed * 60 / 100), start.plusSeconds(elapsed * 90 / 100));
        base = server.baseUrl();
        d = HeadlessChromium.open();
        wait = new WebDriverWait(d, Duration.ofSeconds(15));
        Files.createDirectories(SCREENS);
        d.get(base + "/console/login");
        d.findElement(By.name("email")).sendKeys("viewer@demo.shop");
        d.findElement(By.name("password")).sendKeys("viewer-pass");
        d.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.urlContains("/console/today"));
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
    void todayShowsTheShopsDayByTillAndByHourWithSyncHealth() throws Exception {
        d.findElement(By.linkText("Today")).click();
        wait.until(ExpectedConditions.urlContains("/console/today"));
        assertThat(d.findElement(By.tagName("h1")).getText()).contains("Today, " + LocalDate.now(RIYADH), "Asia/Riyadh");
        assertThat(d.findElement(By.id("today-stats")).getText()).contains("Sales\n3", "Gross\n9.45", "Returns\n1", "Returned\n3.72",
                "Card\n6.00", "Cash\n3.45");
        assertThat(d.findElements(By.cssSelector("#sales-chart rect.bar"))).isNotEmpty();
        assertThat(d.findElement(By.cssSelector("figure.chart figcaption")).getText()).contains("Asia/Riyadh");
        var till = d.findElement(By.cssSelector("#tills tr[data-pos='" + day.posId() + "']"));
        assertThat(till.findElement(By.cssSelector(".sales")).getText()).isEqualTo("3");
        assertThat(till.findElement(By.cssSelector(".gross")).getText()).isEqualTo("9.45");
        assertThat(till.findElement(By.cssSelector(".pending")).getText()).isEqualTo("0");
        assertThat(till.findElement(By.cssSelector(".failed")).getText()).isEqualTo("0");
        assertThat(d.findElement(By.cssSelector("#tills tr[data-pos='POS-0001'] .sales")).getText()).isEqualTo("0");
        shot("today");
    }

    @Test
    void salesListFiltersByTillAndCashierAndDrillsDownToLinesPaymentsAndReturns() throws Exception {
        d.get(base + "/console/sales");
        new Select(d.findElement(By.id("s-device"))).selectByVisibleText(day.posId());
        d.findElement(By.id("s-day")).sendKeys(LocalDate.now(RIYADH).format(java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy")));
        d.findElement(By.id("s-apply")).click();
        wait.until(ExpectedConditions.urlContains("device=" + day.posId()));
        assertThat(d.findElements(By.cssSelector("#invoices tbody tr[data-number]"))).hasSize(4);
        assertThat(d.findElement(By.id("invoices-count")).getText()).startsWith("4 invoices, total 9.45");
        var r1 = d.findElement(By.cssSelector("#invoices tr[data-number='" + day.r1() + "']"));
        assertThat(r1.getText()).contains("Return of " + day.s1(), "-3.72");
        shot("sales");

        new Select(d.findElement(By.id("s-cashier"))).selectByVisibleText("ben@demo.shop");
        d.findElement(By.id("s-apply")).click();
        wait.until(ExpectedConditions.urlContains("cashier=ben"));
        assertThat(d.findElements(By.cssSelector("#invoices tbody tr[data-number]"))).hasSize(1);

        d.get(base + "/console/sales?device=" + day.posId());
        d.findElement(By.linkText(day.s1())).click();
        wait.until(ExpectedConditions.urlContains("/console/sales/" + day.s1()));
        String lines = d.findElement(By.id("lines")).getText();
        assertThat(lines).contains("1 Ballpoint Pen Blue ITEM-0001 2 1 1.50 15% 3.00 0.45 3.45",
                "2 Sourdough Bread " + day.bread() + " 3 1 2.00 0% 6.00 0.00 6.00");
        assertThat(d.findElement(By.id("payments")).getText()).contains("Card 4.00 slip-1", "Cash 10.00", "Change given back -4.55");
        assertThat(d.findElement(By.id("returns")).getText()).contains(day.r1(), "1 × Ballpoint Pen Blue", "1 × Sourdough Bread", "-3.72");
        assertThat(d.findElement(By.id("sync-facts")).getText()).contains("sync push", "seq 2", "amira@demo.shop, Morning");
        assertThat(d.findElement(By.id("sale-stats")).getText()).contains("Total\n9.45", "Cashier\namira@demo.shop");
        shot("sale-detail");

        d.findElement(By.linkText(day.r1())).click();
        wait.until(ExpectedConditions.urlContains("/console/sales/" + day.r1()));
        assertThat(d.findElement(By.id("original")).getText()).isEqualTo(day.s1());
        d.get(base + "/console/sales/NO-SUCH-1");
        assertThat(d.getPageSource()).contains("No invoice NO-SUCH-1 has reached the server");
    }

    @Test
    void reportsShowPerDayAndPerCashierForATillAndDownloadTheSameAsCsv() throws Exception {
        d.get(base + "/console/reports");
        new Select(d.findElement(By.id("r-device"))).selectByVisibleText(day.posId());
        d.findElement(By.id("r-apply")).click();
        wait.until(ExpectedConditions.urlContains("device=" + day.posId()));
        String total = d.findElement(By.id("daily-total")).getText().replaceAll("\\s+", " ");
        // invoices 3, net 9.00, 15%: tax 0.45 on 3.00, 0%: 0.00 on 6.00, tax 0.45, gross 9.45, Card 6.00, Cash 3.45, discounts, 1 return of 3.72
        assertThat(total).isEqualTo("Total 3 9.00 0.45 3.00 0.00 6.00 0.45 9.45 6.00 3.45 0.00 1 3.72");
        assertThat(d.findElement(By.id("daily")).getText()).contains(LocalDate.now(RIYADH).toString() + " 3 9.00");
        assertThat(d.findElement(By.id("cashiers")).getText()).contains("amira@demo.shop Amira Haddad 2 7.73 1 3.72 1.73",
                "ben@demo.shop Ben Carter 1 1.72 0 0.00 1.72", "Total 3 9.45 1 3.72 3.45");
        shot("reports");

        String href = d.findElement(By.id("daily-csv")).getAttribute("href");
        String csv = fetch(href);
        assertThat(csv).startsWith("day,invoices,net,net 15%,tax 15%,net 0%,tax 0%,tax,gross,Card,Cash,discounts,returns,returns_amount\r\n")
                .endsWith("total,3,9.00,3.00,0.45,6.00,0.00,0.45,9.45,6.00,3.45,0.00,1,3.72\r\n");
        assertThat(fetch(d.findElement(By.id("cashiers-csv")).getAttribute("href"))).contains("amira@demo.shop,Amira Haddad,2,7.73,1,3.72,1.73,0.00,0.00\r\n");
    }

    @Test
    void reconciliationUsesTheShopsDaysAndNamesTheItemsOfItsInventoryImpact() {
        d.get(base + "/console/reconciliation?posId=" + day.posId() + "&day=" + LocalDate.now(RIYADH));
        assertThat(d.findElement(By.cssSelector("figure.chart figcaption")).getText()).contains("(Asia/Riyadh)");
        assertThat(d.findElement(By.id("per-day")).getText()).contains("DAY (ASIA/RIYADH)");
        String stock = d.findElement(By.id("stock-impact")).getText();
        // 2 + 1 - 1 pens and 3 - 1 + 1 breads left the shelf
        assertThat(stock).contains("Ballpoint Pen Blue\nITEM-0001 -2", "Sourdough Bread\n" + day.bread() + " -3");
    }

    @Test
    void aCashierNamedLikeMarkupIsShownAsTextAndBadFiltersAreExplained() {
        String script = "<script>window.__pwned=1</script>";
        String n = SalesDay.pushOne(server, Instant.parse("2024-01-15T09:00:00Z"), script);
        d.get(base + "/console/sales?day=2024-01-15");
        assertThat(d.findElement(By.cssSelector("#invoices tr[data-number='" + n + "']")).getText()).contains(script);
        assertThat(((JavascriptExecutor) d).executeScript("return window.__pwned === undefined")).isEqualTo(true);
        d.get(base + "/console/reports?from=2024-01-15&to=2024-01-15");
        assertThat(d.findElement(By.id("cashiers")).getText()).contains(script);
        assertThat(((JavascriptExecutor) d).executeScript("return window.__pwned === undefined")).isEqualTo(true);

        d.get(base + "/console/sales?day=15-01-2024");
        assertThat(d.getPageSource()).contains("is not a date like 2024-05-31");
        d.get(base + "/console/reports?from=2024-06-03&to=2024-06-01");
        assertThat(d.getPageSource()).contains("swap from and to");
    }

    /** A console download with this browser's session cookie. */
    private static String fetch(String url) throws Exception {
        String cookie = d.manage().getCookieNamed(ConsoleAuth.COOKIE).getValue();
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", ConsoleAuth.COOKIE + "=" + cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        return r.body();
    }

    private static void shot(String name) throws Exception {
        HeadlessChromium.shot(d, SCREENS, name);
    }
}
