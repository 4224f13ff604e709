package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mentoring.accounts.AccountService;
import org.mentoring.accounts.Role;
import org.mentoring.lifecycle.LifecycleService;
import org.mentoring.lifecycle.Offer;
import org.mentoring.matching.model.OfferStatus;
import org.mentoring.people.Mentor;
import org.mentoring.people.RequestFormat;
import org.mentoring.people.WeeklySlot;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Mentoring circles in a real browser (Debian's Chromium, headless, set up as in {@link CoordinatorJourneyBrowserTest}):
 * on a small community a coordinator starts a run with "Form circles", reads the circle's members by name on its
 * Circles page (which fits a 390 px wide phone) and publishes; a member signs in, reads the seat offer with the
 * meeting in her own zone and accepts it. axe-core finds no serious or critical violation on the Circles page and
 * the seat offer page. Skipped, with a message, where Chromium or ChromeDriver is not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mentoring.embedded-in-memory=true", "mentoring.demo-data=false", Http.ADMIN_EMAIL_PROPERTY,
            Http.ADMIN_PASSWORD_PROPERTY, "spring.application.name=circle-browser"})
class CircleBrowserTest {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final int PHONE = 390;
    private static final String PASSWORD = "circle-browser-2026";
    private static final List<WeeklySlot> TUESDAY_UTC = List.of(WeeklySlot.parse("TUE 14:00-15:00"));

    private static ChromeDriverService service;
    private static ChromeDriver driver;

    @LocalServerPort
    int port;
    @Autowired
    MentorService mentors;
    @Autowired
    RequestService requests;
    @Autowired
    AccountService accounts;
    @Autowired
    LifecycleService lifecycle;

