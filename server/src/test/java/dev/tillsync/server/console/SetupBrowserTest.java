package dev.tillsync.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.server.ServerOptions;
import dev.tillsync.server.TillServer;
import dev.tillsync.server.catalog.ProfileRecord;
import dev.tillsync.server.master.customers.CustomerService;
import dev.tillsync.server.master.paymentmodes.PaymentModeService;
import dev.tillsync.server.master.profiles.ProfileService;
import dev.tillsync.server.master.shifttypes.ShiftTypeService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

/**
 * The setup pages (payment modes, shift types, customers, a new POS profile) in a real headless Chromium against a
 * real server, as a manager and a viewer use them: each save goes through the API's services, a refusal shows its
 * reason over the form as typed, and a stale form never overwrites someone else's change.
 */
class SetupBrowserTest {
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
    void aManagerAddsAVoucherModeAndAStaleEditKeepsWhatWasTypedAndChangesNothing() throws Exception {
        signIn("manager@demo.shop", "manager-pass");
        d.get(base + "/console/payment-modes");
        assertThat(d.findElement(By.cssSelector("#setup-nav a.active")).getText()).isEqualTo("Payment modes");
        type(By.id("name"), "Gift Voucher");
        new Select(d.findElement(By.id("type"))).selectByVisibleText("other");
        d.findElement(By.id("opensDrawer")).click();
        d.findElement(By.id("requiresReference")).click();
        d.findElement(By.cssSelector("#payment-mode-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/console/payment-modes/Gift%20Voucher?saved=1"));
        PaymentModeService.Mode m = server.services().paymentModes().get("Gift Voucher");
        assertThat(m.type()).isEqualTo("other");
        assertThat(m.opensDrawer()).isFalse();
        assertThat(m.requiresReference()).isTrue();
        shot("payment-modes");

        // The same name again is refused with the reason, the form as typed.
        d.get(base + "/console/payment-modes");
        type(By.id("name"), "Gift Voucher");
        HeadlessChromium.clickAndWaitForNextPage(d, wait, d.findElement(By.cssSelector("#payment-mode-form button[type=submit]")));
        assertThat(error()).contains("already exists");
        assertThat(d.findElement(By.id("name")).getAttribute("value")).isEqualTo("Gift Voucher");

        // Someone else changes it while this form is open.
        d.get(base + "/console/payment-modes/Gift%20Voucher");
        server.services().paymentModes().update("test", "Gift Voucher", new PaymentModeService.Spec(null, null, null, null, null, m.version()));
        new Select(d.findElement(By.id("type"))).selectByVisibleText("card");
        d.findElement(By.id("requiresReference")).click();
        HeadlessChromium.clickAndWaitForNextPage(d, wait, d.findElement(By.cssSelector("#payment-mode-form button[type=submit]")));
        assertThat(error()).contains("changed by someone else");
        assertThat(new Select(d.findElement(By.id("type"))).getFirstSelectedOption().getText()).isEqualTo("card");
        assertThat(d.findElement(By.id("requiresReference")).isSelected()).isFalse();
        assertThat(server.services().paymentModes().get("Gift Voucher").type()).isEqualTo("other");
        assertThat(server.services().paymentModes().get("Gift Voucher").requiresReference()).isTrue();
    }

    @Test
    void aManagerAddsANightShiftAndABadTimeIsRefusedOnTheForm() throws Exception {
        signIn("manager@demo.shop", "manager-pass");
        d.get(base + "/console/shift-types");
        type(By.id("name"), "Night");
        type(By.id("startTime"), "23:00");
        type(By.id("endTime"), "25:00");
        d.findElement(By.cssSelector("#shift-type-form")).submit();
        assertThat(error()).contains("25:00").contains("not a time of day");
        assertThat(d.findElement(By.id("name")).getAttribute("value")).isEqualTo("Night");
        assertThat(d.findElement(By.id("startTime")).getAttribute("value")).isEqualTo("23:00");
        assertThat(server.services().shiftTypes().list("Night", 0, 10).total()).isZero();

        type(By.id("endTime"), "07:00");
        d.findElement(By.cssSelector("#shift-type-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/console/shift-types/Night?saved=1"));
        ShiftTypeService.ShiftType t = server.services().shiftTypes().get("Night");
        assertThat(t.startTime() + "-" + t.endTime()).isEqualTo("23:00-07:00");
        assertThat(d.findElement(By.id("shift-types")).getText()).contains("Morning", "Evening", "Night");
        shot("shift-types");

        d.findElement(By.id("active")).click();
        HeadlessChromium.clickAndWaitForNextPage(d, wait, d.findElement(By.cssSelector("#shift-type-form button[type=submit]")));
        assertThat(server.services().shiftTypes().get("Night").active()).isFalse();
    }

