package org.mentoring.web.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Set;
import org.mentoring.accounts.AccountService;
import org.mentoring.api.problem.ProblemTypes;
import org.mentoring.api.security.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Until a self sign-up has opened the link emailed to it, the account owns nothing: it may sign in, see who it is,
 * ask for a new link, change its password and sign out; every other API call answers 403 ({@code
 * email-not-verified}) and every other page leads to the page that says to check the email. Once the link was used
 * (maybe in another browser), the next call finds the account verified in the store and carries on as verified.
 */
final class UnverifiedEmailGate extends OncePerRequestFilter {

    static final String PROBLEM = "email-not-verified";
    private static final Set<String> API_ALLOWED = Set.of("/api/v1/me", "/api/v1/me/verification-email",
            "/api/v1/me/password", "/api/v1/accounts/verify-email");
    private static final Set<String> PAGES_ALLOWED = Set.of("/verify-email", "/verify-email/resend", "/sign-out",
            "/sign-in", "/sign-up", "/set-password", "/error", "/favicon.ico", "/forgot-password",
            "/account/password");

    private final AccountService accounts;
    private final ObjectMapper objectMapper;
    private final boolean api;
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    UnverifiedEmailGate(AccountService accounts, ObjectMapper objectMapper, boolean api) {
        this.accounts = accounts;
        this.objectMapper = objectMapper;
        this.api = api;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedInUser user)
                || user.isEmailVerified() || allowed(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (accounts.findByEmail(user.getUsername()).map(a -> a.emailVerified()).orElse(false)) {
            verifiedMeanwhile(authentication, user, request, response);
            chain.doFilter(request, response);
            return;
        }
        if (api) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Confirm your email "
                    + "address first: open the link emailed to " + user.getUsername() + " when you signed up, or ask "
                    + "for a new one with POST /api/v1/me/verification-email. Until then the account owns nothing.");
            problem.setType(ProblemTypes.of(PROBLEM));
            problem.setTitle("Email address not confirmed");
            problem.setInstance(URI.create(request.getRequestURI()));
            response.setStatus(HttpStatus.FORBIDDEN.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            objectMapper.writeValue(response.getOutputStream(), problem);
        } else {
            response.setStatus(HttpStatus.SEE_OTHER.value());
            response.setHeader("Location", request.getContextPath() + "/verify-email");
        }
    }

    private boolean allowed(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return api ? API_ALLOWED.contains(path) : PAGES_ALLOWED.contains(path) || path.startsWith("/webjars/")
                || path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/images/");
    }

    /** The link was used since this session began: the session carries on as verified. */
    private void verifiedMeanwhile(Authentication authentication, SignedInUser user, HttpServletRequest request,
            HttpServletResponse response) {
        String password = user.getPassword() == null ? "" : user.getPassword();
        // keeps the session epoch the sign-in read, so disabling the account or changing its password still ends it
        SignedInUser verified = user instanceof AccountPrincipal principal
                ? new AccountPrincipal(user.getUsername(), password, user.isEnabled(), user.getAuthorities(),
                        user.getPersonExternalId(), true, principal.sessionEpoch())
                : new SignedInUser(user.getUsername(), password, user.isEnabled(), user.getAuthorities(),
                        user.getPersonExternalId(), true);
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(verified, null,
                authentication.getAuthorities());
        token.setDetails(authentication.getDetails());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(token);
        SecurityContextHolder.setContext(context);
        if (request.getSession(false) != null) {
            sessions.saveContext(context, request, response);
        }
    }
}
