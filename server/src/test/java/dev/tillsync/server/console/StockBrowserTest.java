package dev.tillsync.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.server.ServerOptions;
import dev.tillsync.server.TillServer;
import dev.tillsync.server.master.items.ItemView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The stock pages in a real headless Chromium against a real server: receive, adjust, transfer, a stocktake with its confirm step, warehouses. */
class StockBrowserTest {
    private static final Path SCREENS = Path.of("..", "docs", "screens");
    private static final String MAIN = "Main Warehouse";

    @TempDir
    static Path temp;
    private static TillServer server;
    private static WebDriver d;
    private static WebDriverWait wait;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        server = TillServer.start(new ServerOptions(temp.resolve("server"), null, 0));
        server.admin().seedDemo();
        String tax = server.services().items().get("ITEM-0001").taxCategory();
        server.services().itemEditor().create("test", new ItemView.Spec("CHEESE-KG", "Cheddar by weight", null, "kg", tax, true, null, List.of(),
                List.of(new ItemView.PriceSpec("Standard Selling", "12.00"))));
        base = server.baseUrl();
        d = HeadlessChromium.open();
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

    private static long level(String warehouse, String item) {
        return server.services().stock().levelMilli(warehouse, item);
    }

    @Test
    void aManagerReceivesAdjustsTransfersAndCountsStock() throws Exception {
        signIn("manager@demo.shop", "manager-pass");
        long pens = level(MAIN, "ITEM-0001"), cheese = level(MAIN, "CHEESE-KG");

        // Receive 12 pens from a supplier.
        d.get(base + "/console/stock");
        fill("#receive-form", "item", "ITEM-0001");
        fill("#receive-form", "qty", "12");
        fill("#receive-form", "supplier", "Acme Stationery");
        fill("#receive-form", "reference", "DN-4471");
        submit("#receive-form");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice.ok")));
        assertThat(d.findElement(By.cssSelector(".notice.ok")).getText()).contains("Receipt REC-").contains("posted");
        assertThat(level(MAIN, "ITEM-0001")).isEqualTo(pens + 12_000);

        // A fraction of a whole-unit item is refused in words, with what was typed kept.
        fill("#receive-form", "item", "ITEM-0001");
        fill("#receive-form", "qty", "1.5");
        submit("#receive-form");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice.error")));
        assertThat(d.findElement(By.cssSelector(".notice.error")).getText()).contains("Receipt not posted").contains("whole number");
        assertThat(d.findElement(By.cssSelector("#receive-form input[name=qty]")).getAttribute("value")).isEqualTo("1.5");
        assertThat(level(MAIN, "ITEM-0001")).isEqualTo(pens + 12_000);

        // 1.250 kg of cheese, then 0.2 kg written off with a reason.
        d.get(base + "/console/stock");
        fill("#receive-form", "item", "CHEESE-KG");
        fill("#receive-form", "qty", "1.250");
        submit("#receive-form");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice.ok")));
        fill("#adjust-form", "item", "CHEESE-KG");
        fill("#adjust-form", "qty", "-0.2");
        fill("#adjust-form", "reason", "dried out");
        submit("#adjust-form");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice.ok")));
        assertThat(d.findElement(By.cssSelector(".notice.ok")).getText()).contains("Adjustment ADJ-");
        assertThat(level(MAIN, "CHEESE-KG")).isEqualTo(cheese + 1050);

        // A new warehouse, and 3 pens transferred into it.
        d.get(base + "/console/stock/warehouses");
        fill("#warehouse-form", "name", "Back Room");
        submit("#warehouse-form");
        wait.until(ExpectedConditions.urlContains("saved="));
        assertThat(d.findElement(By.cssSelector("#warehouses tr[data-warehouse='Back Room']")).getText()).contains("yes");
        shot("warehouses");
        d.get(base + "/console/stock");
        new Select(d.findElement(By.cssSelector("#transfer-form select[name=warehouse]"))).selectByVisibleText(MAIN);
        new Select(d.findElement(By.cssSelector("#transfer-form select[name=toWarehouse]"))).selectByVisibleText("Back Room");
        fill("#transfer-form", "item", "ITEM-0001");
        fill("#transfer-form", "qty", "3");
        fill("#transfer-form", "reason", "restock the back room");
        submit("#transfer-form");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice.ok")));
        assertThat(d.findElement(By.cssSelector(".notice.ok")).getText()).contains("Transfer TRF-").contains("2 ledger rows");
        assertThat(level(MAIN, "ITEM-0001")).isEqualTo(pens + 9_000);
        assertThat(level("Back Room", "ITEM-0001")).isEqualTo(3_000);

        // The levels filtered by an item search, and the movements with who and why.
        d.get(base + "/console/stock?q=ITEM-000");
        String levels = d.findElement(By.id("levels")).getText();
        assertThat(levels).contains("Back Room").contains("ITEM-0009").doesNotContain("ITEM-0010");
        String movements = d.findElement(By.id("movements")).getText();
        assertThat(movements).contains("Stock Transfer").contains("restock the back room").contains("from Acme Stationery; ref DN-4471")
                .contains("dried out").contains("manager@demo.shop").contains("-0.2");
        shot("stock");

        // An item's own history: its code links to its levels and every movement of it.
        d.findElement(By.cssSelector("#levels tr[data-warehouse='Back Room'] a")).click();
        wait.until(ExpectedConditions.urlContains("item=ITEM-0001"));
        assertThat(d.findElement(By.cssSelector("#movements-card h2")).getText()).isEqualTo("Movements of ITEM-0001");
        assertThat(d.findElement(By.id("movements")).getText()).contains("Stock Receipt").contains("Stock Transfer").doesNotContain("CHEESE-KG");
        assertThat(d.findElement(By.id("levels")).getText()).doesNotContain("ITEM-0002");
    }

