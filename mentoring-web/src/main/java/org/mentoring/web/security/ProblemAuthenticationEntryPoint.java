package org.mentoring.web.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.mentoring.api.problem.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers the API's 401, 403 and 429 as RFC 9457 problem details that name no one's data. A 401 asks for HTTP Basic
 * ({@code WWW-Authenticate}) only when the caller sent Basic credentials: a browser is never prompted, so it never
 * caches a password that another site's requests could ride on.
 */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper objectMapper;

    ProblemAuthenticationEntryPoint(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof SignInDelayedException delayed) {
            response.setHeader("Retry-After", Long.toString(delayed.retryAfterSeconds()));
            write(response, HttpStatus.TOO_MANY_REQUESTS, "sign-in-delayed", "Too many failed sign-ins",
                    delayed.getMessage(), request);
            return;
        }
        if (e instanceof SessionEpochFilter.SessionEndedException) {
            write(response, HttpStatus.UNAUTHORIZED, "session-ended", "Session ended", e.getMessage(), request);
            return;
        }
        if (BasicCallsIgnoreSessions.sendsBasic(request)) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Mentoring\"");
        }
        write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Not signed in",
                "Sign in first: HTTP Basic for scripts, the sign-in form in a browser", request);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (e instanceof org.springframework.security.web.csrf.CsrfException) {
            write(response, HttpStatus.FORBIDDEN, "csrf", "Missing or stale CSRF token",
                    "The form's CSRF token is missing or stale: reload the page and try again", request);
            return;
        }
        write(response, HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                "Your account may not do this or see this", request);
    }

    void write(HttpServletResponse response, HttpStatus status, String type, String title, String detail,
            HttpServletRequest request) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.of(type));
        problem.setTitle(title);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
