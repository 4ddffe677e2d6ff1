package dev.tillsync.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.server.ServerOptions;
import dev.tillsync.server.TillServer;
import dev.tillsync.server.master.staff.StaffService;
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

/** The staff and settings pages in a real headless Chromium against a real server, as a manager and an admin use them. */
class StaffBrowserTest {
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
    void aManagerCreatesACashierWithAPinOnATillWithReprintAndMorningAndAStaleEditIsRefused() throws Exception {
        signIn("manager@demo.shop", "manager-pass");
        d.get(base + "/console/staff");
        shot("staff");
        d.findElement(By.name("name")).sendKeys("Lina Park");
        d.findElement(By.name("pin")).sendKeys("4321");
        WebElement row = d.findElement(By.cssSelector(".till-row[data-till='POS-0001']"));
        row.findElement(By.cssSelector("input[name='till']")).click();
        row.findElement(By.cssSelector("input[name='reprint.POS-0001']")).click();
        row.findElement(By.cssSelector("input[name='shift.POS-0001'][value='Morning']")).click();
        d.findElement(By.cssSelector("#cashier-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/console/staff/lina.park"));
        assertThat(d.findElement(By.cssSelector(".notice.ok")).getText()).contains("Cashier saved");
        assertThat(d.findElement(By.name("pin")).getAttribute("value")).isEmpty();
        assertThat(d.getPageSource()).doesNotContain("4321");
        shot("staff-form");

        StaffService.Cashier c = server.services().staff().get("lina.park");
        assertThat(c.hasPin()).isTrue();
        assertThat(c.tills()).hasSize(1);
        assertThat(c.tills().get(0).posId()).isEqualTo("POS-0001");
        assertThat(c.tills().get(0).canReprint()).isTrue();
        assertThat(c.tills().get(0).canConfigurePos()).isFalse();
        assertThat(c.tills().get(0).shiftTypes()).containsExactly("Morning");

        // Someone else changes the cashier while this form is open: saving it says so and changes nothing.
        server.services().staff().update("test", "lina.park", new StaffService.Spec("Lina Parker", null, null, null, c.version()));
        WebElement name = d.findElement(By.name("name"));
        name.clear();
        name.sendKeys("Lina P.");
        d.findElement(By.cssSelector("#cashier-form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice.error")));
        assertThat(d.findElement(By.cssSelector(".notice.error")).getText()).contains("changed by someone else");
        assertThat(server.services().staff().get("lina.park").name()).isEqualTo("Lina Parker");
    }

    @Test
    void editingAProfilesReceiptHeaderChangesTheDevicesProfileKeyOnTheDevicePage() throws Exception {
        signIn("manager@demo.shop", "manager-pass");
        d.get(base + "/console/devices/POS-0001");
        String before = d.findElement(By.id("profilePlk")).getAttribute("value");
        d.get(base + "/console/profiles");
        shot("profiles");
        d.findElement(By.linkText("Main Store")).click();
        WebElement header = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("receiptHeader")));
        header.clear();
        header.sendKeys("Demo Shop - thank you for visiting");
        d.findElement(By.cssSelector("#profile-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("saved=1"));
        assertThat(d.findElement(By.cssSelector(".notice.ok")).getText()).contains("Profile saved");
        shot("profile-form");
        assertThat(server.services().profiles().get("Main Store").receiptHeader()).isEqualTo("Demo Shop - thank you for visiting");
        d.get(base + "/console/devices/POS-0001");
        String after = d.findElement(By.id("profilePlk")).getAttribute("value");
        assertThat(after).isNotEqualTo(before).isEqualTo(server.services().profiles().get("Main Store").profileKey());
    }

    @Test
    void aSystemManagerSetsTheShopTimeZone() throws Exception {
        signIn("admin@demo.shop", "admin-pass");
        d.get(base + "/console/settings");
        new Select(d.findElement(By.id("timeZone"))).selectByVisibleText("Asia/Riyadh");
        d.findElement(By.cssSelector("#settings-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("saved=1"));
        assertThat(server.services().settings().timeZone().getId()).isEqualTo("Asia/Riyadh");
        shot("settings");
    }

    private static void signIn(String email, String password) {
        HeadlessChromium.signIn(d, wait, base, email, password);
    }

    private static void shot(String name) throws Exception {
        HeadlessChromium.shot(d, SCREENS, name);
    }
}
