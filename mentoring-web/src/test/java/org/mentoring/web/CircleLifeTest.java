package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mentoring.lifecycle.LifecycleService;
import org.mentoring.lifecycle.Offer;
import org.mentoring.people.Mentor;
import org.mentoring.people.RequestFormat;
import org.mentoring.people.RequestStatus;
import org.mentoring.people.WeeklySlot;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A published circle's life as its people meet it: the seat offer and the request's status in a seat's words, the
 * coordinator offering a free seat through the API, a mentor's circles never lowered below the circles they lead, and
 * a run's circle settings kept on the run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mentoring.embedded-in-memory=true", "mentoring.demo-data=false", Http.ADMIN_EMAIL_PROPERTY,
            Http.ADMIN_PASSWORD_PROPERTY, "spring.application.name=circle-life"})
@AutoConfigureMockMvc
class CircleLifeTest {

    private static final List<WeeklySlot> TUESDAY_UTC = List.of(WeeklySlot.parse("TUE 14:00-15:00"));
    private static final ObjectMapper JSON = new ObjectMapper();

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

    @Test
    void aCircleSeatIsOfferedInASeatsWordsFilledThroughTheApiAndItsMentorKeepsTheCirclesTheyLead()
            throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate starts = today.plusDays(30);
        mentors.upsertAll(List.of(new Mentor("m-lead", "Amara Okafor", "amara@uni.example.org", "Uni A", "NG",
                ZoneId.of("UTC"), Set.of("en"), List.of("planetary-health/climate-health"), Set.of(), 1,
                today.minusDays(30), null, TUESDAY_UTC, 1)), Set.of());
        requests.upsertAll(List.of(
                CirclePagesTest.request("r-1", "Nia Wanjiru", "Africa/Nairobi",
                        List.of(WeeklySlot.parse("TUE 17:00-18:00")), RequestFormat.CIRCLE, today),
                CirclePagesTest.request("r-2", "Kofi Mensah", "UTC", TUESDAY_UTC, RequestFormat.CIRCLE, today),
                CirclePagesTest.request("r-3", "Lina Haddad", "UTC", TUESDAY_UTC, RequestFormat.CIRCLE, today)),
                Set.of());
        Http admin = new Http(port).asAdmin();
        String runId = awaitEnd(admin, start(admin, "{\"timeLimitSeconds\": 2, \"circles\": {\"startDate\": \""
                + starts + "\"}}"));

        // the run keeps its circle settings, defaults filled in, and its page says them in words
        JsonNode settings = admin.get("/api/v1/matching-runs/" + runId).json().get("circles");
        assertThat(settings.get("minSize").asInt()).isEqualTo(3);
        assertThat(settings.get("maxSize").asInt()).isEqualTo(6);
        assertThat(settings.get("meetingMinutes").asInt()).isEqualTo(60);
        assertThat(settings.get("startDate").asText()).isEqualTo(starts.toString());
        mvc.perform(get("/admin/runs/{id}", runId).with(user(PageUsers.COORDINATOR)))
                .andExpect(content().string(containsString("Also forms mentoring circles of 3 to 6 members, meeting"
                        + " 60 minutes every week, from " + org.mentoring.common.Days.inWords(starts) + ".")));
        assertThat(admin.postJson("/api/v1/matching-runs/" + runId + "/publish", "{}").status()).isEqualTo(200);

        // the member reads a seat's words: the circle's mentor leads it, how many others, what declining does
        var nia = PageUsers.person("r-1@lab.example.org", "RESEARCHER", null);
        mvc.perform(get("/my-request").with(user(nia)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("A circle seat is offered")))
                .andExpect(content().string(containsString("A seat in a mentoring circle is offered to you")))
                .andExpect(content().string(not(containsString("A mentor is proposed"))))
                .andExpect(content().string(containsString("Tue 17:00-18:00 your time (Nairobi, ")))
                .andExpect(content().string(containsString("led by its mentor")))
                .andExpect(content().string(containsString("2 other members hold seats:")))
                .andExpect(content().string(containsString(
                        "Amara Okafor leads the circle, so the seat is yours once you accept it.")))
                .andExpect(content().string(containsString("If you decline, you give up this seat")))
                .andExpect(content().string(containsString("you will not be proposed to Amara Okafor again, in a"
                        + " circle or as a pair. Your request is open again for the next matching round.")))
                .andExpect(content().string(containsString("Waiting for your answer")))
                .andExpect(content().string(not(containsString("the other side"))))
                .andExpect(content().string(not(containsString("will not be proposed to each other again"))));

