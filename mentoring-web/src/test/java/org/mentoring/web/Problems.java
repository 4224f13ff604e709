package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Assertions on the API's RFC 9457 problem answers. */
final class Problems {

    private Problems() {
    }

    /** The answer is a problem of this status and type, with a title. */
    static void assertProblem(Http.Answer answer, int status, String type) {
        String body = answer.body();
        assertThat(answer.status()).as(body.length() > 2000 ? body.substring(0, 2000) : body).isEqualTo(status);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("type").asText()).isEqualTo("https://mentoring.example.org/problems/" + type);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
    }

    /** The fields the problem's {@code errors} name, in order. */
    static List<String> fields(Http.Answer answer) {
        return answer.json().get("errors").findValuesAsText("field");
    }
}
