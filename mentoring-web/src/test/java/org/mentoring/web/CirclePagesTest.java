package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mentoring.audit.AuditService;
import org.mentoring.lifecycle.CircleOffers;
import org.mentoring.lifecycle.LifecycleService;
import org.mentoring.lifecycle.Offer;
import org.mentoring.people.CareerStage;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.RequestFormat;
import org.mentoring.people.RequestStatus;
import org.mentoring.people.WeeklySlot;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A published circle as its people see it (the member on /my-request, the mentor on /mentor), and a circle fallen
 * below its minimum as the coordinator sees it (the dashboard's attention, the run's Circles page) and fills it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mentoring.embedded-in-memory=true", "mentoring.demo-data=false", Http.ADMIN_EMAIL_PROPERTY,
            Http.ADMIN_PASSWORD_PROPERTY, "spring.application.name=circle-pages"})
@AutoConfigureMockMvc
class CirclePagesTest {

    private static final List<WeeklySlot> TUESDAY_UTC = List.of(WeeklySlot.parse("TUE 14:00-15:00"));

    @Autowired
    MockMvc mvc;
    @LocalServerPort
    int port;
    @Autowired
    MentorService mentors;
    @Autowired
    RequestService requests;
    @Autowired
    LifecycleService lifecycle;
    @Autowired
    AuditService audit;

