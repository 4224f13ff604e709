package org.mentoring.web.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A client on the running app that keeps the session cookie like a browser, follows no redirect (so a test sees
 * where it is sent), and adds the headers it is given to every request.
 */
final class Browser {

    /** An answer: status, headers and body. */
    record Answer(int status, HttpHeaders headers, String body) {

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The session cookie as set by this answer ({@code Set-Cookie}), or null. */
        String sessionCookie() {
            return headers.allValues("Set-Cookie").stream().filter(c -> c.startsWith(COOKIE + "=")).findFirst()
                    .orElse(null);
        }
    }

    static final String COOKIE = "MENTORING_SESSION";
    private static final Pattern CSRF = Pattern.compile(
            "name=\"_csrf\"\\s+(?:value|content)=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String session;

    Browser(String base) {
        this.base = base;
    }

    static Browser on(int port) {
        return new Browser("http://localhost:" + port);
    }

    static String basic(String email, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends this header with every request from now on. */
    Browser with(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** The session cookie's value, or null. */
    String session() {
        return session;
    }

    /** Sends this session cookie from now on, as another tab of the same browser would. */
    Browser withSession(String value) {
        session = value;
        return this;
    }

    /** Signs in on the form, as a person would; answers the form's answer (a redirect). */
    Answer signIn(String email, String password) {
        String token = csrfToken("/sign-in");
        return postForm("/sign-in", Map.of("email", email, "password", password, "_csrf", token));
    }

    /** The CSRF token of a page (its forms' hidden field or its head's meta tag), following redirects in the app. */
    String csrfToken(String page) {
        Answer answer = get(page);
        for (int hop = 0; hop < 3 && answer.status() == 302 && !answer.header("Location").contains("/sign-in"); hop++) {
            answer = get(URI.create(answer.header("Location")).getPath());
        }
        Matcher matcher = CSRF.matcher(answer.body());
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF token on " + page + " (" + answer.status() + ")");
        }
        return matcher.group(1);
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), Map.of());
    }

    Answer postForm(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), Map.of());
    }

    /** A JSON POST with these headers for this request only. */
    Answer postJson(String path, String json, Map<String, String> extra) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), extra);
    }

    private Answer send(HttpRequest.Builder request, Map<String, String> extra) {
        headers.forEach(request::header);
        extra.forEach(request::header);
        if (session != null) {
            request.header("Cookie", COOKIE + "=" + session);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Answer answer = new Answer(response.statusCode(), response.headers(), response.body());
            String cookie = answer.sessionCookie();
            if (cookie != null) {
                String value = cookie.substring(COOKIE.length() + 1, cookie.indexOf(';') < 0 ? cookie.length()
                        : cookie.indexOf(';'));
                session = value.isEmpty() ? null : value;
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
