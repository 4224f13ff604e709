package org.mentoring.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Where the API finds who is signed in: the request, then the session, as usual, except that a call with HTTP Basic
 * credentials never rides on a session. It is signed in by its credentials or not at all, which is what lets it go
 * without a CSRF token: a forged request cannot borrow a browser's session by adding an {@code Authorization}
 * header.
 */
final class BasicCallsIgnoreSessions implements SecurityContextRepository {

    private final SecurityContextRepository requestOnly = new RequestAttributeSecurityContextRepository();
    private final SecurityContextRepository usual = new DelegatingSecurityContextRepository(requestOnly,
            new HttpSessionSecurityContextRepository());

    /** Whether the request carries HTTP Basic credentials (another scheme, such as Bearer, is not Basic). */
    static boolean sendsBasic(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.trim().regionMatches(true, 0, "Basic ", 0, 6);
    }

    @Override
    @Deprecated
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return pick(holder.getRequest()).loadContext(holder);
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        return pick(request).loadDeferredContext(request);
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        pick(request).saveContext(context, request, response);
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return pick(request).containsContext(request);
    }

    private SecurityContextRepository pick(HttpServletRequest request) {
        return sendsBasic(request) ? requestOnly : usual;
    }
}
