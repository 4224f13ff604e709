package org.mentoring.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.mentoring.accounts.AccountService;
import org.mentoring.accounts.Credentials;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session at its next request once its account is disabled or its password changed, on whichever
 * instance the session lives: the account's session epoch is read from the store on every request that carries a
 * signed-in session (no cache, so a change is seen at once everywhere) and compared with the one the session was
 * signed in with. A session that no longer matches is invalidated before Spring Security reads it and the request
 * goes no further: a page sends the person to the sign-in form, the API answers 401.
 */
final class SessionEpochFilter extends OncePerRequestFilter {

    /** Why a request was not let through: the session it came with has been ended. */
    static final class SessionEndedException extends AuthenticationException {

        SessionEndedException() {
            super("Your session has ended because your account was disabled or its password changed: sign in again");
        }
    }

    private final AccountService accounts;
    private final AuthenticationEntryPoint ended;
    private final boolean basicCallsIgnoreSessions;

    /**
     * {@code ended} answers a request whose session was just ended (a redirect to sign-in, or a 401); with
     * {@code basicCallsIgnoreSessions} (the API) a call with Basic credentials is left to them, as its session is
     * not read.
     */
    SessionEpochFilter(AccountService accounts, AuthenticationEntryPoint ended, boolean basicCallsIgnoreSessions) {
        this.accounts = accounts;
        this.ended = ended;
        this.basicCallsIgnoreSessions = basicCallsIgnoreSessions;
    }

    /** Public files (styles, scripts, images) need no check: the next page or API call makes it. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath();
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/images/")
                || path.startsWith("/webjars/") || path.equals("/favicon.ico")
                || (basicCallsIgnoreSessions && BasicCallsIgnoreSessions.sendsBasic(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && !stillValid(session)) {
            session.invalidate();
            ended.commence(request, response, new SessionEndedException());
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean stillValid(HttpSession session) {
        Object stored;
        try {
            stored = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        } catch (IllegalStateException alreadyInvalidated) {
            return true;
        }
        if (!(stored instanceof SecurityContext context) || context.getAuthentication() == null) {
            return true; // nobody signed in on this session (yet)
        }
        Authentication authentication = context.getAuthentication();
        if (!(authentication.getPrincipal() instanceof AccountPrincipal principal)) {
            return true; // not signed in by this app's sign-in (a test's stand-in user): no epoch to compare
        }
        return accounts.credentials(principal.getUsername())
                .filter(Credentials::enabled)
                .filter(credentials -> credentials.passwordHash() != null)
                .map(credentials -> credentials.sessionEpoch() == principal.sessionEpoch())
                .orElse(false);
    }
}