    @Test
    void aStocktakeShowsTheVariancesBeforeItPostsThemOnce() throws Exception {
        signIn("manager@demo.shop", "manager-pass");
        long two = level(MAIN, "ITEM-0002"), three = level(MAIN, "ITEM-0003");
        d.get(base + "/console/stock/stocktake?warehouse=" + MAIN.replace(" ", "+") + "&q=ITEM-000");
        countRow("ITEM-0002", String.valueOf(two / 1000 - 2));
        countRow("ITEM-0003", String.valueOf(three / 1000 + 1));
        countRow("ITEM-0004", String.valueOf(level(MAIN, "ITEM-0004") / 1000));
        List<WebElement> blanks = d.findElements(By.cssSelector("#count-lines input.code-input"));
        blanks.get(0).sendKeys("CHEESE-KG");
        WebElement blankRow = blanks.get(0).findElement(By.xpath("./ancestor::tr"));
        blankRow.findElement(By.cssSelector("input.counted")).sendKeys("0.875");
        fill("#stocktake-form", "reason", "month-end count, shelf A");
        shot("stocktake-count");
        d.findElement(By.id("review")).click();

        WebElement table = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("variances")));
        assertThat(table.findElement(By.cssSelector("tr[data-item='ITEM-0002']")).getText()).endsWith("-2");
        assertThat(table.findElement(By.cssSelector("tr[data-item='ITEM-0003']")).getText()).endsWith("+1");
        assertThat(table.findElement(By.cssSelector("tr[data-item='ITEM-0004']")).getText()).endsWith("0");
        assertThat(table.findElement(By.cssSelector("tr[data-item='CHEESE-KG']")).getText()).contains("kg").contains("0.875");
        assertThat(d.getPageSource()).contains("Nothing is posted until you confirm");
        assertThat(level(MAIN, "ITEM-0002")).isEqualTo(two);
        shot("stocktake");

        d.findElement(By.id("post-stocktake")).click();
        wait.until(ExpectedConditions.urlContains("done="));
        assertThat(d.findElement(By.cssSelector(".notice.ok")).getText()).contains("Stocktake STK-").contains("4 ledger rows");
        assertThat(level(MAIN, "ITEM-0002")).isEqualTo(two - 2000);
        assertThat(level(MAIN, "ITEM-0003")).isEqualTo(three + 1000);
        assertThat(level(MAIN, "CHEESE-KG")).isEqualTo(875);

        // Going back and posting the confirmed page again answers the first stocktake: nothing posted twice.
        d.navigate().back();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("post-stocktake"))).click();
        wait.until(ExpectedConditions.urlContains("done="));
        assertThat(level(MAIN, "ITEM-0002")).isEqualTo(two - 2000);
        assertThat(server.services().stock().movements(MAIN, "ITEM-0002", null, null, null, 0, 50).items().stream()
                .filter(e -> "Stocktake".equals(e.type())).count()).isEqualTo(1);
    }

    @Test
    void aViewerSeesStockButNoForms() {
        signIn("viewer@demo.shop", "viewer-pass");
        d.get(base + "/console/stock");
        assertThat(d.findElement(By.id("levels")).getText()).contains("ITEM-0001");
        assertThat(d.findElements(By.id("receive-form"))).isEmpty();
        d.get(base + "/console/stock/stocktake");
        assertThat(d.findElements(By.id("stocktake-form"))).isEmpty();
    }

    private static void countRow(String item, String counted) {
        WebElement row = d.findElement(By.cssSelector("#count-lines tr[data-item='" + item + "']"));
        WebElement input = row.findElement(By.cssSelector("input.counted"));
        input.clear();
        input.sendKeys(counted);
    }

    private static void fill(String form, String name, String value) {
        WebElement e = d.findElement(By.cssSelector(form + " [name='" + name + "']"));
        e.clear();
        e.sendKeys(value);
    }

    /** Submits and waits for the answer page: the old page's notice must not be read as the new one's. */
    private static void submit(String form) {
        HeadlessChromium.clickAndWaitForNextPage(d, wait, d.findElement(By.cssSelector(form + " button[type=submit]")));
    }

    private static void signIn(String email, String password) {
        HeadlessChromium.signIn(d, wait, base, email, password);
    }

    private static void shot(String name) throws Exception {
        HeadlessChromium.shot(d, SCREENS, name);
    }
}