    @BeforeAll
    static void startBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
                "Browser tests skipped: " + CHROMIUM + " and " + CHROMEDRIVER
                        + " are needed (Debian packages chromium and chromium-driver)");
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,900");
        driver = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
    }

    @Test
    void aCoordinatorFormsAndPublishesACircleAndAMemberAcceptsHerSeat() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        mentors.upsertAll(List.of(new Mentor("m-circle", "Amara Okafor", "amara@uni.example.org", "Uni A", "NG",
                ZoneId.of("UTC"), Set.of("en"), List.of("planetary-health/climate-health"), Set.of(), 1,
                today.minusDays(30), null, TUESDAY_UTC, 1)), Set.of());
        requests.upsertAll(List.of(
                CirclePagesTest.request("r-1", "Nia Wanjiru", "Africa/Nairobi",
                        List.of(WeeklySlot.parse("TUE 17:00-18:00")), RequestFormat.CIRCLE, today),
                CirclePagesTest.request("r-2", "Kofi Mensah", "UTC", TUESDAY_UTC, RequestFormat.CIRCLE, today),
                CirclePagesTest.request("r-3", "Lina Haddad", "UTC", TUESDAY_UTC, RequestFormat.EITHER, today)),
                Set.of());
        accounts.createAllWithHash(List.of(new AccountService.NewAccount("r-1@lab.example.org", "Nia Wanjiru",
                Role.RESEARCHER, null)), accounts.hash(PASSWORD));
        List<String> violations = new ArrayList<>();

        // the coordinator starts a run that forms circles, and reads its circle
        signIn(Http.ADMIN_EMAIL, Http.ADMIN_PASSWORD);
        driver.get(url("/admin/runs/new"));
        type(By.id("timeLimitSeconds"), "2");
        WebElement circles = driver.findElement(By.id("circles"));
        if (!circles.isSelected()) {
            circles.click();
        }
        driver.findElement(By.id("start-run")).click();
        new WebDriverWait(driver, Duration.ofSeconds(90), POLL).ignoring(StaleElementReferenceException.class)
                .until(d -> !d.findElements(By.id("tab-circles")).isEmpty()
                        && "Completed".equals(d.findElement(By.id("run-state")).getText().trim()));
        String runId = driver.getCurrentUrl().replaceAll(".*/admin/runs/([^/?#]+).*", "$1");
        driver.findElement(By.id("tab-circles")).click();
        waiting().until(d -> d.getCurrentUrl().endsWith("/circles"));
        assertThat(text(By.id("circle-heading-1"))).isEqualTo("Circle 1: led by Amara Okafor");
        assertThat(text(By.cssSelector("#circle-1 .members")))
                .contains("Nia Wanjiru", "Kofi Mensah", "Lina Haddad");
        assertThat(text(By.cssSelector("#circle-1 .meeting"))).contains("Tue 14:00-15:00 UTC");
        fitsPhone("circles-phone");
        violations.addAll(axe("/admin/runs/" + runId + "/circles"));

        // publishes after the confirmation
        driver.get(url("/admin/runs/" + runId));
        driver.findElement(By.id("publish")).click();
        waiting().until(d -> d.getCurrentUrl().endsWith("/publish"));
        driver.findElement(By.id("publish-confirm")).click();
        waiting().until(d -> d.findElement(By.id("publish-notice")).getText().startsWith("Published"));

        // the member signs in and reads her seat offer, the meeting in her own zone
        driver.manage().deleteAllCookies();
        signIn("r-1@lab.example.org", PASSWORD);
        String seat = lifecycle.forRequests(Set.of("r-1")).stream().map(Offer::id)
                .filter(id -> id.startsWith("seat-")).findFirst().orElseThrow();
        driver.get(url("/my-request"));
        By offer = By.id("offer-" + seat);
        assertThat(text(offer)).contains("A seat in a mentoring circle led by", "Amara Okafor")
                .contains("Tue 17:00-18:00 your time (Nairobi, ")
                .contains("Kofi Mensah (Lab r-2)", "Lina Haddad (Lab r-3)")
                .doesNotContain("Africa/Nairobi");
        screenshot("circle-seat-offer");
        violations.addAll(axe("/my-request"));
        driver.findElement(By.cssSelector("#offer-" + seat + " form[action$='/accept'] button")).click();
        waiting().until(d -> d.findElement(By.cssSelector("#offer-" + seat + " .badge")).getText()
                .equals("Both accepted"));
        assertThat(lifecycle.get(seat).status()).isEqualTo(OfferStatus.ACCEPTED);

        assertThat(violations).isEmpty();
    }

    private void signIn(String email, String password) {
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.get(url("/sign-in"));
        type(By.id("email"), email);
        type(By.id("password"), password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waiting().until(d -> !d.getCurrentUrl().contains("/sign-in"));
    }

    /** axe-core's serious and critical WCAG 2.1 A and AA violations on a page, one line each (as BrowserTest). */
    private List<String> axe(String path) {
        driver.get(url(path));
        com.deque.html.axecore.results.Results results = new com.deque.html.axecore.selenium.AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
        return results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(rule -> path + ": " + rule.getId() + " (" + rule.getImpact() + ", " + rule.getNodes().size()
                        + "): " + rule.getHelp() + " at " + rule.getNodes().stream().limit(4)
                        .map(node -> String.valueOf(node.getTarget())).toList())
                .toList();
    }

    /** The page as it stands on a 390 px wide phone: saved, and nothing wider than the screen. */
    private void fitsPhone(String name) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", PHONE, "height", 800, "deviceScaleFactor", 1, "mobile", true));
        try {
            JavascriptExecutor js = driver;
            waiting().until(d -> ((Number) js.executeScript("return window.innerWidth")).longValue() == PHONE);
            long width = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
            screenshot(name);
            assertThat(width).as("page width of %s on a %d px phone", driver.getCurrentUrl(), PHONE)
                    .isLessThanOrEqualTo(PHONE);
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private static FluentWait<WebDriver> waiting() {
        return new WebDriverWait(driver, WAIT, POLL).ignoring(StaleElementReferenceException.class);
    }

    private void type(By by, String value) {
        WebElement element = driver.findElement(by);
        element.clear();
        element.sendKeys(value);
    }

    private String text(By by) {
        return waiting().until(d -> d.findElement(by)).getText().trim();
    }

    private void screenshot(String name) {
        try {
            Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
