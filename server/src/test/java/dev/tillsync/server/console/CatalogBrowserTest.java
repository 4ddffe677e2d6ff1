package dev.tillsync.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tillsync.server.ServerOptions;
import dev.tillsync.server.TillServer;
import dev.tillsync.server.master.ItemRules;
import dev.tillsync.server.master.items.CatalogLists;
import dev.tillsync.server.master.items.ItemView;
import dev.tillsync.server.refusal.Refusal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The catalogue pages (items, categories, taxes, price lists) in a real headless Chromium against a real server. */
class CatalogBrowserTest {
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
        var lists = server.services().catalogLists();
        // The demo seed has Stationery (top level) since it gained categories; the tree below it is this test's.
        if (lists.categories().stream().noneMatch(c -> c.name().equals("Stationery"))) {
            lists.saveCategory("test", null, new CatalogLists.Category("Stationery", null, 0, true, null));
        }
        lists.saveCategory("test", null, new CatalogLists.Category("Pens", "Stationery", 0, true, null));
        lists.saveCategory("test", null, new CatalogLists.Category("Grocery", null, 1, true, null));
        lists.saveCategory("test", null, new CatalogLists.Category("Tea and coffee", "Grocery", 0, true, null));
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

    @Test
    void aManagerFindsCreatesEditsAndDisablesAnItemAndAStaleEditShowsTheConflictWithWhatWasTyped() throws Exception {
        signIn("manager@demo.shop", "manager-pass");
        d.get(base + "/console/items");
        assertThat(d.findElements(By.cssSelector("#items tbody tr"))).hasSize(ItemsController.PAGE);
        assertThat(d.findElement(By.id("next-page")).getAttribute("href")).contains("offset=50");
        shot("items");

        // Search as you type: no submit, the rows change under the box and the address follows.
        d.findElement(By.id("item-q")).sendKeys("ballp");
        wait.until(x -> x.findElements(By.cssSelector("#items tbody tr td:nth-child(2)")).stream().allMatch(td -> td.getText().startsWith("Ballpoint")));
        List<WebElement> found = d.findElements(By.cssSelector("#items tbody tr"));
        assertThat(found).isNotEmpty().hasSizeLessThan(ItemsController.PAGE);
        assertThat(found.get(0).getText()).contains("ITEM-0001").contains("Ballpoint Pen Blue");
        assertThat(d.getCurrentUrl()).contains("q=ballp");
        WebElement q = d.findElement(By.id("item-q"));
        q.clear();
        q.sendKeys("4006381333");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("item-range"), "Items 1–1"));
        assertThat(d.findElement(By.cssSelector("#items tbody tr")).getText()).contains("ITEM-0001");

        // Paging: the next page starts where this one ended.
        d.get(base + "/console/items");
        var firstPage = d.findElements(By.cssSelector("#items tbody tr"));
        String lastOfFirst = firstPage.get(firstPage.size() - 1).getText().split(" ")[0];
        d.findElement(By.id("next-page")).click();
        wait.until(ExpectedConditions.urlContains("offset=50"));
        String firstOfNext = d.findElement(By.cssSelector("#items tbody tr")).getText().split(" ")[0];
        assertThat(firstPage).hasSize(50);
        assertThat(firstOfNext).as("page 2 goes on in code order after %s", lastOfFirst).isGreaterThan(lastOfFirst);
        assertThat(d.findElement(By.id("item-range")).getText()).isEqualTo("Items 51–100");
        assertThat(d.findElements(By.id("prev-page"))).hasSize(1);

        // Create an item with two barcodes and a price.
        d.get(base + "/console/items");
        d.findElement(By.id("new-item")).click();
        wait.until(ExpectedConditions.urlContains("/console/items/new"));
        String ean = ean13("590123412345");
        d.findElement(By.id("code")).sendKeys("TEA-100");
        d.findElement(By.id("name")).sendKeys("Green Tea 100 g");
        new Select(d.findElement(By.id("category"))).selectByValue("Tea and coffee");
        new Select(d.findElement(By.id("taxCategory"))).selectByValue("Tax 15%");
        d.findElement(By.id("barcodes")).sendKeys(ean + "\nTEA100-SHELF");
        price("Standard Selling").sendKeys("3.50");
        submit("save-item");
        wait.until(ExpectedConditions.urlContains("saved=1"));
        assertThat(d.getCurrentUrl()).contains("/console/items/edit?code=TEA-100");
        ItemView created = server.services().items().get("TEA-100");
        assertThat(created.barcodes()).containsExactlyInAnyOrder(ean, "TEA100-SHELF");
        assertThat(created.prices()).extracting(ItemView.Price::priceMinor).containsExactly(350L);
        assertThat(created.category()).isEqualTo("Tea and coffee");

        // The search also works as a plain GET form (no script): the address alone finds it, with the filter kept.
        d.get(base + "/console/items?q=tea-1&category=Grocery");
        assertThat(d.findElements(By.cssSelector("#items tbody tr"))).isEmpty();
        d.get(base + "/console/items?q=tea-1&category=Tea+and+coffee");
        assertThat(d.findElement(By.cssSelector("#items tbody tr")).getText()).contains("TEA-100").contains("3.50").contains("Tea and coffee");
        assertThat(new Select(d.findElement(By.id("item-category"))).getFirstSelectedOption().getText()).isEqualTo("Grocery › Tea and coffee");
        // Picking a category in the list filters at once (script), keeping the search box.
        d.get(base + "/console/items");
        new Select(d.findElement(By.id("item-category"))).selectByValue("Tea and coffee");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#items tbody tr"), 1));
        assertThat(d.getCurrentUrl()).contains("category=Tea+and+coffee");
        d.findElement(By.linkText("TEA-100")).click();
        wait.until(ExpectedConditions.urlContains("code=TEA-100"));

        // Edit its price; the history shows who changed it, old → new.
        WebElement p = price("Standard Selling");
        p.clear();
        p.sendKeys("3.75");
        submit("save-item");
        wait.until(ExpectedConditions.urlContains("saved=1"));
        assertThat(server.services().items().get("TEA-100").prices().get(0).priceMinor()).isEqualTo(375L);
        List<WebElement> history = d.findElements(By.cssSelector("#history tbody tr"));
        assertThat(history).hasSize(2);
        assertThat(history.get(0).getText()).contains("manager@demo.shop").contains("Changed").contains("Standard Selling 3.50 → Standard Selling 3.75");
        assertThat(history.get(1).getText()).contains("Created");
        server.services().jdbi().useHandle(h -> server.services().catalog().setStockMilli(h, "Main Warehouse", "TEA-100", 24_000));
        d.navigate().refresh();
        assertThat(d.findElement(By.cssSelector("#stock tbody tr")).getText()).contains("Main Warehouse").contains("24");
        assertThat(d.findElement(By.id("stock-link")).getAttribute("href")).contains("/console/stock");
        shot("item-form");

        // Someone changes the item through the API while this form is open: the save is refused, what was typed stays.
        String token = apiToken("admin@demo.shop", "admin-pass");
        int version = server.services().items().get("TEA-100").version();
        HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/items/TEA-100"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"Green Tea 100g (API)\",\"version\":" + version + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(200);
        p = price("Standard Selling");
        p.clear();
        p.sendKeys("3.95");
        submit("save-item");
        assertThat(d.findElement(By.cssSelector(".notice.error")).getText()).contains("someone else changed");
        assertThat(d.findElement(By.id("conflict")).getText()).contains("Green Tea 100g (API)");
        assertThat(price("Standard Selling").getAttribute("value")).isEqualTo("3.95");
        assertThat(server.services().items().get("TEA-100").prices().get(0).priceMinor()).isEqualTo(375L);
        shot("item-conflict");
        submit("save-over");
        wait.until(ExpectedConditions.urlContains("saved=1"));
        assertThat(server.services().items().get("TEA-100").prices().get(0).priceMinor()).isEqualTo(395L);

        // Disabling says what it means.
        d.findElement(By.id("disable-item")).click();
        wait.until(ExpectedConditions.urlContains("disabled=1"));
        assertThat(d.findElement(By.cssSelector(".notice.ok")).getText()).contains("is disabled").contains("not deleted");
        assertThat(server.services().items().get("TEA-100").active()).isFalse();

        // A refused create (duplicate barcode) keeps everything typed.
        d.get(base + "/console/items/new");
        d.findElement(By.id("code")).sendKeys("TEA-200");
        d.findElement(By.id("name")).sendKeys("Black Tea");
        new Select(d.findElement(By.id("taxCategory"))).selectByValue("Tax 15%");
        d.findElement(By.id("barcodes")).sendKeys(ean);
        price("Standard Selling").sendKeys("2.10");
        submit("save-item");
        assertThat(d.findElement(By.cssSelector(".notice.error")).getText()).contains(ean).contains("TEA-100");
        assertThat(d.findElement(By.id("code")).getAttribute("value")).isEqualTo("TEA-200");
        assertThat(d.findElement(By.id("name")).getAttribute("value")).isEqualTo("Black Tea");
        assertThat(price("Standard Selling").getAttribute("value")).isEqualTo("2.10");
    }

    @Test
    void anAccountsUserSeesNoWriteButtonsAndAPostIsRefused() throws Exception {
        signIn("viewer@demo.shop", "viewer-pass");
        d.get(base + "/console/items");
        assertThat(d.findElements(By.id("new-item"))).isEmpty();
        d.findElement(By.linkText("ITEM-0001")).click();
        wait.until(ExpectedConditions.urlContains("code=ITEM-0001"));
        assertThat(d.findElements(By.id("save-item"))).isEmpty();
        assertThat(d.findElements(By.id("disable-item"))).isEmpty();
        assertThat(d.findElement(By.id("name")).isEnabled()).isFalse();
        for (String page : List.of("/console/categories", "/console/taxes", "/console/price-lists")) {
            d.get(base + page);
            assertThat(d.findElements(By.cssSelector("form.stack button[type=submit]"))).as(page).isEmpty();
        }
        d.get(base + "/console/items/new");
        assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
        // The same form posted anyway, with a valid CSRF token of this session: refused by role.
        d.get(base + "/console/items");
        Object status = ((JavascriptExecutor) d).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                var body = new URLSearchParams({csrf: document.querySelector("input[name=csrf]").value, code: "ITEM-0001",
                    name: "Hacked", unit: "unit", taxCategory: "Tax 15%", version: "1"});
                fetch("/console/items/save", {method: "POST", body: body, credentials: "same-origin"}).then(r => done(r.status));
                """);
        assertThat(((Number) status).intValue()).isEqualTo(403);
        assertThat(server.services().items().get("ITEM-0001").name()).isEqualTo("Ballpoint Pen Blue");
    }

    @Test
    void aManagerCreatesAndEditsCategoriesTaxesAndPriceLists() throws Exception {
        signIn("manager@demo.shop", "manager-pass");
        d.get(base + "/console/categories");
        d.findElement(By.id("category-name")).sendKeys("Notebooks");
        new Select(d.findElement(By.id("category-parent"))).selectByValue("Stationery");
        submit("save-category");
        wait.until(ExpectedConditions.urlContains("saved=1"));
        WebElement pos = d.findElement(By.id("category-position"));
        pos.clear();
        pos.sendKeys("3");
        submit("save-category");
        wait.until(ExpectedConditions.urlContains("saved=1"));
        var cat = server.services().catalogLists().categories().stream().filter(c -> c.name().equals("Notebooks")).findFirst().orElseThrow();
        assertThat(cat.parent()).isEqualTo("Stationery");
        assertThat(cat.position()).isEqualTo(3);
        List<String> order = d.findElements(By.cssSelector("#categories tbody tr td:first-child a")).stream().map(WebElement::getText).toList();
        assertThat(order.indexOf("Notebooks")).isGreaterThan(order.indexOf("Stationery"));
        assertThat(d.findElement(By.xpath("//table[@id='categories']//a[text()='Notebooks']/..")).getCssValue("padding-left")).isEqualTo("22px");
        // A category cannot go under its own subcategory: the form does not offer it.
        d.get(base + "/console/categories?name=Stationery");
        assertThat(new Select(d.findElement(By.id("category-parent"))).getOptions()).extracting(WebElement::getText)
                .noneMatch(t -> t.contains("Notebooks") || t.contains("Pens") || t.strip().equals("Stationery"));
        shot("categories");
        // Nor does the service take it from another way in (the API): a loop would hide both from the tills.
        var stationery = server.services().catalogLists().categories().stream().filter(c -> c.name().equals("Stationery")).findFirst().orElseThrow();
        assertThatThrownBy(() -> server.services().catalogLists().saveCategory("test", "Stationery",
                new CatalogLists.Category(null, "Notebooks", null, null, stationery.version())))
                .isInstanceOf(Refusal.class).hasMessageContaining("one of its own subcategories");

        d.get(base + "/console/taxes");
        d.findElement(By.id("tax-name")).sendKeys("Reduced");
        d.findElement(By.id("tax-rate")).sendKeys("7.5");
        submit("save-tax");
        wait.until(ExpectedConditions.urlContains("saved=1"));
        WebElement rate = d.findElement(By.id("tax-rate"));
        rate.clear();
        rate.sendKeys("8");
        submit("save-tax");
        wait.until(ExpectedConditions.urlContains("saved=1"));
        assertThat(server.services().catalogLists().taxes()).anySatisfy(t -> {
            assertThat(t.name()).isEqualTo("Reduced");
            assertThat(t.ratePercent()).isEqualTo("8.00");
        });
        // A bad rate keeps what was typed and says why.
        rate = d.findElement(By.id("tax-rate"));
        rate.clear();
        rate.sendKeys("120");
        submit("save-tax");
        assertThat(d.findElement(By.cssSelector(".notice.error")).getText()).contains("above 100%");
        assertThat(d.findElement(By.id("tax-rate")).getAttribute("value")).isEqualTo("120");
        d.get(base + "/console/taxes?name=Reduced");
        shot("taxes");

        d.get(base + "/console/price-lists");
        d.findElement(By.id("list-name")).sendKeys("Wholesale EUR");
        d.findElement(By.id("list-currency")).sendKeys("eur");
        d.findElement(By.id("list-incl")).click();
        submit("save-price-list");
        wait.until(ExpectedConditions.urlContains("saved=1"));
        // Stale: the list changes underneath the open form.
        var wl = server.services().catalogLists().priceLists().stream().filter(l -> l.name().equals("Wholesale EUR")).findFirst().orElseThrow();
        assertThat(wl.currency()).isEqualTo("EUR");
        assertThat(wl.pricesIncludeTax()).isTrue();
        server.services().catalogLists().savePriceList("test", "Wholesale EUR", new CatalogLists.PriceList(null, null, null, true, wl.version()));
        d.findElement(By.id("list-incl")).click();
        submit("save-price-list");
        assertThat(d.findElement(By.cssSelector(".notice.error")).getText()).contains("someone else changed");
        assertThat(d.findElement(By.id("list-incl")).isSelected()).isFalse();
        submit("save-over");
        wait.until(ExpectedConditions.urlContains("saved=1"));
        assertThat(server.services().catalogLists().priceLists().stream().filter(l -> l.name().equals("Wholesale EUR")).findFirst().orElseThrow()
                .pricesIncludeTax()).isFalse();
        shot("price-lists");
        // The new list is offered on the item form.
        d.get(base + "/console/items/edit?code=ITEM-0001");
        assertThat(price("Wholesale EUR").getAttribute("value")).isEmpty();
    }

    /** Clicks a form's submit button and waits for the next page to replace this one (the address alone may not change). */
    private static void submit(String buttonId) {
        HeadlessChromium.clickAndWaitForNextPage(d, wait, d.findElement(By.id(buttonId)));
    }

    private static WebElement price(String list) {
        return d.findElement(By.cssSelector("#prices input[data-list='" + list + "']"));
    }

    private static String ean13(String twelve) {
        return twelve + ItemRules.checkDigit(twelve);
    }

    private static String apiToken(String email, String password) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).path("token").asText();
    }

    private static void signIn(String email, String password) {
        HeadlessChromium.signIn(d, wait, base, email, password);
    }

    private static void shot(String name) throws Exception {
        HeadlessChromium.shot(d, SCREENS, name);
    }
}
