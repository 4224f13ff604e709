package org.mentoring.web.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.mentoring.common.ForbiddenException;
import org.mentoring.common.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedRuntimeException;
import org.springframework.core.Ordered;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A browser asking for a page gets the error pages in the app's layout ({@code templates/error/403.html},
 * {@code 404.html}, {@code 500.html}) rather than problem JSON: a page that does not exist, a record that does not
 * exist or is not the viewer's, and an unexpected failure. Only for requests outside {@code /api/**} that ask for
 * HTML and are not htmx's; everything else (and a form's own 4xx, such as a bad input) goes on to the API's problem
 * details as before.
 */
@Component
class PageErrorResolver implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(PageErrorResolver.class);

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1; // after Spring Boot's error attributes, before the problem handler
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception e) {
        if (!wantsPage(request)) {
            return null;
        }
        int status;
        if (e instanceof NoResourceFoundException || e instanceof NotFoundException) {
            status = HttpServletResponse.SC_NOT_FOUND;
        } else if (e instanceof ForbiddenException || e instanceof AccessDeniedException) {
            status = HttpServletResponse.SC_FORBIDDEN;
        } else if (unexpected(e)) {
            log.error("Unexpected error on page {}", request.getRequestURI(), e);
            status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        } else {
            return null;
        }
        try {
            response.sendError(status);
        } catch (IOException failed) {
            return null;
        }
        return new ModelAndView();
    }

    /** A failure no handler explains: not one of the app's own, nor one of Spring's that carries its status. */
    private static boolean unexpected(Exception e) {
        return e instanceof RuntimeException && !(e instanceof NestedRuntimeException) && !(e instanceof ErrorResponse)
                && !e.getClass().getName().startsWith("org.mentoring.");
    }

    private static boolean wantsPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String accept = request.getHeader("Accept");
        return !path.startsWith("/api/") && !path.startsWith("/v3/") && request.getHeader("HX-Request") == null
                && accept != null && accept.contains("text/html");
    }
}
