package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.deque.html.axecore.args.AxeRunOnlyOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the browser test classes share: Debian's Chromium, headless, asking for reduced motion (so no frames are spent on
 * transitions and chart animations while a test waits), driven through Debian's ChromeDriver (one browser
 * for the whole test JVM, started by the first class that needs it and quit when the JVM ends; each class starts with
 * no cookies, no emulated phone, an empty console log and a 1280 x 900 window), and the steps every journey takes:
 * signing in and out, waits that look again every 100 ms, typing, screenshots under {@code target/screenshots},
 * the console's script errors and axe-core's scan. A class is skipped, with a message, where Chromium or ChromeDriver
 * is not installed.
 */
abstract class BrowserSupport {

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Duration WAIT = Duration.ofSeconds(20);
    /** How often a wait looks again (WebDriverWait's own 500 ms adds up over the waits of a journey). */
    static final Duration POLL = Duration.ofMillis(100);
    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    /** The test JVM's browser; {@code null} until the first browser class starts it. */
    private static ChromeDriver shared;

    /** The browser of the class running now (the JVM's one browser). */
    protected static ChromeDriver driver;

    @LocalServerPort
    protected int port;

    @BeforeAll
    static void useTheBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
                "Browser tests skipped: " + CHROMIUM + " and " + CHROMEDRIVER
                        + " are needed (Debian packages chromium and chromium-driver)");
        driver = browser();
        // what an earlier class left: its cookies (every app here is on localhost), an emulated phone, log lines
        driver.get("about:blank");
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.manage().logs().get(LogType.BROWSER);
        Files.createDirectories(SCREENSHOTS);
    }

    private static synchronized ChromeDriver browser() {
        if (shared == null) {
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--window-size=1280,900", "--lang=en-US");
            // less work for the same pages: no background services a test never uses, no password manager parsing
            // each form, and the reduced motion a person can ask their system for (Pico's transitions and the
            // dashboard's chart take no frames; the pages, their layout and their checks are the same)
            options.addArguments("--force-prefers-reduced-motion", "--disable-extensions", "--disable-default-apps",
                    "--disable-client-side-phishing-detection", "--disable-hang-monitor", "--disable-breakpad",
                    "--metrics-recording-only", "--mute-audio", "--password-store=basic",
                    "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication,"
                            + "InterestFeedContentSuggestions,CalculateNativeWinOcclusion,BackForwardCache,"
                            + "SpareRendererForSitePerProcess");
            options.setExperimentalOption("prefs", Map.of("credentials_enable_service", false,
                    "profile.password_manager_enabled", false, "autofill.profile_enabled", false,
                    "autofill.credit_card_enabled", false));
            if (smallSharedMemory()) {
                options.addArguments("--disable-dev-shm-usage");
            }
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriver started = new ChromeDriver(service, options);
            // surefire may hand a JVM its classes one at a time, each run on its own: the browser outlives them all
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.quit();
                service.stop();
            }, "quit-chromium"));
            shared = started;
        }
        return shared;
    }

    /**
     * Whether /dev/shm is too small for Chromium's shared memory (a container's 64 MB): then Chromium keeps it in
     * files under /tmp instead ({@code --disable-dev-shm-usage}), which costs every frame a file write.
     */
    private static boolean smallSharedMemory() {
        try {
            return Files.getFileStore(Path.of("/dev/shm")).getTotalSpace() < 1L << 30;
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Signs in through the form and waits until the page after it. */
    void signIn(String email, String password) {
        driver.get(url("/sign-in"));
        type(By.id("email"), email);
        type(By.id("password"), password);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waiting().until(d -> !d.getCurrentUrl().contains("/sign-in"));
    }

    void signOut() {
        driver.findElement(By.cssSelector("button.sign-out")).click();
        waiting().until(d -> d.getCurrentUrl().contains("/sign-in?signed-out"));
    }

    /** A wait that reads through page loads: an element of the page that was left counts as not yet there. */
    static FluentWait<WebDriver> waiting() {
        return waiting(WAIT);
    }

    static FluentWait<WebDriver> waiting(Duration patience) {
        return new WebDriverWait(driver, patience, POLL).ignoring(StaleElementReferenceException.class);
    }

    static void type(By by, String value) {
        WebElement element = driver.findElement(by);
        element.clear();
        element.sendKeys(value);
    }

    /**
     * The element's text once it is there, trimmed. Found and read in one try of the wait, so a page that is replaced
     * between the two (a form's answer still loading) is read again rather than failing as a stale element.
     */
    static String text(By by) {
        return waiting().until(d -> d.findElement(by).getText()).trim();
    }

    /**
     * Clicks what sends a form or follows a link and waits until the browser shows the next page: until the page it
     * was on is gone. What is read next is then the answer, never the page before it (which may hold an element of
     * the same id, such as the last action's notice).
     */
    static void clickToNextPage(WebElement control) {
        WebElement page = driver.findElement(By.tagName("html"));
        control.click();
        waiting().until(ExpectedConditions.stalenessOf(page));
    }

    /**
     * Saves what the window shows as {@code target/screenshots/<name>.png}: the same PNG of the same viewport that
     * ChromeDriver's screenshot takes, but asked of Chromium with {@code optimizeForSpeed} (a faster, larger PNG: the
     * encoding was most of a screenshot's cost).
     */
    static void screenshot(String name) {
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "optimizeForSpeed", true));
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Lays the page as it stands out on a phone {@code width} px wide, saves it, and checks that nothing is wider
     * than the screen; then back to the desktop window. The page is not loaded again (it may be a form's answer).
     */
    static void fitsPhone(int width, String name) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", 800, "deviceScaleFactor", 1, "mobile", true));
        try {
            JavascriptExecutor js = driver;
            waiting().until(d -> ((Number) js.executeScript("return window.innerWidth")).longValue() == width);
            long scrolled = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
            screenshot(name);
            assertThat(scrolled).as("page width of %s on a %d px phone", driver.getCurrentUrl(), width)
                    .isLessThanOrEqualTo(width);
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    static void waitForChart(String canvasId) {
        waiting().until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return typeof Chart !== 'undefined'"
                        + " && Chart.getChart(document.querySelector('canvas[data-chart=' + arguments[0] + ']'))"
                        + " !== undefined", canvasId)));
    }

    /** Script errors and Content-Security-Policy refusals that the browser logged. */
    static void assertNoScriptErrors() {
        List<String> problems = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Uncaught"))
                .toList();
        assertThat(problems).isEmpty();
    }

    /** Loads the page and answers axe-core's serious and critical WCAG 2.1 A and AA violations on it. */
    List<String> axe(String path) {
        driver.get(url(path));
        return axeHere(path);
    }

    /**
     * axe-core's serious and critical WCAG 2.1 A and AA violations on the page shown, one line each, named by
     * {@code path}. axe runs in the page itself ("legacy mode": the pages have no frames, so the same rules on the
     * same nodes as the mode that opens a blank window and injects axe-core a second time to assemble the results of
     * frames), and sends back only the violations' nodes, not those of every rule passed.
     */
    static List<String> axeHere(String path) {
        AxeRunOnlyOptions runOnly = new AxeRunOnlyOptions();
        runOnly.setType("tag");
        runOnly.setValues(WCAG_21_AA);
        AxeRunOptions options = new AxeRunOptions();
        options.setRunOnly(runOnly);
        options.setResultTypes(List.of("violations"));
        Results results = new AxeBuilder().withOptions(options).setLegacyMode(true).analyze(driver);
        assertThat(results.isErrored()).as("axe-core ran on %s: %s", path, results.getErrorMessage()).isFalse();
        return results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(rule -> path + ": " + rule.getId() + " (" + rule.getImpact() + ", " + rule.getNodes().size()
                        + "): " + rule.getHelp() + " at " + rule.getNodes().stream().limit(4)
                        .map(node -> String.valueOf(node.getTarget())).toList())
                .toList();
    }
}
