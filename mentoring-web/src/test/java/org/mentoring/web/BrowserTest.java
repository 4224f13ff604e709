package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mentoring.matching.model.MatchingRun;
import org.mentoring.matching.run.MatchingRunService;
import org.mentoring.matching.run.RunReader;
import org.mentoring.matching.run.RunSettings;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorFilter;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.RequestFilter;
import org.mentoring.people.RequestStatus;
import org.mentoring.people.StoredMentor;
import org.mentoring.people.StoredRequest;
import org.mentoring.people.WeeklySlot;
import org.mentoring.people.input.MentorInput;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;

/**
 * Each role's main path in a real browser (Debian's Chromium, headless) against the app with the demo community:
 * a researcher submits a request, an admin imports, runs and reviews, a mentor edits their profile, and the pages
 * fit a phone. Skipped, with a message, where Chromium or ChromeDriver is not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mentoring.embedded-in-memory=true", Http.ADMIN_EMAIL_PROPERTY, Http.ADMIN_PASSWORD_PROPERTY,
            // a run searches on after its proven optimum, so that there is a long run to cancel from its page
            "mentoring.runs.search-after-proof=true"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserTest extends BrowserSupport {

    /** The demo people's password (see DemoDataLoader). */
    private static final String DEMO_PASSWORD = "demo-mentoring-2026";
    @Autowired
    MentorService mentors;
    @Autowired
    RequestService requests;
    @Autowired
    RunReader runs;
    @Autowired
    MatchingRunService launcher;
    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;
    @Autowired
    org.mentoring.lifecycle.LifecycleService lifecycle;
    @Autowired
    org.mentoring.taxonomy.TaxonomySource taxonomySource;
    @Autowired
    org.mentoring.directask.DirectAskService directAsks;

    @BeforeEach
    void startSignedOut() {
        driver.get(url("/sign-in"));
        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    @Order(1)
    void aResearcherSignsUpAndSubmitsARequest() throws IOException {
        driver.get(url("/sign-up"));
        type(By.id("name"), "Amina Wanjiru");
        type(By.id("email"), "amina@browser.example.org");
        type(By.id("password"), "Long-enough-pass-2026");
        clickToNextPage(driver.findElement(By.cssSelector("form button[type=submit]")));
        assertThat(driver.getCurrentUrl()).contains("/verify-email?sent");
        // signed in at once; until the emailed link is used, every page says to check the email
        assertThat(text(By.id("link-sent"))).contains("you are signed in");
        assertThat(text(By.id("check-email"))).contains("We emailed a link to amina@browser.example.org");
        driver.get(url("/my-request"));
        assertThat(driver.getCurrentUrl()).endsWith("/verify-email");
        driver.get(url("/verify-email?token="
                + Outbox.newestToken(mongo, "amina@browser.example.org", "/verify-email")));
        clickToNextPage(driver.findElement(By.id("confirm-email")));
        assertThat(text(By.id("email-confirmed"))).contains("amina@browser.example.org");
        driver.findElement(By.linkText("Continue")).click();
        waiting().until(d -> d.getCurrentUrl().endsWith("/my-request"));

        assertThat(driver.getCurrentUrl()).endsWith("/my-request");
        assertThat(text(By.id("offers-none"))).contains("None published yet");
        // only pickers: a time zone found by its city, a language by its name, goals ticked from the programme's list
        type(By.id("timeZone-filter"), "Nairobi");
        assertThat(new Select(driver.findElement(By.id("timeZone"))).getFirstSelectedOption().getText())
                .startsWith("Nairobi (Africa/Nairobi, UTC+3");
        type(By.id("institution"), "University of Nairobi");
        new Select(driver.findElement(By.id("careerStage"))).selectByVisibleText("Postdoctoral researcher");
        type(By.id("languages-filter"), "Swahi");
        driver.findElement(By.id("languages-sw")).click();
        driver.findElement(By.id("goals-grant-writing")).click();
        driver.findElement(By.id("goals-publishing")).click();
        // pick two domains through the search box; the second chosen then moved to the top of the ranking
        type(By.id("domain-filter"), "heat");
        driver.findElement(By.id("d-planetary-health--climate-health--heat-health")).click();
        type(By.id("domain-filter"), "air poll");
        WebElement air = driver.findElements(By.cssSelector("#domain-tree input[type=checkbox]")).stream()
                .filter(WebElement::isDisplayed).filter(box -> box.getAttribute("value").endsWith("air-pollution"))
                .findFirst().orElseThrow();
        air.click();
        List<WebElement> ranked = driver.findElements(By.cssSelector("#domain-ranking li"));
        assertThat(ranked).hasSize(2);
        ranked.get(1).findElements(By.tagName("button")).get(0).click();
        // two weekly windows: fill the first row, add a second
        new Select(driver.findElement(By.id("slot-day-0"))).selectByValue("TUESDAY");
        type(By.id("slot-start-0"), "08:00");
        type(By.id("slot-end-0"), "10:00");
        driver.findElement(By.cssSelector("button.add-slot")).click();
        List<WebElement> days = driver.findElements(By.name("slotDay"));
        new Select(days.get(1)).selectByValue("THURSDAY");
        driver.findElements(By.name("slotStart")).get(1).sendKeys("14:00");
        driver.findElements(By.name("slotEnd")).get(1).sendKeys("16:30");
        // two preferred mentors found in the directory by name: the later in the directory's order picked first
        List<Mentor> two = mentors.find(MentorFilter.ALL, PageRequest.of(0, 2, org.springframework.data.domain.Sort
                .by("name"))).getContent().stream().map(StoredMentor::mentor).toList();
        Mentor wanted = two.get(1);
        Mentor second = two.get(0);
        for (Mentor pick : List.of(wanted, second)) {
            type(By.id("mentor-filter"), pick.name());
            assertThat(driver.findElements(By.cssSelector("#directory > li")).stream().filter(WebElement::isDisplayed))
                    .hasSize(1);
            assertThat(driver.findElement(By.id("directory")).getText()).doesNotContain(pick.email());
            driver.findElement(By.id("prefer-" + pick.externalId())).click();
        }
        assertThat(text(By.id("mentor-ranking"))).startsWith(wanted.name());
        // the country is missing: the form says so in words, beside the field and in a summary that takes focus
        driver.findElement(By.id("submit-request")).click();
        assertThat(text(By.id("country-error"))).isEqualTo("Choose your country");
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("error-summary");
        assertThat(text(By.id("error-summary"))).contains("Choose your country");
        WebElement country = driver.findElement(By.id("country"));
        assertThat(country.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(country.getAttribute("aria-describedby")).isEqualTo("country-error");
        screenshot("request-invalid");

        new Select(driver.findElement(By.id("country"))).selectByVisibleText("Kenya");
        clickToNextPage(driver.findElement(By.id("submit-request")));

        assertThat(text(By.cssSelector("[role=status]"))).contains("saved");
        assertThat(text(By.id("request-status"))).isEqualTo("Waiting for a mentor");
        driver.manage().window().setSize(new Dimension(1280, 2400));
        screenshot("request");
        StoredRequest stored = requests.find(RequestFilter.ALL.ownedBy("amina@browser.example.org"),
                PageRequest.of(0, 5)).getContent().get(0);
        MentorshipRequest request = stored.request();
        assertThat(stored.status()).isEqualTo(RequestStatus.OPEN);
        assertThat(request.country()).isEqualTo("KE");
        assertThat(request.timeZone().getId()).isEqualTo("Africa/Nairobi");
        assertThat(request.domains()).hasSize(2);
        assertThat(request.domains().get(0)).endsWith("air-pollution");
        assertThat(request.domains().get(1)).endsWith("heat-health");
        assertThat(request.weeklyAvailability()).containsExactly(WeeklySlot.parse("TUE 08:00-10:00"),
                WeeklySlot.parse("THU 14:00-16:30"));
        assertThat(request.preferredMentorIds()).containsExactly(wanted.externalId(), second.externalId());
        assertThat(request.languages()).containsExactlyInAnyOrder("en", "sw");
        assertThat(request.goals()).containsExactlyInAnyOrder("grant-writing", "publishing");
        assertNoScriptErrors();

        // a researcher has no mentor profile and no admin pages
        driver.get(url("/mentor"));
        assertThat(driver.getCurrentUrl()).endsWith("/my-request");
        driver.get(url("/admin"));
        assertThat(driver.getPageSource()).contains("403").doesNotContain("open requests");
    }

    @Test
    @Order(2)
    void anAdminImportsRunsWatchesAndReviews() throws IOException {
        signIn(Http.ADMIN_EMAIL, Http.ADMIN_PASSWORD);
        assertThat(driver.getCurrentUrl()).endsWith("/admin");
        assertThat(Integer.parseInt(text(By.id("stat-open")))).isGreaterThan(100);
        assertThat(Integer.parseInt(text(By.id("stat-mentors")))).isGreaterThan(40);
        waitForChart("demand");
        // the browser asks for less motion (BrowserSupport): the chart is drawn at once, not grown over a second
        assertThat(driver.executeScript("return Chart.getChart(document.querySelector('canvas[data-chart=demand]'))"
                + ".options.animation")).isEqualTo(false);
        screenshot("dashboard");

        // a file with a wrong row is rejected whole, with the row named
        driver.get(url("/admin/import"));
        Path bad = csv("bad-mentors", "m-web-1,Dr Web One,web1@example.org,Uni,CA,America/Vancouver,en,"
                + "planetary-health/climate-health,grant-writing,2,2026-01-01,,MON 09:00-11:00\n"
                + "m-web-2,Dr Web Two,web2@example.org,Uni,CA,Mars/Olympus,en,planetary-health/climate-health,,1,"
                + "2026-01-01,,MON 09:00-11:00\n");
        driver.findElement(By.id("mentors-file")).sendKeys(bad.toAbsolutePath().toString());
        driver.findElement(By.id("import-submit")).click();
        assertThat(text(By.id("report-heading"))).contains("Rejected");
        assertThat(text(By.id("rejections"))).contains("line 3", "Mars/Olympus");
        screenshot("import-rejected");
        assertThat(mentors.find("m-web-1")).isEmpty();
        Path good = csv("good-mentors", "m-web-1,Dr Web One,web1@example.org,Uni,CA,America/Vancouver,en,"
                + "planetary-health/climate-health,grant-writing,2,2026-01-01,,MON 09:00-11:00\n");
        driver.findElement(By.id("mentors-file")).sendKeys(good.toAbsolutePath().toString());
        driver.findElement(By.id("import-submit")).click();
        waiting().until(d -> d.findElement(By.id("report-heading")).getText().equals("Imported"));
        assertThat(mentors.find("m-web-1")).isPresent();

        // a short run, watched until it completes
        driver.get(url("/admin/runs/new"));
        assertThat(driver.findElements(By.cssSelector("input.weight-slider"))).hasSize(7);
        type(By.id("timeLimitSeconds"), "3");
        clickToNextPage(driver.findElement(By.id("start-run")));
        assertThat(driver.getCurrentUrl()).contains("/admin/runs/");
        new WebDriverWait(driver, Duration.ofSeconds(60), POLL)
                .until(d -> !d.findElements(By.id("proposals-section")).isEmpty());
        assertThat(text(By.id("run-state"))).isEqualTo("Completed");
        // a summary and the score in words on top; the proposals a page of 25 at a time, the unmatched on their tab
        assertThat(text(By.id("run-score-words"))).contains("quality");
        assertThat(text(By.id("summary-matched"))).contains("requests matched");
        List<WebElement> rows = driver.findElements(By.cssSelector("#proposals tbody tr"));
        assertThat(rows).hasSize(25);
        assertThat(Integer.parseInt(text(By.id("tab-proposals")).replaceAll("\\D", ""))).isGreaterThan(50);
        assertThat(driver.findElements(By.id("unmatched-section"))).isEmpty();
        assertThat(driver.findElement(By.id("export-csv")).getAttribute("href")).endsWith("/proposals.csv");
        waitForChart("score");
        driver.manage().window().setSize(new Dimension(1280, 1500));
        screenshot("run");

        // sorted by affinity, highest first after two clicks; then filtered by one mentor's id
        WebElement affinity = driver.findElements(By.cssSelector("#proposals thead button.sort")).get(2);
        affinity.click();
        affinity.click();
        List<Integer> affinities = driver.findElements(By.cssSelector("#proposals tbody tr td:nth-child(3)"))
                .stream().map(cell -> Integer.parseInt(cell.getText().trim())).toList();
        assertThat(affinities).isSortedAccordingTo((a, b) -> b - a);
        String mentorId = driver.findElement(By.cssSelector("#proposals tbody tr td:nth-child(2) small")).getText();
        type(By.id("proposal-filter"), mentorId);
        List<WebElement> shown = driver.findElements(By.cssSelector("#proposals tbody tr")).stream()
                .filter(WebElement::isDisplayed).toList();
        assertThat(shown).isNotEmpty().hasSizeLessThan(rows.size());
        assertThat(shown).allSatisfy(row -> assertThat(row.getText()).contains(mentorId));
        // the search goes to the server: every proposal of that mentor, on every page
        clickToNextPage(driver.findElement(By.id("proposal-search-submit")));
        waiting().until(d -> d.getCurrentUrl().contains("q="));
        assertThat(driver.findElements(By.cssSelector("#proposals tbody tr")))
                .isNotEmpty().allSatisfy(row -> assertThat(row.getText()).contains(mentorId));
        driver.findElement(By.id("tab-unmatched")).click();
        waiting().until(d -> !d.findElements(By.id("unmatched-section")).isEmpty());

        // a long run cancelled from its page (an htmx POST with the page's CSRF token)
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.get(url("/admin/runs/new"));
        type(By.id("timeLimitSeconds"), "600");
        clickToNextPage(driver.findElement(By.id("start-run")));
        waiting().until(d -> d.findElement(By.id("run-state")).getText().equals("Solving"));
        waiting().until(d -> Double.parseDouble(d.findElement(By.id("run-progress")).getAttribute("value")) > 0);
        screenshot("run-live");
        // the live part of the page is swapped every poll: a button found just before a swap is clicked again
        waiting().until(d -> {
            d.findElement(By.id("cancel-run")).click();
            return true;
        });
        waiting().until(d -> !d.findElements(By.id("proposals-section")).isEmpty());
        assertThat(text(By.id("run-state"))).isEqualTo("Cancelled");

        driver.get(url("/admin/runs"));
        assertThat(text(By.id("runs"))).contains("Completed", "Cancelled").doesNotContain("COMPLETED", "CANCELLED");
        assertNoScriptErrors();
    }

    @Test
    @Order(3)
    void aMentorEditsTheirProfileAndIsToldOfAStaleSave() throws IOException {
        StoredMentor demo = mentors.find(MentorFilter.ALL, PageRequest.of(0, 1)).getContent().get(0);
        signIn(demo.mentor().email(), DEMO_PASSWORD);
        assertThat(driver.getCurrentUrl()).endsWith("/mentor");
        assertThat(driver.findElement(By.id("name")).getAttribute("value")).isEqualTo(demo.mentor().name());

        for (WebElement topic : driver.findElements(By.cssSelector("#topics input[type=checkbox]"))) {
            boolean wanted = List.of("grant-writing", "fieldwork").contains(topic.getAttribute("value"));
            if (topic.isSelected() != wanted) {
                topic.click();
            }
        }
        type(By.id("capacity"), "4");
        clickToNextPage(driver.findElement(By.id("save-profile")));
        assertThat(text(By.id("saved-notice"))).contains("saved");
        screenshot("mentor");
        Mentor saved = mentors.get(demo.mentor().externalId()).mentor();
        assertThat(saved.topics()).containsExactlyInAnyOrder("grant-writing", "fieldwork");
        assertThat(saved.capacity()).isEqualTo(4);

        // someone else saves in between: this save is refused with a message, nothing overwritten
        StoredMentor current = mentors.get(saved.externalId());
        mentors.update(saved.externalId(), MentorInput.of(new Mentor(saved.externalId(), saved.name(),
                saved.email(), saved.institution(), saved.country(), saved.timeZone(), saved.languages(),
                saved.domains(), saved.topics(), 5, saved.availableFrom(), saved.availableUntil(),
                saved.weeklyAvailability())), current.version());
        type(By.id("capacity"), "1");
        clickToNextPage(driver.findElement(By.id("save-profile")));
        assertThat(text(By.id("form-error"))).contains("changed elsewhere");
        assertThat(mentors.get(saved.externalId()).mentor().capacity()).isEqualTo(5);
        assertNoScriptErrors();
    }

    @Test
    @Order(4)
    void theMainPagesFitAPhoneScreen() throws InterruptedException {
        String runId = completedRun();
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 360, "height", 740, "deviceScaleFactor", 1, "mobile", true));
        try {
            fitsPhone("/sign-in", "phone-sign-in");
            MentorshipRequest researcher = requests.withStatus(RequestStatus.OPEN).get(0);
            signIn(researcher.email(), DEMO_PASSWORD);
            fitsPhone("/my-request", "phone-request");
            fitsPhone("/mentors", "phone-directory");
            fitsPhone("/account/password", "phone-password");
            signOut();
            fitsPhone("/sign-up", "phone-sign-up");
            fitsPhone("/forgot-password", "phone-forgot-password");
            fitsPhone("/verify-email?token=no-such-link", "phone-verify-email");
            signIn(mentors.find(MentorFilter.ALL, PageRequest.of(1, 1)).getContent().get(0).mentor().email(),
                    DEMO_PASSWORD);
            fitsPhone("/mentor", "phone-mentor");
            signOut();
            signIn(Http.ADMIN_EMAIL, Http.ADMIN_PASSWORD);
            fitsPhone("/admin", "phone-dashboard");
            fitsPhone("/admin/import", "phone-import");
            fitsPhone("/admin/runs/new", "phone-run-new");
            fitsPhone("/admin/runs", "phone-runs");
            fitsPhone("/admin/runs/" + runId, "phone-run");
            fitsPhone("/admin/runs/" + runId + "?tab=unmatched", "phone-run-unmatched");
            fitsPhone("/admin/runs/" + runId + "/publish", "phone-run-publish");
            fitsPhone("/admin/runs/" + runId + "/requests/" + runs.proposals(runId).proposals().get(0)
                    .requestExternalId(), "phone-run-request");
            fitsPhone("/admin/runs/" + runId + "/analytics", "phone-analytics");
            fitsPhone("/admin/backup", "phone-backup");
            String requestId = requests.withStatus(RequestStatus.OPEN).get(0).externalId();
            String mentorId = mentors.find(MentorFilter.ALL, PageRequest.of(0, 1)).getContent().get(0).mentor()
                    .externalId();
            fitsPhone("/admin/requests", "phone-requests");
            fitsPhone("/admin/requests/" + requestId, "phone-request-page");
            fitsPhone("/admin/mentors", "phone-mentors");
            fitsPhone("/admin/mentors/" + mentorId, "phone-mentor-page");
            fitsPhone("/admin/accounts", "phone-accounts");
            fitsPhone("/admin/mentorships", "phone-mentorships");
            fitsPhone("/admin/audit", "phone-audit");
            fitsPhone("/admin/runs/" + runId + "/analytics", "phone-analytics");
            fitsPhone("/admin/invitations", "phone-invitations");
            fitsPhone("/admin/deliveries", "phone-deliveries");
            fitsPhone("/admin/settings", "phone-settings");
            fitsPhone("/admin/direct-asks", "phone-direct-asks");
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Test
    @Order(5)
    void anAdminPublishesAndAMentorAcceptsTheirOffer() throws InterruptedException {
        String runId = completedRun();
        signIn(Http.ADMIN_EMAIL, Http.ADMIN_PASSWORD);
        driver.get(url("/admin/runs/" + runId));
        clickToNextPage(driver.findElement(By.id("publish")));
        // the confirmation step: how many people are told and the message one of them gets
        assertThat(text(By.id("publish-count"))).contains("researchers", "mentors");
        assertThat(text(By.id("preview-subject"))).isNotEmpty();
        screenshot("run-publish");
        clickToNextPage(driver.findElement(By.id("publish-confirm")));
        waiting().until(d -> d.findElement(By.id("publish-notice")).getText().startsWith("Published"));
        assertThat(driver.findElements(By.id("published-at"))).isNotEmpty();
        driver.get(url("/admin/runs/" + runId + "/analytics"));
        assertThat(text(By.id("equity-heading"))).isEqualTo("Equity report");
        signOut();

        // a demo mentor (with a password; mentors the tests import wait for an invitation) named in an offer
        org.mentoring.matching.model.Proposal offered = runs.proposals(runId).proposals().stream()
                .filter(proposal -> proposal.mentorExternalId().startsWith("m-0")).findFirst().orElseThrow();
        signIn(mentors.find(offered.mentorExternalId()).orElseThrow().mentor().email(), DEMO_PASSWORD);
        assertThat(driver.getCurrentUrl()).endsWith("/mentor");
        WebElement offer = driver.findElement(By.id("offer-" + offered.id()));
        assertThat(offer.getText()).contains(requests.find(offered.requestExternalId()).orElseThrow()
                .request().name());
        screenshot("mentor-offer");
        offer.findElement(By.cssSelector("form[action$='/accept'] button")).click();
        waiting().until(d -> d.findElement(By.cssSelector("p.notice")).getText().startsWith("You accepted"));
        assertThat(driver.findElement(By.id("offer-" + offered.id())).getText()).contains("Your answer: accepted");
        assertNoScriptErrors();
    }

    @Test
    @Order(6)
    void aResearcherWhoForgotTheirPasswordChoosesANewOneThroughTheEmailedLink() {
        String email = requests.withStatus(RequestStatus.OPEN).get(1).email();
        driver.get(url("/sign-in"));
        driver.findElement(By.linkText("Forgot your password?")).click();
        type(By.id("email"), email);
        clickToNextPage(driver.findElement(By.cssSelector("form button[type=submit]")));
        waiting().until(d -> d.getCurrentUrl().endsWith("/forgot-password?sent"));
        assertThat(text(By.cssSelector("main p[role=status]")))
                .startsWith("If an account has this address, we emailed it a link");
        screenshot("forgot-password");

        driver.get(url("/set-password?token=" + Outbox.newestToken(mongo, email, "/set-password")));
        type(By.id("password"), "Freshly-chosen-pass-2027");
        clickToNextPage(driver.findElement(By.cssSelector("form button[type=submit]")));
        waiting().until(d -> d.getCurrentUrl().contains("/sign-in?password-set"));
        signIn(email, "Freshly-chosen-pass-2027");
        assertThat(driver.getCurrentUrl()).endsWith("/my-request");
        assertNoScriptErrors();
    }

    @Test
    @Order(7)
    void everyPageHasNoSeriousOrCriticalAccessibilityViolation() throws InterruptedException {
        // the scan sees a critical violation where there is one: an image without a text alternative
        driver.get("data:text/html,<html lang=en><title>Scan</title><main><img src=none.png></main></html>");
        assertThat(axeHere("an image without alt")).anySatisfy(line -> assertThat(line).contains("image-alt"));
        String runId = completedRun();
        List<String> violations = new java.util.ArrayList<>();
        for (String path : List.of("/sign-in", "/sign-up", "/forgot-password", "/verify-email",
                "/verify-email?token=no-such-link", "/set-password?token=no-such-link")) {
            violations.addAll(axe(path));
        }
        MentorshipRequest researcher = requests.withStatus(RequestStatus.OPEN).stream()
                .filter(r -> r.email().endsWith(DEMO_DOMAIN)).skip(2).findFirst().orElseThrow();
        signIn(researcher.email(), DEMO_PASSWORD);
        for (String path : List.of("/my-request", "/mentors", "/account/password")) {
            violations.addAll(axe(path));
        }
        signOut();
        signIn(mentors.find(MentorFilter.ALL, PageRequest.of(2, 1)).getContent().get(0).mentor().email(),
                DEMO_PASSWORD);
        violations.addAll(axe("/mentor"));
        signOut();
        signIn(Http.ADMIN_EMAIL, Http.ADMIN_PASSWORD);
        String requestId = requests.withStatus(RequestStatus.OPEN).get(0).externalId();
        String mentorId = mentors.find(MentorFilter.ALL, PageRequest.of(0, 1)).getContent().get(0).mentor()
                .externalId();
        for (String path : List.of("/admin", "/admin/import", "/admin/runs", "/admin/runs/new", "/admin/runs/" + runId,
                "/admin/runs/" + runId + "/analytics", "/admin/backup", "/admin/invitations", "/admin/deliveries",
                "/admin/requests", "/admin/requests/" + requestId, "/admin/mentors", "/admin/mentors/" + mentorId,
                "/admin/accounts", "/admin/mentorships", "/admin/audit", "/admin/settings", "/admin/direct-asks")) {
            violations.addAll(axe(path));
        }
        assertThat(violations).as("serious or critical WCAG 2.1 A/AA violations").isEmpty();
    }

    @Test
    @Order(8)
    void noParticipantPageShowsACodeAnIdOrAnEnumName() throws InterruptedException {
        String runId = completedRun();
        lifecycle.publish(runId, Http.ADMIN_EMAIL, "127.0.0.1");
        var result = runs.proposals(runId);
        List<org.mentoring.lifecycle.Offer> waiting = result.proposals().stream()
                .map(proposal -> lifecycle.get(proposal.id()))
                .filter(offer -> offer.status() == org.mentoring.matching.model.OfferStatus.OFFERED
                        && offer.researcherAnswer() == null && offer.mentorAnswer() == null
                        && offer.mentorExternalId().startsWith("m-0"))
                .filter(offer -> requests.get(offer.requestExternalId()).request().email().endsWith(DEMO_DOMAIN))
                .limit(2).toList();
        assertThat(waiting).hasSize(2);
        org.mentoring.lifecycle.Offer paired = waiting.get(1);
        lifecycle.answer(paired.id(), org.mentoring.matching.model.Side.RESEARCHER, org.mentoring.matching.model.Answer.ACCEPTED,
                Http.ADMIN_EMAIL, true, "127.0.0.1");
        lifecycle.answer(paired.id(), org.mentoring.matching.model.Side.MENTOR, org.mentoring.matching.model.Answer.ACCEPTED,
                Http.ADMIN_EMAIL, true, "127.0.0.1");
        String unmatched = result.unmatched().stream().map(u -> u.requestExternalId())
                .filter(id -> requests.get(id).request().email().endsWith(DEMO_DOMAIN)).findFirst().orElseThrow();

        java.util.Map<String, List<String>> found = new java.util.LinkedHashMap<>();
        // axe-core on the same pages in these states: an offer to answer, a mentorship on, an unmatched request (on
        // the page as codesOn loaded it, not loaded a second time)
        List<String> violations = new java.util.ArrayList<>();
        for (org.mentoring.lifecycle.Offer offer : waiting) {
            signIn(requests.get(offer.requestExternalId()).request().email(), DEMO_PASSWORD);
            codesOn("/my-request", found);
            violations.addAll(axeHere("/my-request"));
            codesOn("/mentors", found);
            violations.addAll(axeHere("/mentors"));
            signOut();
            signIn(mentors.get(offer.mentorExternalId()).mentor().email(), DEMO_PASSWORD);
            codesOn("/mentor", found);
            violations.addAll(axeHere("/mentor"));
            signOut();
        }
        signIn(requests.get(unmatched).request().email(), DEMO_PASSWORD);
        codesOn("/my-request", found);
        assertThat(driver.findElements(By.id("unmatched-reasons"))).isNotEmpty();
        violations.addAll(axeHere("/my-request"));
        codesOn("/mentors", found);
        signOut();
        assertThat(found).as("codes, ids or enum names in the text of participant pages").isEmpty();
        assertThat(violations).as("serious or critical WCAG 2.1 A/AA violations").isEmpty();
    }

    @Test
    @Order(9)
    void aResearcherUsesTheRequestPageWithTheKeyboardOnly() {
        // a researcher whose request stays valid whatever the toggles do: heat health and fieldwork are added, not
        // taken away (taking away the only domain would be refused, rightly)
        MentorshipRequest researcher = requests.withStatus(RequestStatus.OPEN).stream()
                .filter(r -> r.email().endsWith(DEMO_DOMAIN))
                .filter(r -> !r.domains().contains("planetary-health/climate-health/heat-health"))
                .filter(r -> !r.goals().contains("fieldwork"))
                .skip(3).findFirst().orElseThrow();
        signIn(researcher.email(), DEMO_PASSWORD);
        driver.get(url("/my-request"));
        // a domain ticked with Space after Tab reaches it, and ranked
        type(By.id("domain-filter"), "heat");
        WebElement heat = driver.findElement(By.id("d-planetary-health--climate-health--heat-health"));
        boolean before = heat.isSelected();
        tabTo(heat);
        driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.SPACE);
        assertThat(heat.isSelected()).isNotEqualTo(before);
        // a goal ticked with Space
        WebElement goal = driver.findElement(By.id("goals-fieldwork"));
        boolean goalBefore = goal.isSelected();
        tabTo(goal);
        driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.SPACE);
        assertThat(goal.isSelected()).isNotEqualTo(goalBefore);
        // a mentor preferred with Space lands in the ranking
        Mentor pick = mentors.find(MentorFilter.ALL, PageRequest.of(5, 1)).getContent().get(0).mentor();
        type(By.id("mentor-filter"), pick.name());
        WebElement prefer = driver.findElement(By.id("prefer-" + pick.externalId()));
        if (prefer.isSelected()) {
            prefer.click();
        }
        tabTo(prefer);
        driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.SPACE);
        assertThat(prefer.isSelected()).isTrue();
        assertThat(text(By.id("mentor-ranking"))).contains(pick.name());
        // the form sent with Enter on its button
        WebElement submit = driver.findElement(By.id("submit-request"));
        tabTo(submit);
        driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
        waiting().until(d -> !d.findElements(By.cssSelector("[role=status], #error-summary")).isEmpty());
        assertThat(driver.findElements(By.id("error-summary"))).as("the form was refused: %s",
                driver.findElements(By.id("error-summary")).stream().map(WebElement::getText).toList()).isEmpty();
        assertThat(requests.get(researcher.externalId()).request().preferredMentorIds()).contains(pick.externalId());
        assertNoScriptErrors();
    }

    @Test
    @Order(10)
    void aResearcherDeclinesAnOfferWithTheKeyboardOnly() throws InterruptedException {
        org.mentoring.lifecycle.Offer offer = publishedOffersWaitingForAnswers().reduce((first, last) -> last)
                .orElseThrow();
        signIn(requests.get(offer.requestExternalId()).request().email(), DEMO_PASSWORD);
        driver.get(url("/my-request"));
        WebElement decline = driver.findElement(
                By.cssSelector("#offer-" + offer.id() + " details.decline-form summary"));
        tabTo(decline);
        driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
        WebElement reason = driver.findElement(By.id("reason-" + offer.id()));
        waiting().until(d -> reason.isDisplayed());
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(org.openqa.selenium.Keys.TAB).perform();
        assertThat(driver.switchTo().activeElement()).isEqualTo(reason);
        reason.sendKeys("Our times do not suit me");
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(org.openqa.selenium.Keys.TAB).perform();
        assertThat(driver.switchTo().activeElement().getText()).isEqualTo("Yes, decline");
        driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
        waiting().until(d -> lifecycle.get(offer.id()).status() == org.mentoring.matching.model.OfferStatus.DECLINED);
        assertNoScriptErrors();
    }

    @Test
    @Order(11)
    void aResearcherAsksAMentorAndEndsAMentorshipWithTheKeyboardOnly() throws InterruptedException {
        org.openqa.selenium.interactions.Actions keys = new org.openqa.selenium.interactions.Actions(driver);
        // an ask from the directory: the disclosure opened with Enter, the box ticked with Space, sent with Enter
        // a researcher with a mentor who fits them (after a run, the open requests are those no mentor fitted)
        MentorshipRequest asking = null;
        for (MentorshipRequest candidate : requests.withStatus(RequestStatus.OPEN).stream()
                .filter(r -> r.email().endsWith(DEMO_DOMAIN) && directAsks.pendingFor(r.externalId()).isEmpty())
                .limit(8).toList()) {
            if (signsIn(candidate.email(), DEMO_PASSWORD)) {
                asking = candidate;
                break; // others an earlier step gave a new password
            }
        }
        assertThat(asking).as("a demo researcher with an open request").isNotNull();
        String askingId = asking.externalId();
        mentors.create(MentorInput.of(new Mentor("m-keyboard", "Dr. Keyboard Ask", "keyboard.ask@browser.example.org",
                "Ask University", "KE", asking.timeZone(), asking.languages(), asking.domains(),
                java.util.Set.of("grant-writing"), 2, asking.startDate().minusYears(1), null,
                asking.weeklyAvailability())));
        driver.get(url("/mentors?q=Keyboard"));
        WebElement ask = driver.findElement(By.cssSelector("details.ask summary"));
        assertThat(ask.getText()).contains("Dr. Keyboard Ask");
        tabTo(ask);
        driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
        keys.sendKeys(org.openqa.selenium.Keys.TAB).perform();
        assertThat(driver.switchTo().activeElement().getTagName()).isEqualTo("textarea");
        driver.switchTo().activeElement().sendKeys("Your work on heat and health is what I hope to learn from.");
        keys.sendKeys(org.openqa.selenium.Keys.TAB).perform();
        assertThat(driver.switchTo().activeElement().getAttribute("name")).isEqualTo("confirm");
        keys.sendKeys(org.openqa.selenium.Keys.SPACE).perform();
        keys.sendKeys(org.openqa.selenium.Keys.TAB).perform();
        assertThat(driver.switchTo().activeElement().getText()).startsWith("Send my ask to");
        keys.sendKeys(org.openqa.selenium.Keys.ENTER).perform();
        waiting().until(d -> directAsks.pendingFor(askingId).isPresent());
        signOut();

        // a mentorship ended from the researcher's page
        org.mentoring.lifecycle.Offer offer = publishedOffersWaitingForAnswers().findFirst().orElseThrow();
        for (org.mentoring.matching.model.Side side : org.mentoring.matching.model.Side.values()) {
            lifecycle.answer(offer.id(), side, org.mentoring.matching.model.Answer.ACCEPTED, Http.ADMIN_EMAIL, true,
                    "127.0.0.1");
        }
        signIn(requests.get(offer.requestExternalId()).request().email(), DEMO_PASSWORD);
        driver.get(url("/my-request"));
        WebElement end = driver.findElement(By.cssSelector("details.end-mentorship summary"));
        tabTo(end);
        driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
        keys.sendKeys(org.openqa.selenium.Keys.TAB).perform();
        assertThat(driver.switchTo().activeElement().getAttribute("value")).isEqualTo("COMPLETED");
        keys.sendKeys(org.openqa.selenium.Keys.TAB).perform();
        assertThat(driver.switchTo().activeElement().getTagName()).isEqualTo("textarea");
        keys.sendKeys(org.openqa.selenium.Keys.TAB).perform();
        assertThat(driver.switchTo().activeElement().getAttribute("name")).isEqualTo("confirm");
        keys.sendKeys(org.openqa.selenium.Keys.SPACE).perform();
        keys.sendKeys(org.openqa.selenium.Keys.TAB).perform();
        keys.sendKeys(org.openqa.selenium.Keys.ENTER).perform();
        assertThat(text(By.id("mentorship-notice"))).startsWith("The mentorship has ended");
        assertNoScriptErrors();
    }

    /** Presses Tab (at most 1500 times) until {@code target} has the focus, failing if it never does. */
    private void tabTo(WebElement target) {
        ((JavascriptExecutor) driver).executeScript("document.activeElement && document.activeElement.blur();"
                + " window.scrollTo(0, 0);");
        org.openqa.selenium.interactions.Actions keys = new org.openqa.selenium.interactions.Actions(driver);
        for (int i = 0; i < 1500; i++) {
            if (target.equals(driver.switchTo().activeElement())) {
                return;
            }
            keys.sendKeys(org.openqa.selenium.Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reached " + target.getAttribute("id"));
    }

    private static final String DEMO_DOMAIN = "@example.org";
    private static final java.util.regex.Pattern EXTERNAL_ID = java.util.regex.Pattern.compile("\\b[mr]-\\d{2,}\\b");

    /** The codes, externalIds and enum names in the text of a page (tags, scripts and styles stripped). */
    private void codesOn(String path, java.util.Map<String, List<String>> found) {
        driver.get(url(path));
        // email addresses may hold an id (the demo's do, as in grace.m-0046@example.org): a page shows them rightly
        String text = driver.getPageSource().replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ")
                .replaceAll("(?s)<!--.*?-->", " ").replaceAll("(?s)<[^>]*>", " ")
                .replaceAll("[^\\s<>]+@[^\\s<>]+", " ");
        java.util.Set<String> codes = new java.util.TreeSet<>();
        java.util.regex.Matcher ids = EXTERNAL_ID.matcher(text);
        while (ids.find()) {
            codes.add(ids.group());
        }
        // each pattern only where its text is there at all (the same finds, without a regex per code per page)
        taxonomySource.current().domains().stream().map(org.mentoring.taxonomy.Domain::code)
                .filter(code -> code.contains("/") || code.contains("-")).filter(text::contains)
                .filter(code -> java.util.regex.Pattern.compile("(?<![\\w/-])" + java.util.regex.Pattern.quote(code)
                        + "(?![\\w-])").matcher(text).find())
                .forEach(codes::add);
        taxonomySource.topics().all().stream().map(org.mentoring.taxonomy.Topic::code).filter(code -> code.contains("-"))
                .filter(text::contains)
                .filter(code -> java.util.regex.Pattern.compile("(?<![\\w/-])" + java.util.regex.Pattern.quote(code)
                        + "(?![\\w-])").matcher(text).find())
                .forEach(codes::add);
        java.util.stream.Stream.of(org.mentoring.people.CareerStage.values(),
                org.mentoring.people.RequestStatus.values(), org.mentoring.people.RequestFormat.values(),
                org.mentoring.matching.model.OfferStatus.values(), org.mentoring.matching.model.Answer.values(),
                org.mentoring.matching.model.Side.values(), org.mentoring.matching.model.MentorshipStatus.values(),
                org.mentoring.accounts.Role.values(), java.time.DayOfWeek.values())
                .flatMap(java.util.Arrays::stream).map(Enum::name).filter(text::contains)
                .filter(name -> java.util.regex.Pattern.compile("\\b" + name + "\\b").matcher(text).find())
                .forEach(codes::add);
        if (!codes.isEmpty()) {
            found.computeIfAbsent(path, key -> new java.util.ArrayList<>()).addAll(codes);
        }
    }

    /** A completed run's offers, published, that no one answered yet, to researchers of the demo community. */
    private java.util.stream.Stream<org.mentoring.lifecycle.Offer> publishedOffersWaitingForAnswers()
            throws InterruptedException {
        String runId = completedRun();
        lifecycle.publish(runId, Http.ADMIN_EMAIL, "127.0.0.1");
        return runs.proposals(runId).proposals().stream()
                .map(proposal -> lifecycle.get(proposal.id()))
                .filter(o -> o.status() == org.mentoring.matching.model.OfferStatus.OFFERED && o.researcherAnswer() == null
                        && o.mentorAnswer() == null)
                .filter(o -> requests.get(o.requestExternalId()).request().email().endsWith(DEMO_DOMAIN));
    }

    private String completedRun() throws InterruptedException {
        List<MatchingRun> done = runs.list(PageRequest.of(0, 10)).getContent().stream()
                .filter(run -> run.status() == org.mentoring.matching.model.RunStatus.COMPLETED).toList();
        if (!done.isEmpty()) {
            return done.get(0).id();
        }
        MatchingRun run = launcher.start(RunSettings.withTimeLimit(2));
        for (int i = 0; i < 600 && runs.get(run.id()).status().isActive(); i++) {
            Thread.sleep(100);
        }
        assertThat(runs.get(run.id()).status()).isEqualTo(org.mentoring.matching.model.RunStatus.COMPLETED);
        return run.id();
    }

    private void fitsPhone(String path, String name) {
        driver.get(url(path));
        JavascriptExecutor js = driver;
        long viewport = ((Number) js.executeScript("return window.innerWidth")).longValue();
        long width = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
        screenshot(name);
        assertThat(viewport).isEqualTo(360);
        assertThat(width).as("page width of %s on a 360 px screen", path).isLessThanOrEqualTo(360);
    }

    /** Signs in, or says that the form refused these credentials. */
    private boolean signsIn(String email, String password) {
        driver.get(url("/sign-in"));
        type(By.id("email"), email);
        type(By.id("password"), password);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waiting().until(d -> !d.getCurrentUrl().contains("/sign-in") || d.getCurrentUrl().contains("/sign-in?"));
        return !driver.getCurrentUrl().contains("/sign-in");
    }

    private Path csv(String name, String rows) throws IOException {
        Path file = Files.createTempFile(name, ".csv");
        Files.writeString(file, "externalId,name,email,institution,country,timeZone,languages,domains,topics,"
                + "capacity,availableFrom,availableUntil,weeklyAvailability\n" + rows, StandardCharsets.UTF_8);
        file.toFile().deleteOnExit();
        return file;
    }
}