    @Test
    void membersAndTheMentorSeeTheirCircleAndTheCoordinatorFillsOneBelowItsMinimum() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        mentors.upsertAll(List.of(new Mentor("m-circle", "Amara Okafor", "amara@uni.example.org", "Uni A", "NG",
                ZoneId.of("UTC"), Set.of("en"), List.of("planetary-health/climate-health"), Set.of(), 1,
                today.minusDays(30), null, TUESDAY_UTC, 1)), Set.of());
        // Nia's week is in Nairobi time: Tuesday 17:00-18:00 there is 14:00-15:00 UTC
        requests.upsertAll(List.of(
                request("r-1", "Nia Wanjiru", "Africa/Nairobi", List.of(WeeklySlot.parse("TUE 17:00-18:00")),
                        RequestFormat.CIRCLE, today),
                request("r-2", "Kofi Mensah", "UTC", TUESDAY_UTC, RequestFormat.CIRCLE, today),
                request("r-3", "Lina Haddad", "UTC", TUESDAY_UTC, RequestFormat.EITHER, today)), Set.of());
        Http admin = new Http(port).asAdmin();
        String runId = awaitEnd(admin, start(admin, "{\"timeLimitSeconds\": 2, \"circles\": {\"startDate\": \""
                + today.plusDays(30) + "\"}}"));
        assertThat(admin.get("/api/v1/matching-runs/" + runId + "/circles").json().get("circles")).hasSize(1);
        // the run's summary counts the circle's seats apart from the pairs, as its status line counts both as placed
        String runPage = mvc.perform(get("/admin/runs/{id}", runId).with(user(PageUsers.COORDINATOR))).andReturn()
                .getResponse().getContentAsString().replaceAll("<[^>]+>", "").replaceAll("\\s+", " ");
        assertThat(runPage).contains("0 requests matched with a mentor, 3 given a seat in 1 mentoring circle, 0 unmatched")
                .contains("3 of 3 open requests placed").contains("Circles (1)");
        Http.Answer published = admin.postJson("/api/v1/matching-runs/" + runId + "/publish", "{}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);

        // the member reads the circle's offer in words: the mentor, the others, the meeting in her own zone
        var nia = PageUsers.person("r-1@lab.example.org", "RESEARCHER", null);
        String seat1 = seatOf("r-1");
        mvc.perform(get("/my-request").with(user(nia)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("A seat in a mentoring circle led by")))
                .andExpect(content().string(containsString("Amara Okafor")))
                .andExpect(content().string(containsString("Kofi Mensah (Lab r-2)")))
                .andExpect(content().string(containsString("Lina Haddad (Lab r-3)")))
                .andExpect(content().string(containsString("Tue 17:00-18:00 your time (Nairobi, ")))
                .andExpect(content().string(not(containsString("your time (Africa/Nairobi)"))))
                // the circle's first day in words, never as an ISO date
                .andExpect(content().string(containsString("from " + org.mentoring.common.Days.inWords(
                        today.plusDays(30)))))
                .andExpect(content().string(not(containsString(today.plusDays(30).toString()))))
                .andExpect(content().string(containsString("/offers/" + seat1 + "/accept")));
        mvc.perform(post("/offers/{id}/accept", seat1).with(user(nia)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/offers/{id}/decline", seatOf("r-2")).param("confirm", "yes")
                .with(user(PageUsers.person("r-2@lab.example.org", "RESEARCHER", null))).with(csrf()))
                .andExpect(status().is3xxRedirection());

        // the mentor sees the circle they lead: members by name, the meeting in their zone, the seats
        mvc.perform(get("/mentor").with(user(PageUsers.person("amara@uni.example.org", "MENTOR", "m-circle"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Your circles")))
                .andExpect(content().string(containsString("Seats: 1 accepted, 1 waiting for an answer, 1 declined.")))
                .andExpect(content().string(containsString("Nia Wanjiru (Lab r-1)")))
                .andExpect(content().string(containsString("Tue 14:00-15:00 your time (UTC)")))
                .andExpect(content().string(not(containsString("offer-" + seat1))));

        // two seats of at least three: the coordinator is told, and finds who fits
        requests.upsertAll(List.of(request("r-4", "Tomás Rivera", "UTC", TUESDAY_UTC, RequestFormat.EITHER, today),
                request("r-5", "Only Pairs", "UTC", TUESDAY_UTC, RequestFormat.ONE_TO_ONE, today)), Set.of());
        assertThat(admin.get("/api/v1/admin/attention").body()).contains("circle-below-minimum")
                .contains("below its minimum of 3").contains("Fill this circle");
        mvc.perform(get("/admin").with(user(PageUsers.COORDINATOR)))
                .andExpect(content().string(containsString("below its minimum of 3")))
                .andExpect(content().string(containsString("Fill this circle")));
        String circleId = runId + "-000001";
        mvc.perform(get("/admin/runs/{id}/circles", runId).with(user(PageUsers.COORDINATOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Fill this circle: circle 1, led by Amara Okafor")))
                .andExpect(content().string(containsString("Tomás Rivera")))
                .andExpect(content().string(not(containsString("Only Pairs"))))
                .andExpect(content().string(containsString("Offer a seat")));

        String seats = "/admin/runs/" + runId + "/circles/" + circleId + "/seats";
        mvc.perform(post(seats).param("requestExternalId", "r-4")
                .with(user(PageUsers.person("r-4@lab.example.org", "RESEARCHER", null))).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(seats).param("requestExternalId", "r-4").with(user(PageUsers.COORDINATOR)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/runs/" + runId + "/circles/other-run-000001/seats").param("requestExternalId", "r-4")
                .with(user(PageUsers.COORDINATOR)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post(seats).param("requestExternalId", "r-5").with(user(PageUsers.COORDINATOR)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("fillError", containsString("Only Pairs no longer fits")));
        assertThat(requests.get("r-5").status()).isEqualTo(RequestStatus.OPEN);

        mvc.perform(post(seats).param("requestExternalId", "r-4").with(user(PageUsers.COORDINATOR)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("fillNotice", containsString("Tomás Rivera")));
        assertThat(requests.get("r-4").status()).isEqualTo(RequestStatus.PROPOSED);
        assertThat(audit.list(CircleOffers.OFFER_SEAT_ACTION, Http.ADMIN_EMAIL, 0, 5).getContent()).hasSize(1);
        assertThat(admin.get("/api/v1/admin/attention").body()).doesNotContain("circle-below-minimum");
        mvc.perform(get("/my-request").with(user(PageUsers.person("r-4@lab.example.org", "RESEARCHER", null))))
                .andExpect(content().string(containsString("A seat in a mentoring circle led by")))
                .andExpect(content().string(containsString("Nia Wanjiru (Lab r-1)")));
        // offered twice: refused with the reason
        mvc.perform(post(seats).param("requestExternalId", "r-4").with(user(PageUsers.COORDINATOR)).with(csrf()))
                .andExpect(flash().attribute("fillError", containsString("no longer fits")));
    }

    private String seatOf(String requestId) {
        return lifecycle.forRequests(Set.of(requestId)).stream().map(Offer::id)
                .filter(id -> id.startsWith("seat-")).findFirst().orElseThrow();
    }

    static MentorshipRequest request(String id, String name, String zone, List<WeeklySlot> slots,
            RequestFormat format, LocalDate today) {
        return new MentorshipRequest(id, name, id + "@lab.example.org", "Lab " + id, "GH",
                ZoneId.of(zone), CareerStage.POSTDOC, Set.of("en"), List.of("planetary-health/climate-health"),
                Set.of(), today.plusDays(7), 6, 60, slots, List.of(), Set.of(), false, format);
    }

    private static String start(Http admin, String body) {
        Http.Answer started = admin.postJson("/api/v1/matching-runs", body);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        return started.json().get("id").asText();
    }

    private static String awaitEnd(Http admin, String runId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            String status = admin.get("/api/v1/matching-runs/" + runId).json().get("status").asText();
            if (!status.equals("QUEUED") && !status.equals("SOLVING")) {
                return runId;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("run " + runId + " did not end");
    }
}
