package dev.tillsync.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tillsync.core.json.Json;
import dev.tillsync.server.ServerMain;
import dev.tillsync.server.ServerOptions;
import dev.tillsync.server.TillServer;
import dev.tillsync.terminal.cli.TerminalMain;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
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
 * A shop's first week on an empty server (no demo seed), through the entry points a new user has: the JSON API for
 * the shop's setup, the admin CLI for a 50,000-item catalogue CSV, the console in a real Chromium to edit a price,
 * receive stock and add a cashier, and the terminal CLI to link a till and sell those items with the new price.
 */
class ShopFirstWeekTest {
    private static final int ITEMS = 50_000;
    private static final Path SCREENS = Path.of("..", "docs", "screens");

    @TempDir
    static Path temp;
    private static TillServer server;
    private static WebDriver browser;
    private static WebDriverWait wait;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = TillServer.start(new ServerOptions(temp.resolve("server"), null, 0));
        server.admin().init("owner@corner.shop", "Owner-pass-2026");
        ChromeOptions o = new ChromeOptions();
        o.setBinary("/usr/bin/chromium");
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1366,900");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build(), o);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        // The item list is replaced as the search answers and a form post loads a new page: an element read from the
        // page being replaced is stale, which means "not yet", never a failure.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        Files.createDirectories(SCREENS);
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) browser.quit();
        } finally {
            if (server != null) server.close();
        }
    }

    @Test
    @Timeout(value = 400, unit = TimeUnit.SECONDS)
    void fromAnEmptyServerToTheFirstSaleOfTheShopsOwnCatalogue() throws Exception {
        String token = api("POST", "/auth/login", Map.of("email", "owner@corner.shop", "password", "Owner-pass-2026"), null, 200).path("token").asText();

        // The shop's setup: its tax, its warehouse, cash, a POS profile and one till.
        api("POST", "/taxes", Map.of("name", "VAT 15%", "ratePercent", "15"), token, 201);
        api("POST", "/warehouses", Map.of("name", "Shop Floor"), token, 201);
        api("POST", "/payment-modes", Map.of("name", "Cash", "type", "cash", "opensDrawer", true), token, 201);
        api("POST", "/profiles", Map.of("name", "Corner Shop", "warehouse", "Shop Floor", "priceList", "Standard Selling",
                "paymentModes", List.of("Cash"), "receiptHeader", "Corner Shop\nHigh Street 1"), token, 201);
        api("POST", "/devices", Map.of("posId", "TILL-1", "posProfile", "Corner Shop"), token, 201);

        // The catalogue: 50,000 items with barcodes and prices, as a shop's own CSV.
        Path csv = temp.resolve("catalogue.csv");
        StringBuilder b = new StringBuilder("code,name,category,unit,barcodes,tax,price,price_list,active\n");
        for (int i = 1; i <= ITEMS; i++) {
            b.append(String.format("SHOP-%05d,Item number %d,,unit,%s,VAT 15%%,%d.%02d,Standard Selling,true%n", i, i, ean13(i), 1 + i % 40, i % 100));
        }
        Files.writeString(csv, b.toString(), StandardCharsets.UTF_8);
        // Loaded in the console: upload, the dry run's preview, then Apply.
        String base = server.baseUrl();
        browser.get(base + "/console/login");
        browser.findElement(By.id("email")).sendKeys("owner@corner.shop");
        browser.findElement(By.id("password")).sendKeys("Owner-pass-2026");
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.urlContains("/console/"));
        browser.get(base + "/console/import");
        browser.findElement(By.id("kind-catalog")).click();
        browser.findElement(By.id("import-file")).sendKeys(csv.toAbsolutePath().toString());
        long t0 = System.nanoTime();
        browser.findElement(By.id("preview-button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#import-outcome[data-state=preview]")));
        double previewSecs = (System.nanoTime() - t0) / 1e9;
        assertThat(browser.findElement(By.id("import-outcome")).getAttribute("data-created")).isEqualTo(Integer.toString(ITEMS));
        shot("first-week-import-preview.png");
        t0 = System.nanoTime();
        browser.findElement(By.id("apply-button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#import-outcome[data-state=applied]")));
        double importSecs = (System.nanoTime() - t0) / 1e9;
        assertThat(browser.findElement(By.id("import-outcome")).getAttribute("data-created")).isEqualTo(Integer.toString(ITEMS));
        shot("first-week-import-done.png");
        System.out.printf("first week: %,d items previewed in %.1f s, imported in %.1f s (console)%n", ITEMS, previewSecs, importSecs);
        // The same file again, through the admin CLI as the README shows: nothing to do.
        Run again = admin("catalog", "import", csv.toString());
        assertThat(again.exit()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).as(again.out() + again.err()).contains("0 created, 0 updated, " + ITEMS + " unchanged");

        // Find SHOP-00042 by typing, give it a new price.
        browser.get(base + "/console/items");
        WebElement search = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#item-search input[type=search]")));
        search.sendKeys("SHOP-00042");
        wait.until(d -> d.findElement(By.id("items")).getText().contains("Item number 42")
                && !d.findElement(By.id("items")).getText().contains("SHOP-00041"));
        browser.findElement(By.linkText("SHOP-00042")).click();
        WebElement price = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#prices input[name=price]")));
        assertThat(price.getAttribute("value")).isEqualTo("3.42");
        price.clear();
        price.sendKeys("3.75");
        browser.findElement(By.id("save-item")).click();
        wait.until(d -> d.getPageSource().contains("Item saved"));
        shot("first-week-price-edited.png");

        // Receive 24 from the supplier.
        browser.get(base + "/console/stock");
        WebElement receive = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receive-form")));
        new Select(receive.findElement(By.name("warehouse"))).selectByVisibleText("Shop Floor");
        receive.findElement(By.name("item")).sendKeys("SHOP-00042");
        receive.findElement(By.name("qty")).sendKeys("24");
        receive.findElement(By.name("supplier")).sendKeys("Wholesale Co");
        // The old page is marked; the wait ends when a page without the mark has loaded (never asks old elements).
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.__tillsyncOldPage = true");
        receive.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> {
            try {
                return Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d)
                        .executeScript("return window.__tillsyncOldPage !== true && document.readyState === 'complete'"));
            } catch (org.openqa.selenium.WebDriverException midNavigation) {
                return false;
            }
        });
        wait.until(d -> d.findElement(By.id("movements")).getText().contains("SHOP-00042"));
        shot("first-week-stock-received.png");

        // Add a cashier with a PIN, on TILL-1.
        browser.get(base + "/console/staff");
        WebElement cashier = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cashier-form")));
        cashier.findElement(By.name("name")).sendKeys("Nadia Haddad");
        cashier.findElement(By.name("pin")).sendKeys("2468");
        cashier.findElement(By.cssSelector("input[name=till][value='TILL-1']")).click();
        cashier.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> d.findElement(By.id("staff")).getText().contains("Nadia Haddad"));
        String login = api("GET", "/staff?q=Nadia", null, token, 200).path("items").get(0).path("login").asText();
        assertThat(login).startsWith("nadia.haddad");

        // The till: link with a code from the back office, the cashier logs in with her PIN and sells the item.
        String code = api("POST", "/devices/TILL-1/link-code", null, token, 201).path("code").asText();
        Path till = temp.resolve("till");
        t0 = System.nanoTime();
        Run linked = terminal(till, "link", "--server", base, "--code", code);
        double linkSecs = (System.nanoTime() - t0) / 1e9;
        assertThat(linked.exit()).as(linked.out() + linked.err()).isZero();
        assertThat(linked.out()).contains("Linked as TILL-1");
        System.out.printf("first week: the till linked and pulled %,d items in %.1f s%n", ITEMS, linkSecs);
        assertThat(terminal(till, "login", "--user", login, "--pin", "2468").exit()).isZero();
        assertThat(terminal(till, "shift", "open", "--float", "50.00").exit()).isZero();
        Run sold = terminal(till, "sell", "--item", ean13(42) + ":2", "--pay", "Cash:10.00", "--json");
        assertThat(sold.exit()).as(sold.out() + sold.err()).isZero();
        JsonNode invoice = Json.mapper().readTree(sold.out());
        JsonNode line = invoice.findValue("lines").get(0);
        assertThat(line.path("itemCode").asText()).isEqualTo("SHOP-00042");
        assertThat(line.path("rateMinor").asLong()).isEqualTo(375);
        String number = invoice.findValue("number").asText();
        Run synced = terminal(till, "sync");
        assertThat(synced.exit()).as(synced.out() + synced.err()).isZero();

        // The back office has the sale exactly once, at the edited price, and the stock it took.
        JsonNode onServer = api("GET", "/invoices/" + number, null, token, 200);
        assertThat(onServer.toString()).contains("SHOP-00042").contains("Item number 42");
        JsonNode level = api("GET", "/stock?warehouse=Shop%20Floor&item=SHOP-00042", null, token, 200);
        assertThat(level.toString()).contains("\"qtyMilli\":22000");
        assertThat(api("GET", "/invoices?q=" + number, null, token, 200).toString()).contains(number);
    }

    /** The EAN-13 of a shop's own numbering, the one `admin catalog sample` writes (prefix 400, the item number). */
    static String ean13(int n) {
        return dev.tillsync.server.imports.csv.SampleCatalog.ean13(n);
    }

    private static void shot(String name) throws Exception {
        Files.write(SCREENS.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    record Run(int exit, String out, String err) {}

    private static Run terminal(Path dir, String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--data", dir.toString()));
        all.addAll(List.of(args));
        int exit = TerminalMain.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    private static Run admin(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("admin", "--data", temp.resolve("server").toString()));
        all.addAll(List.of(args));
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = ServerMain.commandLine().execute(all.toArray(String[]::new));
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static JsonNode api(String method, String path, Object body, String token, int expected) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1" + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body)))
                .header("Content-Type", "application/json");
        if (token != null) r.header("Authorization", "Bearer " + token);
        HttpResponse<String> res = HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).as(method + " " + path + ": " + res.body()).isEqualTo(expected);
        return Json.mapper().readTree(res.body());
    }
}
