package dev.tillsync.server.console;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Debian Chromium and its driver (installed by scripts/install-test-deps.sh) in the headless window every console
 * browser test uses: 1366 × 900, a common laptop screen, so screenshots show what a manager sees there.
 */
final class HeadlessChromium {
    private HeadlessChromium() {}

    static WebDriver open() {
        ChromeOptions o = new ChromeOptions();
        o.setBinary("/usr/bin/chromium");
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1366,900");
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build(), o);
    }

    /** Signs in on the console's own form (signing out first if a session is open) and waits for the landing page. */
    static void signIn(WebDriver d, WebDriverWait wait, String base, String email, String password) {
        d.get(base + "/console/login");
        if (!d.getCurrentUrl().endsWith("/console/login")) {
            d.findElement(By.id("sign-out")).click();
            wait.until(ExpectedConditions.urlContains("/console/login"));
        }
        d.findElement(By.name("email")).sendKeys(email);
        d.findElement(By.name("password")).sendKeys(password);
        d.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.urlContains("/console/today"));
    }

    /** docs/screens/console-NAME.png of the whole page (up to 2,400 px tall), then the window back to 1366 × 900. */
    static void shot(WebDriver d, Path screens, String name) throws Exception {
        long height = (Long) ((JavascriptExecutor) d).executeScript("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
        d.manage().window().setSize(new Dimension(1366, (int) Math.max(900, Math.min(height + 140, 2400))));
        try {
            Files.write(screens.resolve("console-" + name + ".png"), ((TakesScreenshot) d).getScreenshotAs(OutputType.BYTES));
        } finally {
            d.manage().window().setSize(new Dimension(1366, 900));
        }
    }

    /**
     * Clicks a button that posts a form and waits until the answer page has replaced this one and finished loading. The
     * old page is marked with a script variable that a new page does not have; asking an element of a page being
     * replaced whether it is stale can fail with "node does not belong to the document" instead of answering, so the
     * wait never touches old elements and reads any driver error in the middle of the navigation as "not yet".
     */
    static void clickAndWaitForNextPage(WebDriver d, WebDriverWait wait, WebElement button) {
        JavascriptExecutor js = (JavascriptExecutor) d;
        js.executeScript("window.__tillsyncOldPage = true");
        button.click();
        wait.until(x -> {
            try {
                return Boolean.TRUE.equals(js.executeScript("return window.__tillsyncOldPage !== true && document.readyState === 'complete'"));
            } catch (WebDriverException midNavigation) {
                return false;
            }
        });
    }
}
