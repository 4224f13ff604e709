package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The OpenAPI description keeps the rules of Redocly's recommended lint that matter to a generated client, checked in
 * Java on {@code /v3/api-docs}: it says how to sign in (schemes, a global requirement, {@code security: []} exactly on
 * the operations anyone may call, which an anonymous call confirms), every operation has a 4xx answer as a problem
 * detail, operationIds are unique, path parameters are declared, and the license is named.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mentoring.embedded-in-memory=true", "mentoring.demo-data=false", Http.ADMIN_EMAIL_PROPERTY,
            Http.ADMIN_PASSWORD_PROPERTY})
class OpenApiLintTest {

    /** The API operations anyone may call: sign-up and the links sent by email. */
    private static final Set<String> MAY_BE_PUBLIC = Set.of("POST /api/v1/accounts/sign-up",
            "POST /api/v1/accounts/set-password", "POST /api/v1/accounts/verify-email",
            "GET /api/v1/accounts/verify-email", "POST /api/v1/accounts/password-reset");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");

    @LocalServerPort
    int port;

    JsonNode api;

    @BeforeEach
    void readTheDescription() {
        Http.Answer answer = new Http(port).get("/v3/api-docs");
        assertThat(answer.status()).isEqualTo(200);
        api = answer.json();
    }

    @Test
    void theSchemesAndTheGlobalRequirementSayHowToSignIn() {
        JsonNode schemes = api.path("components").path("securitySchemes");

        assertThat(schemes.path("basicAuth").path("type").asText()).isEqualTo("http");
        assertThat(schemes.path("basicAuth").path("scheme").asText()).isEqualTo("basic");
        assertThat(schemes.path("sessionCookie").path("type").asText()).isEqualTo("apiKey");
        assertThat(schemes.path("sessionCookie").path("in").asText()).isEqualTo("cookie");
        assertThat(schemes.path("sessionCookie").path("name").asText()).isEqualTo("MENTORING_SESSION");
        List<String> global = new ArrayList<>();
        api.path("security").forEach(requirement -> requirement.fieldNames().forEachRemaining(global::add));
        assertThat(global).containsExactlyInAnyOrder("basicAuth", "sessionCookie");
    }

    @Test
    void exactlyTheOperationsAnyoneMayCallAreMarkedPublic() {
        Http anonymous = new Http(port);
        Set<String> documentedPublic = new TreeSet<>();
        Set<String> answeredWithout401 = new TreeSet<>();
        forEachOperation((key, operation) -> {
            JsonNode security = operation.get("security");
            if (security != null) {
                assertThat(security).as(key + " names no scheme of its own").isEmpty();
                documentedPublic.add(key);
            }
            String method = key.substring(0, key.indexOf(' '));
            String path = TEMPLATE.matcher(key.substring(key.indexOf(' ') + 1)).replaceAll("x");
            Http.Answer answer = method.equals("GET") ? anonymous.get(path) : anonymous.send(method, path, null, "{}");
            if (answer.status() != 401) {
                answeredWithout401.add(key);
            }
        });

        assertThat(documentedPublic).contains("POST /api/v1/accounts/sign-up", "POST /api/v1/accounts/set-password");
        assertThat(MAY_BE_PUBLIC).containsAll(documentedPublic);
        assertThat(answeredWithout401).isEqualTo(documentedPublic);
    }

    @Test
    void everyOperationHasA4xxAnswerAsAProblemDetail() {
        forEachOperation((key, operation) -> {
            List<String> errors = new ArrayList<>();
            operation.path("responses").fields().forEachRemaining(response -> {
                if (response.getKey().startsWith("4")) {
                    errors.add(response.getKey());
                    assertThat(response.getValue().path("content").has("application/problem+json"))
                            .as(key + " " + response.getKey() + " is a problem detail").isTrue();
                    assertThat(response.getValue().path("content").size()).as(key + " " + response.getKey())
                            .isEqualTo(1);
                }
            });
            assertThat(errors).as(key).isNotEmpty();
            boolean isPublic = operation.has("security");
            assertThat(errors.contains("401")).as(key + " documents 401 unless anyone may call it")
                    .isEqualTo(!isPublic);
            if (key.contains("{")) {
                assertThat(errors).as(key + " has an id").contains("404");
            }
            if (operation.has("requestBody")) {
                assertThat(errors).as(key + " has a body").contains("400", "422");
            }
        });
        JsonNode problem = api.path("components").path("schemas").path("ProblemDetail").path("properties");
        assertThat(problem.has("errors")).isTrue();
        assertThat(problem.has("detail")).isTrue();
    }

    @Test
    void adminOnlyOperationsDocument403() {
        assertThat(operation("post", "/api/v1/matching-runs").path("responses").has("403")).isTrue();
        assertThat(operation("get", "/api/v1/audit-events").path("responses").has("403")).isTrue();
        assertThat(operation("get", "/api/v1/mentors").path("responses").path("403").path("description").asText())
                .contains("ADMIN");
    }

    @Test
    void operationIdsAreUniqueAndPathParametersDeclared() {
        Set<String> ids = new HashSet<>();
        forEachOperation((key, operation) -> {
            String id = operation.path("operationId").asText();
            assertThat(id).as(key).isNotBlank();
            assertThat(ids.add(id)).as(key + " operationId " + id + " is unique").isTrue();
            Set<String> declared = new TreeSet<>();
            operation.path("parameters").forEach(parameter -> {
                if (parameter.path("in").asText().equals("path")) {
                    declared.add(parameter.path("name").asText());
                    assertThat(parameter.path("required").asBoolean()).as(key).isTrue();
                }
                assertThat(parameter.path("name").asText()).as(key + " has no body among its parameters")
                        .isNotEqualTo("body");
            });
            Set<String> inTemplate = new TreeSet<>();
            Matcher matcher = TEMPLATE.matcher(key);
            while (matcher.find()) {
                inTemplate.add(matcher.group(1));
            }
            assertThat(declared).as(key).isEqualTo(inTemplate);
        });
    }

    @Test
    void theLicenseAndTheServerAreNamed() {
        assertThat(api.path("info").path("license").path("name").asText()).isEqualTo("Apache-2.0");
        assertThat(api.path("info").path("license").path("url").asText()).startsWith("https://");
        api.path("servers").forEach(server -> assertThat(server.path("url").asText()).doesNotContain("localhost"));
    }

    @Test
    void theCsvImportsTakeACsvBody() {
        assertThat(operation("post", "/api/v1/import/mentors.csv").path("requestBody").path("content").has("text/csv"))
                .isTrue();
    }

    private JsonNode operation(String method, String path) {
        JsonNode operation = api.path("paths").path(path).path(method);
        assertThat(operation.isMissingNode()).as(method + " " + path).isFalse();
        return operation;
    }

    private void forEachOperation(java.util.function.BiConsumer<String, JsonNode> check) {
        int count = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    check.accept(op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(), op.getValue());
                    count++;
                }
            }
        }
        assertThat(count).isGreaterThan(40);
    }
}
