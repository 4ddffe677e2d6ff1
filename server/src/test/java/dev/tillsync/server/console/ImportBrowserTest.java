package dev.tillsync.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.server.ServerOptions;
import dev.tillsync.server.TillServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The import page in a real headless Chromium: upload, preview (nothing written), apply, and a refused file. */
class ImportBrowserTest {
    private static final Path SCREENS = Path.of("..", "docs", "screens");

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
        base = server.baseUrl();
        d = HeadlessChromium.open();
        wait = new WebDriverWait(d, Duration.ofSeconds(30));
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

    private static String one(String sql) {
        return server.services().jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
    }

    @Test
    void aManagerPreviewsACatalogueThenAppliesItAndAStockFileWithABadRowIsRefused() throws Exception {
        String tax = one("select name from tax_category where active order by name limit 1");
        String existing = one("select code from item order by code limit 1");
        String existingName = one("select name from item where code = '" + existing + "'");
        String existingBarcodes = one("select coalesce(string_agg(barcode, '|' order by barcode), '') from item_barcode where item_code = '" + existing + "'");
        Path csv = temp.resolve("new-lines.csv");
        Files.writeString(csv, "code,name,category,unit,barcodes,tax,price,price_list,active\n"
                + "IMP-TEA,\"Green tea, loose\",,kg,,\"" + tax + "\",24.90,,\n"
                + "IMP-MUG,Stoneware mug,,,5901234123457,\"" + tax + "\",7.50,,\n"
                + "IMP-CUP,Paper cups (50),,,,\"" + tax + "\",3.20,,\n"
                + existing + ",\"" + existingName + "\"," + one("select coalesce(category, '') from item where code = '" + existing + "'") + ",,"
                + existingBarcodes + ",\"" + one("select tax_category from item where code = '" + existing + "'") + "\",99.99,,\n");
        long itemsBefore = Long.parseLong(one("select count(*) from item"));

        signIn("manager@demo.shop", "manager-pass");
        d.get(base + "/console/import");
        assertThat(d.findElement(By.cssSelector("nav a.active")).getText()).isEqualTo("Import");
        d.findElement(By.id("kind-catalog")).click();
        d.findElement(By.id("import-file")).sendKeys(csv.toAbsolutePath().toString());
        d.findElement(By.id("preview-button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#import-outcome[data-state=preview]")));
        var outcome = d.findElement(By.id("import-outcome"));
        assertThat(outcome.getAttribute("data-created")).isEqualTo("3");
        assertThat(outcome.getAttribute("data-updated")).isEqualTo("1");
        assertThat(d.findElement(By.id("change-rows")).getText()).contains("IMP-TEA").contains("created").contains(existing).contains("→ 99.99");
        assertThat(Long.parseLong(one("select count(*) from item"))).as("a preview writes nothing").isEqualTo(itemsBefore);
        shot("import-preview");

        d.findElement(By.id("apply-button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#import-outcome[data-state=applied]")));
        assertThat(d.findElement(By.cssSelector("#import-outcome .notice.ok")).getText()).contains("Imported: 3 created, 1 updated, 0 unchanged");
        assertThat(Long.parseLong(one("select count(*) from item"))).isEqualTo(itemsBefore + 3);
        assertThat(one("select price_minor::text from item_price where item_code = '" + existing + "' and price_list = 'Standard Selling'")).isEqualTo("9999");
        shot("import-done");

        // The same file again: nothing to apply.
        d.get(base + "/console/import");
        d.findElement(By.id("import-file")).sendKeys(csv.toAbsolutePath().toString());
        d.findElement(By.id("preview-button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#import-outcome[data-state=preview]")));
        assertThat(d.findElement(By.id("import-outcome")).getText()).contains("Nothing to apply");
        assertThat(d.findElements(By.id("apply-button"))).isEmpty();

        // A stock file with a fraction of a unit item: refused at its line and column, no Apply.
        String warehouse = one("select name from warehouse where active order by name limit 1");
        Path stock = temp.resolve("stock.csv");
        Files.writeString(stock, "warehouse,code,qty,mode\n" + warehouse + ",IMP-TEA,2.5,add\n" + warehouse + ",IMP-MUG,1.5,add\n");
        d.get(base + "/console/import");
        d.findElement(By.id("kind-stock")).click();
        d.findElement(By.id("import-file")).sendKeys(stock.toAbsolutePath().toString());
        d.findElement(By.id("preview-button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("refused-rows")));
        assertThat(d.findElement(By.id("refused-rows")).getText()).contains("3").contains("qty").contains("IMP-MUG is sold by the unit");
        assertThat(d.findElements(By.id("apply-button"))).isEmpty();
        assertThat(one("select count(*)::text from stock where item_code = 'IMP-TEA'")).isEqualTo("0");
        shot("import-refused");
    }

    private static void signIn(String email, String password) {
        HeadlessChromium.signIn(d, wait, base, email, password);
    }

    private static void shot(String name) throws Exception {
        HeadlessChromium.shot(d, SCREENS, name);
    }
}
