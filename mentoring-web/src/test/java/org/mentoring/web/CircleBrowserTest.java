package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

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
class CircleBrowserTest extends BrowserSupport {

    private static final int PHONE = 390;
    private static final String PASSWORD = "circle-browser-2026";
    private static final List<WeeklySlot> TUESDAY_UTC = List.of(WeeklySlot.parse("TUE 14:00-15:00"));

    @Autowired
    MentorService mentors;
    @Autowired
    RequestService requests;
    @Autowired
    AccountService accounts;
    @Autowired
    LifecycleService lifecycle;

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
        waiting(Duration.ofSeconds(90)).until(d -> !d.findElements(By.id("tab-circles")).isEmpty()
                        && "Completed".equals(d.findElement(By.id("run-state")).getText().trim()));
        String runId = driver.getCurrentUrl().replaceAll(".*/admin/runs/([^/?#]+).*", "$1");
        clickToNextPage(driver.findElement(By.id("tab-circles")));
        waiting().until(d -> d.getCurrentUrl().endsWith("/circles"));
        assertThat(text(By.id("circle-heading-1"))).isEqualTo("Circle 1: led by Amara Okafor");
        assertThat(text(By.cssSelector("#circle-1 .members")))
                .contains("Nia Wanjiru", "Kofi Mensah", "Lina Haddad");
        assertThat(text(By.cssSelector("#circle-1 .meeting"))).contains("Tue 14:00-15:00 UTC");
        fitsPhone(PHONE, "circles-phone");
        violations.addAll(axe("/admin/runs/" + runId + "/circles"));

        // publishes after the confirmation
        driver.get(url("/admin/runs/" + runId));
        clickToNextPage(driver.findElement(By.id("publish")));
        waiting().until(d -> d.getCurrentUrl().endsWith("/publish"));
        clickToNextPage(driver.findElement(By.id("publish-confirm")));
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
        clickToNextPage(driver.findElement(By.cssSelector("#offer-" + seat + " form[action$='/accept'] button")));
        waiting().until(d -> d.findElement(By.cssSelector("#offer-" + seat + " .badge")).getText()
                .equals("Seat confirmed"));
        assertThat(lifecycle.get(seat).status()).isEqualTo(OfferStatus.ACCEPTED);

        assertThat(violations).isEmpty();
    }
}