        // the mentor directory says who leads circles
        mvc.perform(get("/mentors").with(user(nia)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Mentoring circles")))
                .andExpect(content().string(containsString(
                        "Leads a mentoring circle (a small group meeting them every week)")));

        // a mentor leading a circle cannot lower their circles below it: the API, the admin's form and their own
        long version = mentors.get("m-lead").version();
        ObjectNode profile = (ObjectNode) admin.get("/api/v1/mentors/m-lead").json();
        profile.put("circles", 0);
        profile.put("version", version);
        Http.Answer lowered = admin.send("PUT", "/api/v1/mentors/m-lead", null, JSON.writeValueAsString(profile));
        assertThat(lowered.status()).as(lowered.body()).isEqualTo(422);
        assertThat(lowered.contentType()).contains("application/problem+json");
        assertThat(lowered.json().get("errors").get(0).get("field").asText()).isEqualTo("circles");
        assertThat(lowered.json().get("errors").get(0).get("message").asText())
                .contains("Amara Okafor leads 1 mentoring circle now").contains("give at least 1");
        Mentor stored = mentors.get("m-lead").mentor();
        assertThat(stored.circles()).isEqualTo(1);
        mvc.perform(post("/admin/mentors/{id}", "m-lead").with(user(PageUsers.COORDINATOR)).with(csrf())
                .param("version", Long.toString(version)).param("name", stored.name())
                .param("email", stored.email()).param("institution", stored.institution())
                .param("country", stored.country()).param("timeZone", "UTC").param("capacity", "1")
                .param("availableFrom", stored.availableFrom().toString()).param("circles", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("leads 1 mentoring circle now")));
        mvc.perform(post("/mentor").with(user(PageUsers.person("amara@uni.example.org", "MENTOR", "m-lead")))
                .with(csrf()).param("version", Long.toString(version)).param("name", stored.name())
                .param("institution", stored.institution()).param("country", stored.country())
                .param("timeZone", "UTC").param("languages", "en")
                .param("domains", "planetary-health/climate-health").param("capacity", "1")
                .param("availableFrom", stored.availableFrom().toString()).param("slotDay", "TUESDAY")
                .param("slotStart", "14:00").param("slotEnd", "15:00").param("circles", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("leads 1 mentoring circle now")));
        assertThat(mentors.get("m-lead").mentor().circles()).isEqualTo(1);
        assertThat(mentors.get("m-lead").version()).isEqualTo(version);

        // one member declines: two seats of at least three, and the coordinator fills it through the API
        mvc.perform(post("/offers/{id}/decline", seatOf("r-2")).param("confirm", "yes")
                .with(user(PageUsers.person("r-2@lab.example.org", "RESEARCHER", null))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        // another accepts: their page says they hold a seat in the circle, not a pair's mentorship
        var lina = PageUsers.person("r-3@lab.example.org", "RESEARCHER", null);
        mvc.perform(post("/offers/{id}/accept", seatOf("r-3")).with(user(lina)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/my-request").with(user(lina)))
                .andExpect(content().string(containsString("In a mentoring circle")))
                .andExpect(content().string(containsString(
                        "You accepted your seat: you are a member of a mentoring circle.")))
                .andExpect(content().string(containsString(
                        "Your seat is confirmed: you are a member of the circle Amara Okafor leads.")))
                .andExpect(content().string(containsString(">Seat confirmed</span>")))
                .andExpect(content().string(not(containsString("Both accepted"))))
                .andExpect(content().string(not(containsString("Your mentorship with"))));
        requests.upsertAll(List.of(
                CirclePagesTest.request("r-4", "Tomás Rivera", "UTC", TUESDAY_UTC, RequestFormat.EITHER, today),
                CirclePagesTest.request("r-5", "Only Pairs", "UTC", TUESDAY_UTC, RequestFormat.ONE_TO_ONE, today)),
                Set.of());
        String circleId = runId + "-000001";
        String seats = "/api/v1/matching-runs/" + runId + "/circles/" + circleId + "/seats";

        // who may: nobody but an admin, and a signed-in admin's browser only with the CSRF token
        assertThat(new Http(port).postJson(seats, "{\"requestExternalId\": \"r-4\"}").status()).isEqualTo(401);
        assertThat(new Http(port).as("r-4@lab.example.org", "irrelevant-password-here")
                .postJson(seats, "{\"requestExternalId\": \"r-4\"}").status()).isEqualTo(401);
        mvc.perform(post(seats).with(user(PageUsers.COORDINATOR)).with(request -> {
            request.setRequestedSessionId("a-session");
            return request;
        }).contentType(MediaType.APPLICATION_JSON).content("{\"requestExternalId\": \"r-4\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post(seats).with(user(PageUsers.person("r-4@lab.example.org", "RESEARCHER", null))).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"requestExternalId\": \"r-4\"}"))
                .andExpect(status().isForbidden());
        assertThat(requests.get("r-4").status()).isEqualTo(RequestStatus.OPEN);

        // bad input and unknown names, each a problem naming what is wrong; nothing offered
        Http.Answer blank = admin.postJson(seats, "{\"requestExternalId\": \" \"}");
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.json().get("errors").get(0).get("field").asText()).isEqualTo("requestExternalId");
        Http.Answer unknownField = admin.postJson(seats, "{\"request\": \"r-4\"}");
        assertThat(unknownField.status()).isEqualTo(422);
        assertThat(unknownField.body()).contains("request");
        assertThat(admin.postJson(seats, "{\"requestExternalId\": \"" + "x".repeat(300) + "\"}").status())
                .isEqualTo(422);
        assertThat(admin.postJson("/api/v1/matching-runs/no-such-run/circles/" + circleId + "/seats",
                "{\"requestExternalId\": \"r-4\"}").status()).isEqualTo(404);
        assertThat(admin.postJson("/api/v1/matching-runs/" + runId + "/circles/" + runId + "-000009/seats",
                "{\"requestExternalId\": \"r-4\"}").status()).isEqualTo(404);
        assertThat(admin.postJson("/api/v1/matching-runs/" + runId + "/circles/other-run-000001/seats",
                "{\"requestExternalId\": \"r-4\"}").status()).isEqualTo(404);
        Http.Answer noRequest = admin.postJson(seats, "{\"requestExternalId\": \"r-nobody\"}");
        assertThat(noRequest.status()).isEqualTo(404);
        assertThat(noRequest.contentType()).contains("application/problem+json");
        Http.Answer unfit = admin.postJson(seats, "{\"requestExternalId\": \"r-5\"}");
        assertThat(unfit.status()).isEqualTo(409);
        assertThat(unfit.contentType()).contains("application/problem+json");
        assertThat(unfit.json().get("code").asText()).isEqualTo("seat-unfit");
        assertThat(unfit.json().get("detail").asText()).contains("Only Pairs no longer fits")
                .contains("one-to-one mentoring only");
        assertThat(unfit.json().get("errors").get(0).get("field").asText()).isEqualTo("requestExternalId");
        assertThat(requests.get("r-5").status()).isEqualTo(RequestStatus.OPEN);

        Http.Answer offered = admin.postJson(seats, "{\"requestExternalId\": \"r-4\"}");
        assertThat(offered.status()).as(offered.body()).isEqualTo(201);
        JsonNode seat = offered.json();
        assertThat(seat.get("id").asText()).startsWith("seat-" + circleId + "-");
        assertThat(seat.get("circleId").asText()).isEqualTo(circleId);
        assertThat(seat.get("requestExternalId").asText()).isEqualTo("r-4");
        assertThat(seat.get("mentorExternalId").asText()).isEqualTo("m-lead");
        assertThat(seat.get("status").asText()).isEqualTo("OFFERED");
        assertThat(requests.get("r-4").status()).isEqualTo(RequestStatus.PROPOSED);
        assertThat(admin.get("/api/v1/admin/attention").body()).doesNotContain("circle-below-minimum");
        Http.Answer twice = admin.postJson(seats, "{\"requestExternalId\": \"r-4\"}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("code").asText()).isEqualTo("seat-unfit");
        assertThat(twice.json().get("detail").asText()).contains("Tomás Rivera no longer fits");

        // a run of pairs only keeps no circle settings, and says so
        String pairsOnly = awaitEnd(admin, start(admin, "{\"timeLimitSeconds\": 1}"));
        JsonNode none = admin.get("/api/v1/matching-runs/" + pairsOnly).json().path("circles");
        assertThat(none.isNull() || none.isMissingNode()).isTrue();
        mvc.perform(get("/admin/runs/{id}", pairsOnly).with(user(PageUsers.COORDINATOR)))
                .andExpect(content().string(containsString("Pairs only: this run forms no mentoring circles.")));
    }

    private String seatOf(String requestId) {
        return lifecycle.forRequests(Set.of(requestId)).stream().map(Offer::id)
                .filter(id -> id.startsWith("seat-")).findFirst().orElseThrow();
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
