package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mentoring.api.security.SignedInUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every API endpoint against every kind of caller, with the exact status each must get: anonymous, the researcher
 * who owns the request, another researcher, a mentor, the mentor named in that request's proposal, an admin. A
 * refusal never carries the other person's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mentoring.embedded-in-memory=true", "mentoring.demo-data=false", Http.ADMIN_EMAIL_PROPERTY,
            Http.ADMIN_PASSWORD_PROPERTY, "spring.application.name=access-matrix"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@AutoConfigureMockMvc
class AccessMatrixTest {

    static final String PASSWORD = "matrix-test-pass 2026";
    static final String OWNER = "owner.researcher@uni.example.org";
    static final String OTHER = "other.researcher@uni.example.org";

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;

    private final Map<String, Http> callers = new LinkedHashMap<>();
    private String runId;
    private String namedMentor;
    private String ownProposal;
    private String otherMentor;
    private String spareAccountId;

    @BeforeAll
    void community() {
        Http admin = new Http(port).asAdmin();
        Http.Answer imported = admin.postJson("/api/v1/import", """
                {"mentors": [%s, %s], "requests": [%s, %s]}
                """.formatted(mentor("m-1", "first.mentor@uni.example.org"),
                mentor("m-2", "second.mentor@uni.example.org"),
                request("r-own", OWNER, "m-1"), request("r-other", OTHER, "m-2")));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);

        Http anonymous = new Http(port);
        // the import gave each person an account without a password: each accepts an invitation
        for (String id : List.of("m-1", "m-2", "r-own", "r-other")) {
            String email = id.startsWith("m-") ? mentorEmail(id) : id.equals("r-own") ? OWNER : OTHER;
            String role = id.startsWith("m-") ? "MENTOR" : "RESEARCHER";
            Http.Answer invited = admin.postJson("/api/v1/accounts/invitations",
                    "{\"email\": \"%s\", \"name\": \"Person %s\", \"role\": \"%s\", \"personExternalId\": \"%s\"}"
                            .formatted(email, id, role, id));
            assertThat(invited.status()).as(invited.body()).isEqualTo(201);
            String url = invited.json().get("setPasswordUrl").asText();
            String token = url.substring(url.indexOf("token=") + 6);
            assertThat(anonymous.postJson("/api/v1/accounts/set-password",
                    "{\"token\": \"%s\", \"password\": \"%s\"}".formatted(token, PASSWORD)).status()).isEqualTo(204);
        }
        Http.Answer spare = admin.postJson("/api/v1/accounts/invitations",
                "{\"email\": \"spare@uni.example.org\", \"name\": \"Spare\", \"role\": \"RESEARCHER\"}");
        spareAccountId = spare.json().get("account").get("id").asText();

        Http.Answer started = admin.postJson("/api/v1/matching-runs", "{\"timeLimitSeconds\": 5}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        runId = started.json().get("id").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> List.of("COMPLETED", "CANCELLED", "FAILED")
                .contains(admin.get("/api/v1/matching-runs/" + runId).json().get("status").asText()));
        JsonNode proposals = admin.get("/api/v1/matching-runs/" + runId + "/proposals").json().get("proposals");
        for (JsonNode proposal : proposals) {
            if (proposal.get("requestExternalId").asText().equals("r-own")) {
                namedMentor = proposal.get("mentorExternalId").asText();
                ownProposal = proposal.get("id").asText();
            }
        }
        assertThat(namedMentor).as("the owner's request got a proposal").isNotNull();
        otherMentor = namedMentor.equals("m-1") ? "m-2" : "m-1";

