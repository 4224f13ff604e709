package org.mentoring.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** A plain HTTP client on the running app, so that tests go through the real server. */
final class Http {

    /** An answer: status, Content-Type and body (parsed when it is JSON). */
    record Answer(int status, String contentType, String body) {

        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The admin the tests' apps create at start (see {@link #ADMIN_PROPERTIES}). */
    static final String ADMIN_EMAIL = "coordinator@test.example.org";
    static final String ADMIN_PASSWORD = "Test-admin-pass-2026";
    static final String ADMIN_EMAIL_PROPERTY = "mentoring.admin.email=" + ADMIN_EMAIL;
    static final String ADMIN_PASSWORD_PROPERTY = "mentoring.admin.password=" + ADMIN_PASSWORD;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    private final String base;
    private final String authorization;

    /** Anonymous. */
    Http(int port) {
        this("http://localhost:" + port, null);
    }

    private Http(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /** The same client signed in with HTTP Basic. */
    Http as(String email, String password) {
        return new Http(base, "Basic " + java.util.Base64.getEncoder()
                .encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** Signed in as the tests' admin. */
    Http asAdmin() {
        return as(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    /** Every mentor and request, as the API lists them: compare two of these to see that nothing changed. */
    String peopleSnapshot() {
        return get("/api/v1/mentors?size=500").body() + get("/api/v1/requests?size=500").body();
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Answer postJson(String path, String json) {
        return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    Answer post(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A multipart/form-data upload of text files, one part per entry (part name to file content). */
    Answer postFiles(String path, Map<String, String> files) {
        String boundary = "----mentoring" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        files.forEach((name, content) -> {
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                    + name + ".csv\"\r\nContent-Type: text/csv\r\n\r\n";
            body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content.getBytes(StandardCharsets.UTF_8));
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return post(path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    /** A JSON request with a method and an If-Match header. */
    Answer send(String method, String path, String ifMatch, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request);
    }

    private Answer send(HttpRequest.Builder request) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