    @Test
    void customersAreSearchedPagedCreatedWithTheNextNumberAndAStaleEditIsRefused() throws Exception {
        for (int i = 1; i <= 55; i++) {
            server.services().customers().create("test", new CustomerService.Spec("SHOP-" + String.format("%03d", i), "Regular " + String.format("%02d", i),
                    "+1 555 01" + String.format("%02d", i), null, null, null, null, null));
        }
        signIn("manager@demo.shop", "manager-pass");
        d.get(base + "/console/customers");
        // 55 shop customers and the demo's CUST-DEMO-0001 (on the tax-inclusive list)
        assertThat(d.findElement(By.id("range")).getText()).isEqualTo("1–50 of 56");
        d.findElement(By.id("next")).click();
        wait.until(ExpectedConditions.urlContains("offset=50"));
        assertThat(d.findElement(By.id("range")).getText()).isEqualTo("51–56 of 56");
        assertThat(d.findElements(By.id("next"))).isEmpty();

        d.findElement(By.id("new-customer")).click();
        wait.until(ExpectedConditions.urlContains("/console/new-customer"));
        type(By.id("name"), "Nadia Rahman");
        type(By.id("phone"), "+1 555 0107");
        type(By.id("email"), "nadia@example.com");
        type(By.id("taxNumber"), "310122393500003");
        new Select(d.findElement(By.id("priceList"))).selectByIndex(1);
        d.findElement(By.cssSelector("#customer-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/console/customers/CUST-BO-00001?saved=1"));
        assertThat(d.findElement(By.cssSelector(".notice.ok")).getText()).contains("Customer saved").contains("SHOP-007");
        assertThat(d.findElement(By.id("number")).getAttribute("readonly")).isNotNull();
        CustomerService.Customer c = server.services().customers().get("CUST-BO-00001");
        assertThat(c.name()).isEqualTo("Nadia Rahman");
        assertThat(c.taxNumber()).isEqualTo("310122393500003");
        assertThat(c.priceList()).isNotNull();
        shot("customer-form");

        // Someone else edits her while this form is open: the save says so, what was typed stays on the form.
        server.services().customers().update("test", "CUST-BO-00001", new CustomerService.Spec(null, "Nadia R.", null, null, null, null, null, c.version()));
        type(By.id("name"), "Nadia Rahman-Ali");
        HeadlessChromium.clickAndWaitForNextPage(d, wait, d.findElement(By.cssSelector("#customer-form button[type=submit]")));
        assertThat(error()).contains("changed by someone else");
        assertThat(d.findElement(By.id("name")).getAttribute("value")).isEqualTo("Nadia Rahman-Ali");
        assertThat(server.services().customers().get("CUST-BO-00001").name()).isEqualTo("Nadia R.");

        d.get(base + "/console/customers");
        type(By.id("q"), "nadia");
        d.findElement(By.cssSelector("#customer-search button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("q=nadia"));
        assertThat(d.findElement(By.id("range")).getText()).isEqualTo("1–1 of 1");
        assertThat(d.findElement(By.id("customers")).getText()).contains("CUST-BO-00001", "Nadia R.");
        d.get(base + "/console/customers?q=Regular&offset=40");
        assertThat(d.findElement(By.id("range")).getText()).isEqualTo("41–55 of 55");
        assertThat(d.findElements(By.id("previous"))).hasSize(1);
        shot("customers");
    }

    @Test
    void aManagerCreatesAPosProfileWithEverySetting() throws Exception {
        signIn("manager@demo.shop", "manager-pass");
        d.get(base + "/console/profiles");
        d.findElement(By.id("new-profile")).click();
        wait.until(ExpectedConditions.urlContains("/console/new-profile"));
        assertThat(d.findElement(By.id("currency")).getAttribute("value")).startsWith("USD, 2 decimals");
        type(By.id("name"), "Kiosk");
        for (WebElement mode : d.findElements(By.cssSelector("input[name=mode]"))) {
            if (mode.isSelected() != mode.getAttribute("value").equals("Card")) mode.click();
        }
        type(By.id("receiptHeader"), "Kiosk at the station\nPlatform 2");
        type(By.id("receiptFooter"), "Safe travels");
        type(By.id("sellerName"), "tillsync Demo Store");
        type(By.id("sellerTaxNumber"), "300000000000003");
        type(By.id("cashRounding"), "0.05");
        type(By.id("maxDiscountPercent"), "12.5");
        type(By.id("pullIntervalSeconds"), "30");
        shot("profile-new");
        d.findElement(By.cssSelector("#profile-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/console/profiles/Kiosk?saved=1"));
        ProfileRecord p = server.services().profiles().get("Kiosk");
        assertThat(p.warehouse()).isEqualTo("Main Warehouse");
        assertThat(p.paymentModes()).containsExactly("Card");
        assertThat(p.receiptHeader()).isEqualTo("Kiosk at the station\nPlatform 2");
        assertThat(p.receiptFooter()).isEqualTo("Safe travels");
        assertThat(p.sellerTaxNumber()).isEqualTo("300000000000003");
        assertThat(p.cashRoundingMinor()).isEqualTo(5);
        assertThat(p.maxDiscountBp()).isEqualTo(1250);
        assertThat(p.pullIntervalSeconds()).isEqualTo(30);
        assertThat(d.findElement(By.id("profiles")).getText()).contains("Kiosk", "Main Store");

        // Someone else changes the new profile while its form is open: the save is refused and the form keeps what was typed.
        server.services().profiles().update("test", "Kiosk", new ProfileService.Spec(null, null, null, null, null, null, "Changed elsewhere",
                null, null, null, null, null, null, null, null, p.version()));
        type(By.id("receiptFooter"), "Mind the gap");
        type(By.id("maxDiscountPercent"), "15");
        HeadlessChromium.clickAndWaitForNextPage(d, wait, d.findElement(By.cssSelector("#profile-form button[type=submit]")));
        assertThat(error()).contains("changed by someone else");
        assertThat(d.findElement(By.id("receiptFooter")).getAttribute("value")).isEqualTo("Mind the gap");
        assertThat(d.findElement(By.id("maxDiscountPercent")).getAttribute("value")).isEqualTo("15");
        assertThat(server.services().profiles().get("Kiosk").receiptFooter()).isEqualTo("Changed elsewhere");
        assertThat(server.services().profiles().get("Kiosk").maxDiscountBp()).isEqualTo(1250);

        // A profile offering no payment mode is refused, the form kept as typed.
        d.get(base + "/console/new-profile");
        type(By.id("name"), "Kiosk 2");
        type(By.id("sellerName"), "Second kiosk");
        for (WebElement mode : d.findElements(By.cssSelector("input[name=mode]"))) {
            if (mode.isSelected()) mode.click();
        }
        HeadlessChromium.clickAndWaitForNextPage(d, wait, d.findElement(By.cssSelector("#profile-form button[type=submit]")));
        assertThat(error()).contains("at least one payment mode");
        assertThat(d.findElement(By.id("name")).getAttribute("value")).isEqualTo("Kiosk 2");
        assertThat(d.findElement(By.id("sellerName")).getAttribute("value")).isEqualTo("Second kiosk");
        assertThat(server.services().profiles().list("Kiosk 2", 0, 10).total()).isZero();
    }

    @Test
    void aViewerReadsTheSetupPagesButGetsNoFormsAndAPostIsRefused() throws Exception {
        signIn("viewer@demo.shop", "viewer-pass");
        d.get(base + "/console/payment-modes");
        assertThat(d.findElement(By.id("payment-modes")).getText()).contains("Cash", "Card");
        assertThat(d.findElements(By.id("payment-mode-form"))).isEmpty();
        d.get(base + "/console/customers");
        assertThat(d.findElements(By.id("new-customer"))).isEmpty();
        d.get(base + "/console/new-profile");
        assertThat(d.findElement(By.tagName("main")).getText()).contains("needs the Accounts Manager role");
        d.get(base + "/console/shift-types/Morning");
        assertThat(d.findElement(By.cssSelector("#shift-type-form fieldset")).getAttribute("disabled")).isNotNull();
        assertThat(d.findElements(By.cssSelector("#shift-type-form button[type=submit]"))).isEmpty();
    }

    private static void type(By field, String text) {
        WebElement e = d.findElement(field);
        e.clear();
        e.sendKeys(text);
    }

    private static String error() {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice.error"))).getText();
    }

    private static void signIn(String email, String password) {
        HeadlessChromium.signIn(d, wait, base, email, password);
    }

    private static void shot(String name) throws Exception {
        HeadlessChromium.shot(d, SCREENS, name);
    }
}