        callers.put("anonymous", anonymous);
        callers.put("owner", anonymous.as(OWNER, PASSWORD));
        callers.put("other researcher", anonymous.as(OTHER, PASSWORD));
        callers.put("a mentor", anonymous.as(mentorEmail(otherMentor), PASSWORD));
        callers.put("named mentor", anonymous.as(mentorEmail(namedMentor), PASSWORD));
        callers.put("admin", admin);
    }

    @Test
    void everyEndpointAnswersEachCallerWithTheExactStatus() {
        List<String> mismatches = new ArrayList<>();
        // columns: anonymous, owner, other researcher, a mentor, named mentor, admin
        check(mismatches, "GET /me", http -> http.get("/api/v1/me"), 401, 200, 200, 200, 200, 200);
        check(mismatches, "GET /requests", http -> http.get("/api/v1/requests"), 401, 200, 200, 403, 403, 200);
        check(mismatches, "GET /requests/r-own", http -> http.get("/api/v1/requests/r-own"),
                401, 200, 403, 403, 403, 200);
        check(mismatches, "GET /requests/unknown", http -> http.get("/api/v1/requests/r-none"),
                401, 403, 403, 403, 403, 404);
        check(mismatches, "PUT /requests/r-own", this::rewriteOwnRequest, 401, 200, 403, 403, 403, 200);
        check(mismatches, "DELETE /requests/r-own (stale version)",
                http -> http.send("DELETE", "/api/v1/requests/r-own", "\"999\"", ""), 401, 409, 403, 403, 403, 409);
        check(mismatches, "GET /mentors", http -> http.get("/api/v1/mentors"), 401, 403, 403, 403, 403, 200);
        check(mismatches, "GET /mentors/directory", http -> http.get("/api/v1/mentors/directory"),
                401, 200, 200, 200, 200, 200);
        check(mismatches, "GET /mentors/{named}", http -> http.get("/api/v1/mentors/" + namedMentor),
                401, 403, 403, 403, 200, 200);
        check(mismatches, "PUT /mentors/{named}", this::rewriteNamedMentor, 401, 403, 403, 403, 200, 200);
        check(mismatches, "DELETE /mentors/{named} (stale version)",
                http -> http.send("DELETE", "/api/v1/mentors/" + namedMentor, "\"999\"", ""),
                401, 403, 403, 403, 403, 409);
        check(mismatches, "POST /import?dryRun=true",
                http -> http.postJson("/api/v1/import?dryRun=true", "{\"mentors\": [], \"requests\": []}"),
                401, 403, 403, 403, 403, 422);
        check(mismatches, "GET /import/history", http -> http.get("/api/v1/import/history"),
                401, 403, 403, 403, 403, 200);
        check(mismatches, "GET /admin/backup", http -> http.get("/api/v1/admin/backup"),
                401, 403, 403, 403, 403, 200);
        check(mismatches, "POST /admin/restore (no archive)",
                http -> http.post("/api/v1/admin/restore", "multipart/form-data; boundary=x", new byte[0]),
                401, 403, 403, 403, 403, 422);
        check(mismatches, "POST /matching-runs (invalid time limit)",
                http -> http.postJson("/api/v1/matching-runs", "{\"timeLimitSeconds\": 0}"),
                401, 403, 403, 403, 403, 422);
        check(mismatches, "GET /matching-runs", http -> http.get("/api/v1/matching-runs"),
                401, 403, 403, 403, 403, 200);
        check(mismatches, "GET /matching-runs/{id}", http -> http.get("/api/v1/matching-runs/" + runId),
                401, 403, 403, 403, 403, 200);
        check(mismatches, "GET /matching-runs/{id}/proposals",
                http -> http.get("/api/v1/matching-runs/" + runId + "/proposals"), 401, 403, 403, 403, 403, 200);
        check(mismatches, "GET /matching-runs/{id}/circles",
                http -> http.get("/api/v1/matching-runs/" + runId + "/circles"), 401, 403, 403, 403, 403, 200);
        check(mismatches, "POST /matching-runs/{id}/circles/{circleId}/seats (no such circle)",
                http -> http.postJson("/api/v1/matching-runs/" + runId + "/circles/" + runId + "-000001/seats",
                        "{\"requestExternalId\": \"r-own\"}"), 401, 403, 403, 403, 403, 404);
        check(mismatches, "POST /matching-runs/{id}/cancel (ended)",
                http -> http.postJson("/api/v1/matching-runs/" + runId + "/cancel", ""), 401, 403, 403, 403, 403, 409);
        check(mismatches, "GET /mentorships", http -> http.get("/api/v1/mentorships"), 401, 200, 200, 200, 200, 200);
        check(mismatches, "GET /mentorships?mentor={other}",
                http -> http.get("/api/v1/mentorships?mentorExternalId=" + otherMentor), 401, 200, 200, 200, 403, 200);
        check(mismatches, "GET /taxonomy", http -> http.get("/api/v1/taxonomy"), 401, 200, 200, 200, 200, 200);
        check(mismatches, "GET /matching-settings/defaults", http -> http.get("/api/v1/matching-settings/defaults"),
                401, 200, 200, 200, 200, 200);
        check(mismatches, "GET /accounts", http -> http.get("/api/v1/accounts"), 401, 403, 403, 403, 403, 200);
        check(mismatches, "POST /accounts/{id}/enable",
                http -> http.postJson("/api/v1/accounts/" + spareAccountId + "/enable", ""),
                401, 403, 403, 403, 403, 200);
        check(mismatches, "GET /audit-events", http -> http.get("/api/v1/audit-events"), 401, 403, 403, 403, 403, 200);
        check(mismatches, "GET /admin/restore/status", http -> http.get("/api/v1/admin/restore/status"),
                401, 403, 403, 403, 403, 200);
        check(mismatches, "GET /admin/consistency", http -> http.get("/api/v1/admin/consistency"),
                401, 403, 403, 403, 403, 200);
        check(mismatches, "GET /admin/attention", http -> http.get("/api/v1/admin/attention"),
                401, 403, 403, 403, 403, 200);
        check(mismatches, "GET /admin/demand", http -> http.get("/api/v1/admin/demand"),
                401, 403, 403, 403, 403, 200);
        check(mismatches, "GET /admin/waiting-offers", http -> http.get("/api/v1/admin/waiting-offers"),
                401, 403, 403, 403, 403, 200);
        check(mismatches, "POST /matching-runs/{id}/publish",
                http -> http.postJson("/api/v1/matching-runs/" + runId + "/publish", ""), 401, 403, 403, 403, 403, 200);
        check(mismatches, "GET /matching-runs/{id}/diff",
                http -> http.get("/api/v1/matching-runs/" + runId + "/diff"), 401, 403, 403, 403, 403, 200);
        check(mismatches, "GET /proposals/mine", http -> http.get("/api/v1/proposals/mine"),
                401, 200, 200, 200, 200, 200);
        check(mismatches, "GET /proposals/{own}", http -> http.get("/api/v1/proposals/" + ownProposal),
                401, 200, 403, 403, 200, 200);
        check(mismatches, "GET /proposals/unknown", http -> http.get("/api/v1/proposals/none"),
                401, 403, 403, 403, 403, 404);
        check(mismatches, "POST /proposals/{own}/accept (admin without onBehalfOf)",
                http -> http.postJson("/api/v1/proposals/" + ownProposal + "/accept", ""),
                401, 200, 403, 403, 200, 422);
        check(mismatches, "POST /proposals/{own}/decline (accepted already)",
                http -> http.postJson("/api/v1/proposals/" + ownProposal + "/decline",
                        "{\"onBehalfOf\": \"MENTOR\"}"),
                401, 409, 403, 403, 409, 409);
        check(mismatches, "POST /proposals/{own}/override (accepted already)",
                http -> http.postJson("/api/v1/proposals/" + ownProposal + "/override",
                        "{\"mentorExternalId\": \"" + otherMentor + "\"}"), 401, 403, 403, 403, 403, 409);
        check(mismatches, "POST /proposals/{own}/pin (accepted already)",
                http -> http.postJson("/api/v1/proposals/" + ownProposal + "/pin", ""), 401, 403, 403, 403, 403, 409);
        check(mismatches, "DELETE /proposals/unknown/pin",
                http -> http.send("DELETE", "/api/v1/proposals/none/pin", null, ""), 401, 403, 403, 403, 403, 404);
        check(mismatches, "DELETE /proposals/{own}/pin",
                http -> http.send("DELETE", "/api/v1/proposals/" + ownProposal + "/pin", null, ""),
                401, 403, 403, 403, 403, 204);
        check(mismatches, "GET /pins", http -> http.get("/api/v1/pins"), 401, 403, 403, 403, 403, 200);
        check(mismatches, "GET /requests/r-own/candidates", http -> http.get("/api/v1/requests/r-own/candidates"),
                401, 403, 403, 403, 403, 200);
        check(mismatches, "POST /matching-runs/{id}/unmatched/r-own/pair (published run)",
                http -> http.postJson("/api/v1/matching-runs/" + runId + "/unmatched/r-own/pair",
                        "{\"mentorExternalId\": \"" + otherMentor + "\"}"), 401, 403, 403, 403, 403, 409);
        check(mismatches, "GET /analytics/runs/{id}", http -> http.get("/api/v1/analytics/runs/" + runId),
                401, 403, 403, 403, 403, 200);
        check(mismatches, "GET /mentorships/{own}/feedback",
                http -> http.get("/api/v1/mentorships/" + ownProposal + "/feedback"), 401, 200, 403, 403, 200, 200);
        check(mismatches, "POST /mentorships/{own}/feedback (rating out of range)",
                http -> http.postJson("/api/v1/mentorships/" + ownProposal + "/feedback",
                        "{\"stage\": \"MID\", \"rating\": 0}"), 401, 422, 403, 403, 422, 403);
        check(mismatches, "POST /mentorships/{own}/end (unknown reason)",
                http -> http.postJson("/api/v1/mentorships/" + ownProposal + "/end", "{\"reason\": \"DONE\"}"),
                401, 422, 403, 403, 422, 422);
        check(mismatches, "POST /mentorships/unknown/end",
                http -> http.postJson("/api/v1/mentorships/none/end", "{\"reason\": \"COMPLETED\"}"),
                401, 403, 403, 403, 403, 404);
        check(mismatches, "GET /settings/introduction", http -> http.get("/api/v1/settings/introduction"),
                401, 200, 200, 200, 200, 200);
        check(mismatches, "PUT /settings/introduction (empty)",
                http -> http.send("PUT", "/api/v1/settings/introduction", null, "{\"firstSteps\": \"\"}"),
                401, 403, 403, 403, 403, 422);
        check(mismatches, "GET /notifications/mine", http -> http.get("/api/v1/notifications/mine"),
                401, 200, 200, 200, 200, 200);
        check(mismatches, "POST /me/password (wrong current)",
                http -> http.postJson("/api/v1/me/password",
                        "{\"currentPassword\": \"not-it-at-all-1\", \"newPassword\": \"another pass 2027\"}"),
                401, 422, 422, 422, 422, 422);
        check(mismatches, "POST /accounts/verify-email (unknown token)",
                http -> http.postJson("/api/v1/accounts/verify-email", "{\"token\": \"not-a-token\"}"),
                422, 422, 422, 422, 422, 422);
        check(mismatches, "POST /accounts/password-reset (unknown email)",
                http -> http.postJson("/api/v1/accounts/password-reset", "{\"email\": \"nobody@uni.example.org\"}"),
                202, 202, 202, 202, 202, 202);
        check(mismatches, "POST /accounts/password-reset (malformed email)",
                http -> http.postJson("/api/v1/accounts/password-reset", "{\"email\": \"not an address\"}"),
                422, 422, 422, 422, 422, 422);
        check(mismatches, "POST /me/verification-email (address proven already)",
                http -> http.postJson("/api/v1/me/verification-email", ""), 401, 409, 409, 409, 409, 409);
        check(mismatches, "GET /accounts/invitations", http -> http.get("/api/v1/accounts/invitations"),
                401, 403, 403, 403, 403, 200);
        check(mismatches, "POST /accounts/invitations/bulk (nobody selected)",
                http -> http.postJson("/api/v1/accounts/invitations/bulk", "{}"), 401, 403, 403, 403, 403, 422);
        check(mismatches, "GET /admin/deliveries?state=UNDELIVERABLE",
                http -> http.get("/api/v1/admin/deliveries?state=UNDELIVERABLE"), 401, 403, 403, 403, 403, 200);
        check(mismatches, "POST /admin/deliveries/{unknown}/retry",
                http -> http.postJson("/api/v1/admin/deliveries/no-such-message/retry", ""),
                401, 403, 403, 403, 403, 404);
        check(mismatches, "POST /requests/r-own/direct-ask (request matched)",
                http -> http.postJson("/api/v1/requests/r-own/direct-ask",
                        "{\"mentorExternalId\": \"" + otherMentor + "\", \"message\": \"Hello\"}"),
                401, 409, 403, 403, 403, 409);
        check(mismatches, "GET /settings/direct-asks", http -> http.get("/api/v1/settings/direct-asks"),
                401, 200, 200, 200, 200, 200);
        check(mismatches, "PUT /settings/direct-asks",
                http -> http.send("PUT", "/api/v1/settings/direct-asks", null, "{\"enabled\": true}"),
                401, 403, 403, 403, 403, 200);
        check(mismatches, "GET /admin/direct-asks", http -> http.get("/api/v1/admin/direct-asks"),
                401, 403, 403, 403, 403, 200);
        check(mismatches, "GET /taxonomy", http -> http.get("/api/v1/taxonomy"), 401, 200, 200, 200, 200, 200);
        check(mismatches, "GET /topics", http -> http.get("/api/v1/topics"), 401, 200, 200, 200, 200, 200);
        check(mismatches, "PUT /taxonomy (no roots)", http -> http.send("PUT", "/api/v1/taxonomy", null, "{}"),
                401, 403, 403, 403, 403, 422);
        check(mismatches, "PUT /topics (not a list)",
                http -> http.send("PUT", "/api/v1/topics", null, "{\"topics\": 1}"), 401, 403, 403, 403, 403, 422);
        check(mismatches, "GET /cycles", http -> http.get("/api/v1/cycles"), 401, 200, 200, 200, 200, 200);
        check(mismatches, "POST /cycles (no code)", http -> http.postJson("/api/v1/cycles", "{\"name\": \"x\"}"),
                401, 403, 403, 403, 403, 422);
        assertThat(mismatches).isEmpty();
    }

    @Test
    void theTaxonomyAndTopicsPagesAreForAdminsOnly() throws Exception {
        for (String page : List.of("/admin/taxonomy", "/admin/topics")) {
            mvc.perform(get(page)).andExpect(status().is3xxRedirection())
                    .andExpect(redirectedUrlPattern("**/sign-in"));
            for (SignedInUser someone : List.of(PageUsers.person(OWNER, "RESEARCHER", "r-own"),
                    PageUsers.person(mentorEmail(namedMentor), "MENTOR", namedMentor))) {
                mvc.perform(get(page).with(user(someone))).andExpect(status().isForbidden());
                mvc.perform(post(page + "/rename").with(user(someone)).with(csrf()).param("code", "x")
                        .param("name", "y")).andExpect(status().isForbidden());
            }
            mvc.perform(get(page).with(user(PageUsers.COORDINATOR))).andExpect(status().isOk());
        }
    }

    @Test
    void theCyclesPageIsForAdminsOnly() throws Exception {
        for (SignedInUser someone : List.of(PageUsers.person(OWNER, "RESEARCHER", "r-own"),
                PageUsers.person(mentorEmail(namedMentor), "MENTOR", namedMentor))) {
            mvc.perform(get("/admin/cycles").with(user(someone))).andExpect(status().isForbidden());
            mvc.perform(post("/admin/cycles").with(user(someone)).with(csrf())).andExpect(status().isForbidden());
        }
        mvc.perform(get("/admin/cycles").with(user(PageUsers.COORDINATOR))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("Open for requests today")));
        mvc.perform(post("/admin/cycles").param("code", "Bad Code").with(user(PageUsers.COORDINATOR)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("lowercase letters, digits")));
    }

    @Test
    void theDeliveriesPageIsForAdminsOnly() throws Exception {
        mvc.perform(get("/admin/deliveries")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("**/sign-in"));
        for (SignedInUser someone : List.of(PageUsers.person(OWNER, "RESEARCHER", "r-own"),
                PageUsers.person(mentorEmail(namedMentor), "MENTOR", namedMentor))) {
            mvc.perform(get("/admin/deliveries").with(user(someone))).andExpect(status().isForbidden());
            mvc.perform(get("/admin/direct-asks").with(user(someone))).andExpect(status().isForbidden());
            mvc.perform(post("/admin/direct-asks/settings").param("enabled", "false").with(user(someone)).with(csrf()))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/admin/deliveries/{id}/retry", "no-such-message").with(user(someone)).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/admin/deliveries").with(user(PageUsers.COORDINATOR))).andExpect(status().isOk());
    }

    @Test
    void theCoordinatorsPeopleAndAuditPagesAreForAdminsOnly() throws Exception {
        List<String> pages = List.of("/admin/requests?q=owner", "/admin/requests/r-own", "/admin/mentors",
                "/admin/mentors/m-1", "/admin/accounts", "/admin/accounts/" + spareAccountId, "/admin/mentorships",
                "/admin/audit");
        for (String page : pages) {
            mvc.perform(get(page)).andExpect(status().is3xxRedirection())
                    .andExpect(redirectedUrlPattern("**/sign-in"));
        }
        for (SignedInUser someone : List.of(PageUsers.person(OWNER, "RESEARCHER", "r-own"),
                PageUsers.person(mentorEmail(namedMentor), "MENTOR", namedMentor))) {
            for (String page : pages) {
                mvc.perform(get(page).with(user(someone)).accept("text/html")).andExpect(status().isForbidden());
            }
            for (String action : List.of("/admin/requests/r-own/withdraw", "/admin/requests/r-own",
                    "/admin/mentors/m-1/capacity", "/admin/mentors/m-1", "/admin/accounts/invite",
                    "/admin/accounts/" + spareAccountId + "/disable", "/admin/accounts/" + spareAccountId + "/enable")) {
                mvc.perform(post(action).with(user(someone)).with(csrf())).andExpect(status().isForbidden());
            }
        }
        for (String page : pages) {
            mvc.perform(get(page).with(user(PageUsers.COORDINATOR))).andExpect(status().isOk());
        }
    }

    @Test
    void theSettingsPageIsForAdminsOnly() throws Exception {
        for (SignedInUser someone : List.of(PageUsers.person(OWNER, "RESEARCHER", "r-own"),
                PageUsers.person(mentorEmail(namedMentor), "MENTOR", namedMentor))) {
            mvc.perform(get("/admin/settings").with(user(someone))).andExpect(status().isForbidden());
            mvc.perform(post("/admin/settings").param("firstSteps", "Mine.").with(user(someone)).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/admin/settings").with(user(PageUsers.COORDINATOR))).andExpect(status().isOk());
    }

    @Test
    void aRunsMatchPagesAndActionsAreForAdminsOnly() throws Exception {
        List<String> pages = List.of("/admin/runs/" + runId + "/requests/r-own", "/admin/runs/" + runId + "/publish",
                "/admin/runs/" + runId + "?tab=unmatched&q=x", "/admin/runs/" + runId + "/analytics");
        for (SignedInUser someone : List.of(PageUsers.person(OWNER, "RESEARCHER", "r-own"),
                PageUsers.person(mentorEmail(namedMentor), "MENTOR", namedMentor))) {
            for (String page : pages) {
                mvc.perform(get(page).with(user(someone)).accept("text/html")).andExpect(status().isForbidden());
            }
            for (String action : List.of("pair", "override", "answer", "pin", "unpin")) {
                mvc.perform(post("/admin/runs/" + runId + "/requests/r-own/" + action).param("proposalId", ownProposal)
                        .param("mentorExternalId", otherMentor).param("side", "MENTOR").param("answer", "DECLINED")
                        .with(user(someone)).with(csrf())).andExpect(status().isForbidden());
            }
            mvc.perform(post("/admin/runs/" + runId + "/circles/" + runId + "-000001/seats")
                    .param("requestExternalId", "r-own").with(user(someone)).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        for (String page : pages) {
            mvc.perform(get(page).with(user(PageUsers.COORDINATOR))).andExpect(status().isOk());
        }
    }

    @Test
    void aRefusalNeverShowsTheOtherPersonsData() {
        for (String caller : List.of("other researcher", "a mentor", "named mentor")) {
            Http.Answer refused = callers.get(caller).get("/api/v1/requests/r-own");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.contentType()).isEqualTo("application/problem+json");
            assertThat(refused.body()).doesNotContain(OWNER).doesNotContain("Owner Person")
                    .doesNotContain("University of Owners");
        }
        Http.Answer list = callers.get("other researcher").get("/api/v1/requests");
        assertThat(list.body()).doesNotContain(OWNER).contains(OTHER);
    }

    @Test
    void adminActionsAndFailedSignInsAreInTheAuditTrail() {
        Http admin = callers.get("admin");
        assertThat(new Http(port).as(OWNER, "not the password 1").get("/api/v1/me").status()).isEqualTo(401);

        JsonNode events = admin.get("/api/v1/audit-events?size=200").json().get("content");
        List<String> actions = new ArrayList<>();
        events.forEach(event -> actions.add(event.get("action").asText() + " by " + event.get("actor").asText()));
        assertThat(actions).contains("import by " + Http.ADMIN_EMAIL, "run.start by " + Http.ADMIN_EMAIL,
                "account.invite by " + Http.ADMIN_EMAIL, "sign-in.failed by " + OWNER);
        assertThat(events.toString()).doesNotContain("not the password 1").doesNotContain(PASSWORD);
    }

    private Http.Answer rewriteOwnRequest(Http http) {
        Http admin = callers.get("admin");
        JsonNode current = admin.get("/api/v1/requests/r-own").json();
        String body = request("r-own", OWNER, "m-1").replaceFirst("\\{", "{\"version\": "
                + current.get("version").asLong() + ", ");
        return http.send("PUT", "/api/v1/requests/r-own", null, body);
    }

    private Http.Answer rewriteNamedMentor(Http http) {
        Http admin = callers.get("admin");
        JsonNode current = admin.get("/api/v1/mentors/" + namedMentor).json();
        String body = mentor(namedMentor, mentorEmail(namedMentor)).replaceFirst("\\{", "{\"version\": "
                + current.get("version").asLong() + ", ");
        return http.send("PUT", "/api/v1/mentors/" + namedMentor, null, body);
    }

    private void check(List<String> mismatches, String endpoint, Function<Http, Http.Answer> call, int... expected) {
        int column = 0;
        for (Map.Entry<String, Http> caller : callers.entrySet()) {
            Http.Answer answer = call.apply(caller.getValue());
            if (answer.status() != expected[column]) {
                mismatches.add(endpoint + " as " + caller.getKey() + ": expected " + expected[column] + " but was "
                        + answer.status() + " " + answer.body());
            }
            column++;
        }
    }

    private static String mentorEmail(String id) {
        return id.equals("m-1") ? "first.mentor@uni.example.org" : "second.mentor@uni.example.org";
    }

    private static String mentor(String id, String email) {
        return """
                {"externalId": "%s", "name": "Dr. Mentor %s", "email": "%s", "institution": "Mentor University",
                 "country": "KE", "timeZone": "UTC", "languages": ["en"],
                 "domains": ["planetary-health/climate-health/heat-health"], "topics": ["publishing"],
                 "capacity": 1, "availableFrom": "2026-01-01",
                 "weeklyAvailability": [{"day": "TUESDAY", "start": "09:00", "end": "12:00"}]}
                """.formatted(id, id, email);
    }

    private static String request(String id, String email, String preferred) {
        String name = email.equals(OWNER) ? "Owner Person" : "Other Person";
        String institution = email.equals(OWNER) ? "University of Owners" : "Other University";
        return """
                {"externalId": "%s", "name": "%s", "email": "%s", "institution": "%s", "country": "CA",
                 "timeZone": "UTC", "careerStage": "POSTDOC", "languages": ["en"],
                 "domains": ["planetary-health/climate-health/heat-health"], "goals": ["publishing"],
                 "startDate": "2026-03-01", "durationMonths": 6, "minOverlapMinutes": 60,
                 "weeklyAvailability": [{"day": "TUESDAY", "start": "09:00", "end": "11:00"}],
                 "preferredMentorIds": ["%s"], "excludedMentorIds": [], "priority": false}
                """.formatted(id, name, email, institution, preferred);
    }
}
