package org.mentoring.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with 403 problem details, a state-changing request (POST, PUT, PATCH, DELETE) that a browser says came
 * from another site, whatever credentials it carries: {@code Sec-Fetch-Site: cross-site} or {@code same-site} (a
 * neighbouring sub-domain is another application), or an {@code Origin} that is not this application's own
 * (scheme, host and port as the request reached it, after trusted proxies' forwarded headers). A request with
 * neither header, as curl and other scripts send, or with {@code same-origin} or {@code none}, goes on.
 */
final class CrossSiteRequestFilter extends OncePerRequestFilter {

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> OTHER_SITE = Set.of("cross-site", "same-site");

    private final ProblemAuthenticationEntryPoint problems;

    CrossSiteRequestFilter(ProblemAuthenticationEntryPoint problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (STATE_CHANGING.contains(request.getMethod()) && fromAnotherSite(request)) {
            problems.write(response, HttpStatus.FORBIDDEN, "cross-site", "Cross-site request refused",
                    "This change was sent from another web site, so it was refused; make it from the app's own "
                            + "pages or from a script", request);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean fromAnotherSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && OTHER_SITE.contains(fetchSite.trim().toLowerCase(Locale.ROOT))) {
            return true;
        }
        String origin = request.getHeader("Origin");
        return origin != null && !sameOrigin(origin.trim(), request);
    }

    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        URI uri;
        try {
            uri = new URI(origin);
        } catch (java.net.URISyntaxException e) {
            return false;
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            return false; // "null" (a sandboxed frame, a privacy redirect) or something malformed
        }
        return uri.getScheme().equalsIgnoreCase(request.getScheme())
                && uri.getHost().equalsIgnoreCase(request.getServerName())
                && port(uri.getPort(), uri.getScheme()) == port(request.getServerPort(), request.getScheme());
    }

    private static int port(int port, String scheme) {
        if (port > 0) {
            return port;
        }
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }
}
