package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mentoring.lifecycle.Candidate;
import org.mentoring.lifecycle.LifecycleService;
import org.mentoring.matching.model.OfferStatus;
import org.mentoring.lifecycle.OverrideService;
import org.mentoring.matching.domain.HardRule;
import org.mentoring.matching.run.RunReader;
import org.mentoring.matching.model.Proposal;
import org.mentoring.matching.run.RunProposals;
import org.mentoring.matching.model.UnmatchedRequest;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A coordinator's whole job in a real browser (Debian's Chromium, headless), one step after another on the demo
 * community: an import with a bad row fixed from the file of rejected rows, the imported mentors invited, a run and
 * its summary, an unmatched request paired by hand, a proposal given another mentor, the run published after its
 * confirmation, answers recorded for both sides, the researcher found by search with their history, and the
 * analytics. Every admin page on the way is also laid out on a 390 px wide phone and must fit it; each is saved as a
 * screenshot under {@code target/screenshots/journey-*.png}. Skipped, with a message, where Chromium or ChromeDriver
 * is not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mentoring.embedded-in-memory=true", Http.ADMIN_EMAIL_PROPERTY, Http.ADMIN_PASSWORD_PROPERTY})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CoordinatorJourneyBrowserTest extends BrowserSupport {

    private static final int PHONE = 390;
    private static final String HEADER = "externalId,name,email,institution,country,timeZone,languages,domains,"
            + "topics,capacity,availableFrom,availableUntil,weeklyAvailability\n";

    /** What one step leaves for the next: the run, the request paired by hand, its mentor, the overridden one. */
    private static String runId;
    private static String pairedRequest;
    private static String pairedMentor;

    @Autowired
    MentorService mentors;
    @Autowired
    RequestService requests;
    @Autowired
    RunReader runs;
    @Autowired
    OverrideService overrides;
    @Autowired
    LifecycleService lifecycle;

    @Test
    @Order(1)
    void importsTheValidMentorsThenTheFixedRejectedRowInvitingThemAll() {
        signIn();
        driver.get(url("/admin/import"));
        fitsPhone(PHONE, "journey-import");
        Path file = csv("journey-mentors",
                mentorRow("m-cj-1", "Dr Journey One", "cj1", "America/Vancouver")
                        + mentorRow("m-cj-2", "Dr Journey Two", "cj2", "Europe/Lisbon")
                        + mentorRow("m-cj-3", "Dr Journey Three", "cj3", "Mars/Olympus"));
        driver.findElement(By.id("mentors-file")).sendKeys(file.toAbsolutePath().toString());
        check("valid-only", true);
        check("invite-mentors", true);
        driver.findElement(By.id("import-submit")).click();

        assertThat(text(By.id("report-heading")))
                .isEqualTo("Imported the valid records; the rejected ones were left out");
        assertThat(text(By.id("rejections"))).contains("line 4", "m-cj-3", "Mars/Olympus");
        assertThat(text(By.id("import-invited"))).contains("Sent 2 invitation(s) to the imported mentors.");
        assertThat(mentors.find("m-cj-1")).isPresent();
        assertThat(mentors.find("m-cj-2")).isPresent();
        assertThat(mentors.find("m-cj-3")).isEmpty();
        fitsPhone(PHONE, "journey-import-rejected");

        // the rejected row comes back as a file with its reason; fixed in the spreadsheet and uploaded again
        WebElement link = driver.findElement(By.cssSelector("#rejected-downloads a"));
        String rejected = download(link.getAttribute("href"));
        List<String> lines = rejected.lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).endsWith(",rejectedBecause");
        assertThat(lines.get(1)).startsWith("m-cj-3,Dr Journey Three,").contains("Mars/Olympus");
        String fixed = lines.get(0) + "\n" + lines.get(1).replaceFirst(Pattern.quote("Mars/Olympus"),
                "America/Bogota") + "\n";
        Path again = write("rejected-journey-mentors", fixed);
        driver.findElement(By.id("mentors-file")).sendKeys(again.toAbsolutePath().toString());
        check("valid-only", false);
        check("invite-mentors", true);
        driver.findElement(By.id("import-submit")).click();

        waiting().until(d -> d.findElement(By.id("report-heading")).getText().equals("Imported"));
        assertThat(text(By.id("import-invited"))).contains("Sent 1 invitation(s) to the imported mentors.");
        assertThat(driver.findElements(By.id("rejections"))).isEmpty();
        assertThat(mentors.find("m-cj-3")).get().satisfies(stored ->
                assertThat(stored.mentor().timeZone().getId()).isEqualTo("America/Bogota"));
        fitsPhone(PHONE, "journey-import-fixed");

        // all three are invited: their pages say so
        driver.get(url("/admin/mentors/m-cj-3"));
        assertThat(text(By.id("invitation-status"))).isEqualTo("Invited, link waiting");
        fitsPhone(PHONE, "journey-mentor-invited");
        assertNoScriptErrors();
    }

    @Test
    @Order(2)
    void startsARunAndReadsItsSummary() {
        signIn();
        driver.get(url("/admin/runs/new"));
        fitsPhone(PHONE, "journey-run-new");
        type(By.id("timeLimitSeconds"), "10");
        driver.findElement(By.id("start-run")).click();
        waiting(Duration.ofSeconds(90)).until(d -> !d.findElements(By.id("proposals-section")).isEmpty());
        runId = driver.getCurrentUrl().replaceAll(".*/admin/runs/([^/?#]+).*", "$1");

        assertThat(text(By.id("run-state"))).isEqualTo("Completed");
        assertThat(text(By.id("run-score-words"))).contains("quality");
        RunProposals result = runs.proposals(runId);
        assertThat(text(By.id("summary-matched"))).isEqualTo(result.proposals().size() + " requests matched, "
                + result.unmatched().size() + " unmatched");
        assertThat(result.unmatched()).isNotEmpty();
        assertThat(text(By.id("summary-reasons"))).startsWith("Why unmatched");
        assertThat(text(By.id("summary-priority"))).isNotEmpty();
        driver.manage().window().setSize(new Dimension(1280, 2000));
        waitForChart("score");
        screenshot("journey-run");
        driver.manage().window().setSize(new Dimension(1280, 900));
        fitsPhone(PHONE, "journey-run-phone");

        driver.findElement(By.id("tab-unmatched")).click();
        waiting().until(d -> !d.findElements(By.id("unmatched-section")).isEmpty());
        fitsPhone(PHONE, "journey-run-unmatched");
        assertNoScriptErrors();
    }

    @Test
    @Order(3)
    void raisesAMentorsCapacityAndPairsAnUnmatchedRequestByHand() {
        signIn();
        // the run filled every mentor an unmatched request could have: one of them agrees to take two more
        Pick pick = pick();
        pairedRequest = pick.request();
        pairedMentor = pick.mentor();
        driver.get(url("/admin/runs/" + runId + "/requests/" + pairedRequest));
        WebElement row = driver.findElement(By.id("candidate-" + pairedMentor));
        assertThat(row.getText()).contains("Capacity");
        assertThat(row.findElements(By.cssSelector("form[action$='/pair']"))).isEmpty();
        fitsPhone(PHONE, "journey-unmatched-request");

        driver.get(url("/admin/mentors/" + pairedMentor));
        int capacity = mentors.get(pairedMentor).mentor().capacity();
        type(By.id("capacity-only"), String.valueOf(capacity + 2));
        clickToNextPage(driver.findElement(By.id("change-capacity")));
        waiting().until(d -> mentors.get(pairedMentor).mentor().capacity() == capacity + 2);
        fitsPhone(PHONE, "journey-mentor-capacity");

        driver.get(url("/admin/runs/" + runId + "/requests/" + pairedRequest));
        clickToNextPage(driver.findElement(By.id("candidate-" + pairedMentor))
                .findElement(By.cssSelector("form[action$='/pair'] button")));
        assertThat(text(By.id("action-done"))).startsWith("Paired with ");
        assertThat(text(By.id("match-current"))).contains("Proposed mentor:", "a draft, not published yet");
        fitsPhone(PHONE, "journey-paired");
        assertThat(runs.proposals(runId).proposals()).anySatisfy(proposal -> {
            assertThat(proposal.requestExternalId()).isEqualTo(pairedRequest);
            assertThat(proposal.mentorExternalId()).isEqualTo(pairedMentor);
        });
        assertNoScriptErrors();
    }

    @Test
    @Order(4)
    void overridesOneProposalWithTheMentorsLastFreePlace() {
        signIn();
        Proposal other = runs.proposals(runId).proposals().stream()
                .filter(p -> !p.requestExternalId().equals(pairedRequest) && !p.mentorExternalId().equals(pairedMentor))
                .filter(p -> overrides.candidates(p.requestExternalId(), runId).stream()
                        .anyMatch(c -> c.mentorExternalId().equals(pairedMentor) && c.allowed()))
                .findFirst().orElseThrow(() -> new AssertionError("no proposal could take " + pairedMentor));
        driver.get(url("/admin/runs/" + runId + "/requests/" + other.requestExternalId()));
        assertThat(text(By.id("match-current"))).contains("Proposed mentor:");
        clickToNextPage(driver.findElement(By.id("candidate-" + pairedMentor))
                .findElement(By.cssSelector("form[action$='/override'] button")));
        assertThat(text(By.id("action-done"))).startsWith("The proposal now pairs the researcher with ");
        fitsPhone(PHONE, "journey-overridden");
        assertThat(lifecycle.get(other.id()).mentorExternalId()).isEqualTo(pairedMentor);
        assertNoScriptErrors();
    }

    @Test
    @Order(5)
    void publishesAfterTheConfirmationAndAnswersForBothSides() {
        signIn();
        driver.get(url("/admin/runs/" + runId));
        clickToNextPage(driver.findElement(By.id("publish")));
        waiting().until(d -> d.getCurrentUrl().endsWith("/publish"));
        assertThat(text(By.id("publish-count"))).contains("researchers", "mentors", "This cannot be undone");
        assertThat(text(By.id("preview-subject"))).isNotEmpty();
        fitsPhone(PHONE, "journey-publish");
        clickToNextPage(driver.findElement(By.id("publish-confirm")));
        waiting().until(d -> d.findElement(By.id("publish-notice")).getText().startsWith("Published"));
        assertThat(driver.findElements(By.id("published-at"))).isNotEmpty();
        fitsPhone(PHONE, "journey-published");

        // the researcher and the mentor replied by email: the coordinator records both answers
        driver.get(url("/admin/runs/" + runId + "/requests/" + pairedRequest));
        assertThat(text(By.id("offer-status"))).isEqualTo("offered, waiting for answers");
        clickToNextPage(driver.findElement(By.cssSelector("#answer-RESEARCHER-ACCEPTED button")));
        assertThat(text(By.id("action-done"))).startsWith("Recorded for the researcher: accepted.");
        clickToNextPage(driver.findElement(By.cssSelector("#answer-MENTOR-ACCEPTED button")));
        assertThat(text(By.id("action-done"))).isEqualTo("Recorded for the mentor: accepted. The offer is now "
                + "accepted by both: the mentorship has started.");
        assertThat(driver.findElements(By.id("answer-for"))).isEmpty();
        fitsPhone(PHONE, "journey-answered");
        Proposal paired = runs.proposals(runId).proposals().stream()
                .filter(p -> p.requestExternalId().equals(pairedRequest)).findFirst().orElseThrow();
        assertThat(lifecycle.get(paired.id()).status()).isEqualTo(OfferStatus.ACCEPTED);
        assertNoScriptErrors();
    }

    @Test
    @Order(6)
    void findsTheResearcherBySearchAndReadsTheirHistory() {
        signIn();
        String email = requests.get(pairedRequest).request().email();
        String name = requests.get(pairedRequest).request().name();
        driver.get(url("/admin/requests"));
        fitsPhone(PHONE, "journey-requests");
        type(By.id("q"), email.toUpperCase(java.util.Locale.ROOT));
        driver.findElement(By.id("search-submit")).click();
        waiting().until(d -> d.getCurrentUrl().contains("q="));
        // typed in capitals, the address finds this researcher's requests (one per cycle they asked in) and no other
        List<WebElement> found = driver.findElements(By.cssSelector("#requests tbody tr"));
        assertThat(text(By.id("found-count"))).isEqualTo(found.size() == 1 ? "1 found" : found.size() + " found");
        assertThat(found).isNotEmpty().allSatisfy(row ->
                assertThat(row.findElement(By.cssSelector("td.email")).getText()).isEqualTo(email));
        fitsPhone(PHONE, "journey-requests-found");
        driver.findElement(By.cssSelector("#requests tbody a[href$='/admin/requests/" + pairedRequest + "']")).click();
        waiting().until(d -> d.getCurrentUrl().endsWith("/admin/requests/" + pairedRequest));

        assertThat(text(By.tagName("h1"))).isEqualTo(name);
        String history = text(By.id("history"));
        assertThat(history).contains("Request created", "Offered the mentor",
                "The researcher accepted the offer (recorded by " + Http.ADMIN_EMAIL + ")",
                "The mentor accepted the offer (recorded by " + Http.ADMIN_EMAIL + ")", "Mentorship began with");
        // a matched request's actions say where its mentorship is handled, not an empty heading
        assertThat(text(By.id("actions"))).contains("Matched: nothing waits here.");
        driver.findElement(By.cssSelector("#matched-actions a")).click();
        waiting().until(d -> d.getCurrentUrl().contains("/admin/mentorships?q="));
        assertThat(text(By.cssSelector("main table"))).contains(name);
        fitsPhone(PHONE, "journey-mentorships-found");
        driver.navigate().back();
        waiting().until(d -> d.getCurrentUrl().endsWith("/admin/requests/" + pairedRequest));
        long height = ((Number) driver.executeScript("return document.documentElement.scrollHeight")).longValue();
        driver.manage().window().setSize(new Dimension(1280, (int) Math.min(3200, height + 160)));
        screenshot("journey-person");
        driver.manage().window().setSize(new Dimension(1280, 900));
        fitsPhone(PHONE, "journey-person-phone");

        // the mentor's page tells the same story from their side
        driver.findElement(By.cssSelector("#history a[href$='/admin/mentors/" + pairedMentor + "']")).click();
        waiting().until(d -> d.getCurrentUrl().endsWith("/admin/mentors/" + pairedMentor));
        assertThat(text(By.id("history"))).contains("Offered as mentor to " + name, "Mentorship began with " + name);
        fitsPhone(PHONE, "journey-mentor-history");
        assertNoScriptErrors();
    }

    @Test
    @Order(7)
    void readsTheAnalytics() {
        signIn();
        driver.get(url("/admin/runs/" + runId));
        driver.findElement(By.id("analytics-link")).click();
        waiting().until(d -> d.getCurrentUrl().endsWith("/analytics"));
        RunProposals result = runs.proposals(runId);
        int requestCount = result.proposals().size() + result.unmatched().size();
        assertThat(text(By.id("analytics-summary"))).contains(result.proposals().size() + " of " + requestCount);
        assertThat(text(By.id("unmatched-categories"))).isNotEmpty();
        Map<String, Integer> funnel = new java.util.LinkedHashMap<>();
        for (WebElement step : driver.findElements(By.cssSelector("#funnel tbody tr"))) {
            List<WebElement> cells = step.findElements(By.tagName("td"));
            funnel.put(cells.get(0).getText().trim(), Integer.parseInt(cells.get(1).getText().trim()));
        }
        assertThat(funnel).containsEntry("Accepted", 1).containsKey("Proposed");
        assertThat(funnel.get("Proposed")).isEqualTo(result.proposals().size());
        assertThat(text(By.id("equity-heading"))).isEqualTo("Equity report");
        fitsPhone(PHONE, "journey-analytics");
        assertNoScriptErrors();
    }

    /** An unmatched request with a mentor who keeps every rule but capacity, and the mentor. */
    private record Pick(String request, String mentor) {
    }

    private Pick pick() {
        for (UnmatchedRequest unmatched : runs.proposals(runId).unmatched()) {
            Optional<Candidate> full = overrides.candidates(unmatched.requestExternalId(), runId).stream()
                    .filter(c -> c.broken().equals(List.of(HardRule.CAPACITY)))
                    .filter(c -> !c.mentorExternalId().startsWith("m-cj-")).findFirst();
            if (full.isPresent()) {
                return new Pick(unmatched.requestExternalId(), full.get().mentorExternalId());
            }
        }
        throw new AssertionError("no unmatched request that only a full mentor could take");
    }

    private void signIn() {
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.get(url("/sign-in"));
        if (!driver.getCurrentUrl().contains("/sign-in")) {
            return;
        }
        driver.manage().deleteAllCookies();
        signIn(Http.ADMIN_EMAIL, Http.ADMIN_PASSWORD);
    }

    /** A file the browser downloads with the coordinator's session, as text. */
    private String download(String href) {
        Object body = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {credentials: 'same-origin'})"
                + ".then(r => r.ok ? r.text() : 'HTTP ' + r.status).then(done, e => done('failed: ' + e));", href);
        return String.valueOf(body);
    }

    private void check(String id, boolean wanted) {
        WebElement box = driver.findElement(By.id(id));
        if (box.isSelected() != wanted) {
            box.click();
        }
    }

    private static String mentorRow(String id, String name, String mailbox, String zone) {
        return id + "," + name + "," + mailbox + "@journey.example.org,Universidad de los Andes,CO," + zone
                + ",en;es,planetary-health/climate-health,grant-writing,2,2026-01-01,,"
                + "MON 09:00-11:00;WED 14:00-16:00\n";
    }

    private static Path csv(String name, String rows) {
        return write(name, HEADER + rows);
    }

    private static Path write(String name, String content) {
        try {
            Path file = Files.createTempFile(name, ".csv");
            Files.writeString(file, content, StandardCharsets.UTF_8);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
