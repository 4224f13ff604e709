package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The participants' whole journey in a real browser on a 390 px wide phone: a researcher signs up, confirms the
 * address through the emailed link, asks for a mentor with the pickers only and ranks two mentors; a mentor accepts
 * their invitation and pauses, so the first round leaves the researcher unmatched with an explanation; the mentor
 * takes new mentees again, both accept the next round's offer, the researcher sees how to reach the mentor and the
 * mentor sees their mentee; then the researcher forgets the password and sets a new one through the emailed link.
 * The coordinator's steps go through the API. Mail goes to GreenMail and is read as a person would. Every page fits
 * the phone's width; the sign-up and an acceptance are done with the keyboard alone. Skipped where Chromium or
 * ChromeDriver is missing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "mentoring.embedded-in-memory=true", "mentoring.demo-data=false", Http.ADMIN_EMAIL_PROPERTY,
    Http.ADMIN_PASSWORD_PROPERTY, "spring.application.name=participant-journey", "spring.mail.host=localhost",
    "mentoring.mail.from=mentoring@journey.example.org"})
class ParticipantJourneyBrowserTest extends BrowserSupport {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    private static final int PHONE_WIDTH = 390;

    private static final String RESEARCHER = "amani.otieno@journey.example.org";
    private static final String RESEARCHER_NAME = "Amani Otieno";
    private static final String RESEARCHER_PASSWORD = "tamarind-lantern 4821";
    private static final String NEW_PASSWORD = "juniper-harbour 9034";
    private static final String GRACE = "grace.achieng@journey.example.org";
    private static final String GRACE_NAME = "Dr. Grace Achieng";
    private static final String GRACE_PASSWORD = "copper-savanna 1177";
    private static final String ARJUN_NAME = "Dr. Arjun Rao";
    /** Codes a participant never reads: the mentors' ids and the taxonomy's. */
    private static final List<String> CODES = List.of("m-grace", "m-arjun", "r-fr", "heat-health",
            "planetary-health", "grant-writing", "POSTDOC");

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    /** The whole journey on the phone (the browser is set back to a desktop window for the next class). */
    @BeforeAll
    static void onAPhone() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", PHONE_WIDTH, "height", 844, "deviceScaleFactor", 1, "mobile", true));
    }

    @AfterAll
    static void backToTheDesktop() {
        if (driver != null) {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Test
    void aResearcherAndAMentorGoFromSignUpToAMentorshipAndAForgottenPasswordIsReset() {
        Http admin = new Http(port).asAdmin();
        Http.Answer imported = admin.postJson("/api/v1/import", """
                {"mentors": [%s, %s], "requests": [%s]}
                """.formatted(
                mentor("m-grace", GRACE_NAME, GRACE, "en", "Africa/Nairobi"),
                mentor("m-arjun", ARJUN_NAME, "arjun.rao@journey.example.org", "fr", "Europe/Paris"),
                """
                {"externalId": "r-fr", "name": "Camille Martin", "email": "camille@journey.example.org",
                 "institution": "Université de Lyon", "country": "FR", "timeZone": "Europe/Paris",
                 "careerStage": "POSTDOC", "languages": ["fr"],
                 "domains": ["planetary-health/climate-health/heat-health"], "goals": ["grant-writing"],
                 "startDate": "2027-01-01", "durationMonths": 6, "minOverlapMinutes": 60,
                 "weeklyAvailability": [{"day": "TUESDAY", "start": "08:00", "end": "11:00"}],
                 "preferredMentorIds": [], "excludedMentorIds": [], "priority": false}
                """));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);

        // the researcher signs up with the keyboard alone, then confirms the address through the emailed link
        visit("/sign-up", "journey-sign-up");
        tabUntil(active -> "name".equals(active.getAttribute("id")));
        keys(RESEARCHER_NAME, Keys.TAB, RESEARCHER, Keys.TAB, RESEARCHER_PASSWORD, Keys.ENTER);
        waiting().until(d -> d.getCurrentUrl().contains("/verify-email?sent"));
        fits("journey-verify-sent");
        assertThat(text(By.id("check-email"))).contains("We emailed a link to " + RESEARCHER);
        visit(emailedLink(RESEARCHER, "/verify-email"), "journey-verify-link");
        clickToNextPage(driver.findElement(By.id("confirm-email")));
        assertThat(text(By.id("email-confirmed"))).contains(RESEARCHER);
        fits("journey-verified");
        driver.findElement(By.linkText("Continue")).click();
        waiting().until(d -> d.getCurrentUrl().endsWith("/my-request"));
        fits("journey-request-new");

        // the request with pickers only: country, time zone by city, career stage, goals ticked, a domain from the tree
        new Select(driver.findElement(By.id("country"))).selectByVisibleText("Kenya");
        type(By.id("timeZone-filter"), "Nairobi");
        assertThat(new Select(driver.findElement(By.id("timeZone"))).getFirstSelectedOption().getText())
                .startsWith("Nairobi (Africa/Nairobi");
        new Select(driver.findElement(By.id("careerStage"))).selectByVisibleText("Postdoctoral researcher");
        assertThat(driver.findElement(By.id("languages-en")).isSelected()).isTrue();
        type(By.id("languages-filter"), "Swahi");
        driver.findElement(By.id("languages-sw")).click();
        driver.findElement(By.id("goals-grant-writing")).click();
        type(By.id("domain-filter"), "heat");
        driver.findElement(By.id("d-planetary-health--climate-health--heat-health")).click();
        assertThat(text(By.id("domain-ranking"))).contains("Heat");
        new Select(driver.findElement(By.id("slot-day-0"))).selectByValue("TUESDAY");
        type(By.id("slot-start-0"), "08:00");
        type(By.id("slot-end-0"), "10:00");
        // Grace first, then Arjun: the reverse of the directory's alphabetical order
        for (String name : List.of(GRACE_NAME, ARJUN_NAME)) {
            type(By.id("mentor-filter"), name);
            driver.findElements(By.cssSelector("#directory input.rank-pick")).stream()
                    .filter(WebElement::isDisplayed).filter(box -> name.equals(box.getAttribute("data-name")))
                    .findFirst().orElseThrow().click();
        }
        assertThat(rankedMentors()).containsExactly(GRACE_NAME, ARJUN_NAME);
        fits("journey-request-filled");
        clickToNextPage(driver.findElement(By.id("submit-request")));
        waiting().until(d -> d.getCurrentUrl().endsWith("/my-request?saved"));
        assertThat(text(By.id("request-status"))).isEqualTo("Waiting for a mentor");
        fits("journey-request-saved");

        // stored in the order picked: on the page after a reload and through the API
        visit("/my-request", "journey-request-reloaded");
        assertThat(rankedMentors()).containsExactly(GRACE_NAME, ARJUN_NAME);
        JsonNode request = researcherRequest(admin);
        String requestId = request.get("externalId").asText();
        assertThat(request.get("preferredMentorIds")).extracting(JsonNode::asText)
                .containsExactly("m-grace", "m-arjun");
        assertThat(request.get("country").asText()).isEqualTo("KE");
        assertThat(request.get("timeZone").asText()).isEqualTo("Africa/Nairobi");
        assertThat(request.get("domains")).extracting(JsonNode::asText)
                .containsExactly("planetary-health/climate-health/heat-health");
        assertThat(request.get("goals")).extracting(JsonNode::asText).containsExactly("grant-writing");
        assertThat(request.get("languages")).extracting(JsonNode::asText).containsExactlyInAnyOrder("en", "sw");
        assertThat(new Http(port).as(RESEARCHER, RESEARCHER_PASSWORD).get("/api/v1/requests/" + requestId).json()
                .get("preferredMentorIds")).extracting(JsonNode::asText).containsExactly("m-grace", "m-arjun");
        visit("/mentors", "journey-directory");
        signOut();

        // Grace accepts her invitation through the emailed link and pauses: no new mentee for a month
        Http.Answer invited = admin.postJson("/api/v1/accounts/invitations", """
                {"email": "%s", "name": "%s", "role": "MENTOR", "personExternalId": "m-grace"}
                """.formatted(GRACE, GRACE_NAME));
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        visit(emailedLink(GRACE, "/set-password"), "journey-mentor-invitation");
        type(By.id("password"), GRACE_PASSWORD);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waiting().until(d -> d.getCurrentUrl().contains("/sign-in?password-set"));
        signIn(GRACE, GRACE_PASSWORD);
        waiting().until(d -> d.getCurrentUrl().endsWith("/mentor"));
        fits("journey-mentor");
        LocalDate until = LocalDate.now().plusDays(30);
        setDate(By.id("pausedUntil"), until);
        clickToNextPage(driver.findElement(By.id("pause-save")));
        waiting().until(d -> d.getCurrentUrl().endsWith("/mentor?paused"));
        assertThat(text(By.id("paused-until"))).contains("You are paused")
                .contains(until.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy",
                        java.util.Locale.ENGLISH)));
        fits("journey-mentor-paused");

        // a round while Grace is paused and Arjun works in French only: the researcher is told why, in words
        publish(admin, completedRun(admin));
        signOut();
        signIn(RESEARCHER, RESEARCHER_PASSWORD);
        waiting().until(d -> d.getCurrentUrl().endsWith("/my-request"));
        fits("journey-request-unmatched");
        assertThat(text(By.id("unmatched"))).contains("no mentor fit your request");
        // Grace, who speaks English and works in heat and health, is named as taking a break: not "no mentor
        // shares a language with you", which a round without her would say alone
        assertThat(driver.findElements(By.cssSelector("#unmatched-reasons li"))).extracting(WebElement::getText)
                .first().asString().startsWith("1 mentor who speaks your language and works in your domain is taking"
                        + " a break from new mentees");
        assertThat(text(By.id("unmatched-reasons"))).contains("No other mentor shares a language with you")
                .doesNotContain("No mentor shares a language");
        assertThat(driver.findElements(By.cssSelector("#unmatched-widen li"))).isNotEmpty();
        signOut();

        // Grace takes new mentees again; the next round proposes her, and both accept
        signIn(GRACE, GRACE_PASSWORD);
        clickToNextPage(driver.findElement(By.id("pause-end")));
        waiting().until(d -> d.getCurrentUrl().endsWith("/mentor?paused"));
        assertThat(driver.findElements(By.id("paused-until"))).isEmpty();
        fits("journey-mentor-resumed");
        String secondRun = completedRun(admin);
        JsonNode proposal = stream(admin.get("/api/v1/matching-runs/" + secondRun + "/proposals").json()
                .get("proposals")).filter(p -> p.get("requestExternalId").asText().equals(requestId))
                .findFirst().orElseThrow();
        assertThat(proposal.get("mentorExternalId").asText()).isEqualTo("m-grace");
        publish(admin, secondRun);
        String offerId = proposal.get("id").asText();
        signOut();

        // the researcher accepts with the keyboard alone: Tab to the Accept button, then Space
        signIn(RESEARCHER, RESEARCHER_PASSWORD);
        waiting().until(d -> d.getCurrentUrl().endsWith("/my-request"));
        fits("journey-request-offer");
        assertThat(text(By.id("offer-" + offerId))).contains(GRACE_NAME);
        tabUntil(active -> ("Accept the offer with " + GRACE_NAME).equals(active.getAttribute("aria-label")));
        keys(Keys.SPACE);
        waiting().until(d -> d.findElement(By.id("offer-" + offerId)).getText().contains("Your answer: accepted"));
        fits("journey-request-accepted");
        signOut();

        signIn(GRACE, GRACE_PASSWORD);
        WebElement offer = driver.findElement(By.id("offer-" + offerId));
        assertThat(offer.getText()).contains(RESEARCHER_NAME);
        offer.findElement(By.cssSelector("form[action$='/accept'] button")).click();
        waiting().until(d -> d.findElement(By.id("offer-" + offerId)).getText().contains("Your answer: accepted"));
        fits("journey-mentor-accepted");
        visit("/mentor", "journey-mentor-mentees");
        assertThat(text(By.id("mentee-table"))).contains(RESEARCHER_NAME);
        assertThat(text(By.id("mentorships"))).contains(RESEARCHER_NAME, RESEARCHER);
        signOut();

        // the researcher's page introduces the mentor: name and email
        signIn(RESEARCHER, RESEARCHER_PASSWORD);
        waiting().until(d -> d.getCurrentUrl().endsWith("/my-request"));
        fits("journey-request-matched");
        assertThat(text(By.cssSelector("#mentorships .introduction-name"))).isEqualTo(GRACE_NAME);
        assertThat(text(By.cssSelector("#mentorships .introduction-email"))).isEqualTo(GRACE);
        signOut();

        // the password is forgotten: a link by email, a new password, and the new one signs in
        visit("/sign-in", "journey-sign-in");
        driver.findElement(By.linkText("Forgot your password?")).click();
        waiting().until(d -> d.getCurrentUrl().endsWith("/forgot-password"));
        fits("journey-forgot-password");
        type(By.id("email"), RESEARCHER);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waiting().until(d -> d.getCurrentUrl().endsWith("/forgot-password?sent"));
        fits("journey-forgot-password-sent");
        visit(emailedLink(RESEARCHER, "/set-password"), "journey-set-password");
        type(By.id("password"), NEW_PASSWORD);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waiting().until(d -> d.getCurrentUrl().contains("/sign-in?password-set"));
        fits("journey-password-set");
        signIn(RESEARCHER, NEW_PASSWORD);
        waiting().until(d -> d.getCurrentUrl().endsWith("/my-request"));
        assertThat(text(By.cssSelector("#mentorships .introduction-name"))).isEqualTo(GRACE_NAME);
        assertThat(new Http(port).as(RESEARCHER, RESEARCHER_PASSWORD).get("/api/v1/me").status())
                .as("the old password no longer works").isEqualTo(401);
        assertNoScriptErrors();
    }

    private static String mentor(String id, String name, String email, String language, String zone) {
        return """
                {"externalId": "%s", "name": "%s", "email": "%s", "institution": "Mentor University",
                 "country": "KE", "timeZone": "%s", "languages": ["%s"],
                 "domains": ["planetary-health/climate-health/heat-health"], "topics": ["grant-writing", "publishing"],
                 "capacity": 1, "availableFrom": "2026-01-01",
                 "weeklyAvailability": [{"day": "TUESDAY", "start": "08:00", "end": "11:00"}]}
                """.formatted(id, name, email, zone, language);
    }

    private JsonNode researcherRequest(Http admin) {
        return stream(admin.get("/api/v1/requests?size=50").json().get("content"))
                .filter(r -> r.get("email").asText().equals(RESEARCHER)).findFirst().orElseThrow();
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }

    private static String completedRun(Http admin) {
        Http.Answer started = admin.postJson("/api/v1/matching-runs", "{\"timeLimitSeconds\": 2}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().get("id").asText();
        await().atMost(Duration.ofSeconds(90)).until(() -> !List.of("QUEUED", "SOLVING")
                .contains(admin.get("/api/v1/matching-runs/" + id).json().get("status").asText()));
        assertThat(admin.get("/api/v1/matching-runs/" + id).json().get("status").asText()).isEqualTo("COMPLETED");
        return id;
    }

    private static void publish(Http admin, String runId) {
        Http.Answer published = admin.postJson("/api/v1/matching-runs/" + runId + "/publish", "");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
    }

    private List<String> rankedMentors() {
        return driver.findElements(By.cssSelector("#mentor-ranking li")).stream()
                .map(li -> li.getText().trim()).map(line -> line.lines().findFirst().orElse(""))
                .map(line -> line.startsWith(GRACE_NAME) ? GRACE_NAME : line.startsWith(ARJUN_NAME) ? ARJUN_NAME
                        : line)
                .toList();
    }

    /** The path and query of the newest link to this page emailed to the address, as the person would open it. */
    private String emailedLink(String email, String page) {
        Pattern link = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(page) + "\\?token=[A-Za-z0-9_-]+)");
        AtomicReference<String> found = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (MimeMessage message : MAIL.getReceivedMessages()) {
                if (message.getAllRecipients()[0].toString().equals(email)) {
                    Matcher matcher = link.matcher(body(message));
                    if (matcher.find()) {
                        found.set(matcher.group(1));
                    }
                }
            }
            return found.get() != null;
        });
        return found.get();
    }

    private static String body(MimeMessage message) throws MessagingException, IOException {
        return message.getContent().toString();
    }

    /** Goes to a page and checks that it fits the phone. */
    private void visit(String path, String screenshot) {
        driver.get(url(path));
        fits(screenshot);
    }

    /** The page shown is no wider than the phone, shows no code, and is kept as a screenshot. */
    private void fits(String name) {
        waiting().until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        long viewport = ((Number) driver.executeScript("return window.innerWidth")).longValue();
        long width = ((Number) driver.executeScript("return document.documentElement.scrollWidth")).longValue();
        screenshot(name);
        assertThat(viewport).isEqualTo(PHONE_WIDTH);
        assertThat(width).as("page width of %s on a %d px phone", driver.getCurrentUrl(), PHONE_WIDTH)
                .isLessThanOrEqualTo(PHONE_WIDTH);
        String shown = driver.findElement(By.tagName("body")).getText();
        for (String code : CODES) {
            assertThat(shown).as("%s shows the code %s", driver.getCurrentUrl(), code).doesNotContain(code);
        }
    }

    /** Presses Tab until the focused element is the one wanted (at most 80 times). */
    private void tabUntil(Predicate<WebElement> wanted) {
        for (int i = 0; i < 80; i++) {
            keys(Keys.TAB);
            if (wanted.test(driver.switchTo().activeElement())) {
                return;
            }
        }
        throw new AssertionError("80 presses of Tab never reached the control");
    }

    private static void keys(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** Types a date into a date field as a person would in an en-US browser (month, day, year). */
    private void setDate(By by, LocalDate date) {
        WebElement field = driver.findElement(by);
        field.sendKeys(date.format(java.time.format.DateTimeFormatter.ofPattern("MMddyyyy")));
        assertThat(field.getAttribute("value")).isEqualTo(date.toString());
    }
}
