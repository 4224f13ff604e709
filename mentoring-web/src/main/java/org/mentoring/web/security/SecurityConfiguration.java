package org.mentoring.web.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.mentoring.accounts.AccountService;
import org.mentoring.accounts.SignInThrottle;
import org.mentoring.audit.AuditService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. Browsers sign in on a form and keep a session cookie (HttpOnly, SameSite=Lax, Secure over
 * HTTPS) with CSRF protection on every form; scripts use HTTP Basic on {@code /api/**} under the same rules. A
 * session ends at once when its account is disabled or its password changes ({@link SessionEpochFilter}); a
 * state-changing request from another site is refused whatever it carries ({@link CrossSiteRequestFilter}).
 * Coarse role rules are here; per-object rules (a researcher's own request, a mentor's own profile) are in the
 * controllers and services.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** Only the app's own scripts and styles; no framing; no plugins. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";
    /** Swagger UI sets inline styles; it gets them, and nothing else more. */
    static final String SWAGGER_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'";

    static final String[] PUBLIC_PAGES = {"/sign-in", "/sign-up", "/set-password", "/webjars/**", "/css/**",
        "/js/**", "/images/**", "/favicon.ico", "/actuator/health", "/actuator/health/**", "/actuator/info",
        "/error", "/verify-email", "/forgot-password"};
    static final String[] ADMIN_API = {"/api/v1/import/**", "/api/v1/import", "/api/v1/matching-runs/**",
        "/api/v1/matching-runs", "/api/v1/accounts", "/api/v1/accounts/**", "/api/v1/audit-events/**",
        "/api/v1/audit-events", "/api/v1/admin/**"};

    @Bean
    AuthenticationManager authenticationManager(AccountUserDetailsService users, PasswordEncoder passwordEncoder,
            SignInThrottle throttle, AuditService audit,
            @Value("${mentoring.security.password-check-cache:5m}") Duration passwordCheckCache) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(passwordEncoder);
        dao.setUserDetailsService(users);
        return new ProviderManager(new ThrottlingAuthenticationProvider(dao, throttle, audit, users,
                new RecentPasswordChecks(passwordCheckCache)));
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiDocs(HttpSecurity http) throws Exception {
        http.securityMatcher("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> commonHeaders(headers, SWAGGER_CONTENT_SECURITY_POLICY));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager authenticationManager, ObjectMapper objectMapper,
            AccountService accounts) throws Exception {
        ProblemAuthenticationEntryPoint problems = new ProblemAuthenticationEntryPoint(objectMapper);
        // CSRF guards cookie sessions. A call with Basic credentials is signed in by them alone (its session, if
        // any, is not read), so it has no session to abuse; nor has a call that names no session at all.
        RequestMatcher withoutSessionCookie = request -> BasicCallsIgnoreSessions.sendsBasic(request)
                || request.getRequestedSessionId() == null;
        http.securityMatcher("/api/**")
                .securityContext(context -> context.securityContextRepository(new BasicCallsIgnoreSessions()))
                .addFilterBefore(new SessionEpochFilter(accounts, problems, true), SecurityContextHolderFilter.class)
                .addFilterBefore(new CrossSiteRequestFilter(problems), CsrfFilter.class)
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/v1/accounts/sign-up", "/api/v1/accounts/set-password")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/accounts/verify-email").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/accounts/password-reset").permitAll()
                        .requestMatchers(ADMIN_API).hasRole("ADMIN")
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .formLogin(form -> form.disable())
                .csrf(csrf -> csrf.ignoringRequestMatchers(withoutSessionCookie,
                        request -> isPost(request, "/api/v1/accounts/sign-up")
                                || isPost(request, "/api/v1/accounts/set-password")
                                || isPost(request, "/api/v1/accounts/verify-email")
                                || isPost(request, "/api/v1/accounts/password-reset")))
                .addFilterAfter(new UnverifiedEmailGate(accounts, objectMapper, true), AuthorizationFilter.class)
                .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(headers -> commonHeaders(headers, CONTENT_SECURITY_POLICY));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http, AuthenticationManager authenticationManager,
            AccountService accounts, ObjectMapper objectMapper) throws Exception {
        http.authenticationManager(authenticationManager)
                .addFilterBefore(new SessionEpochFilter(accounts,
                        new LoginUrlAuthenticationEntryPoint("/sign-in?session-ended"), false),
                        SecurityContextHolderFilter.class)
                .addFilterBefore(new CrossSiteRequestFilter(new ProblemAuthenticationEntryPoint(objectMapper)),
                        CsrfFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(PUBLIC_PAGES).permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/sign-in").usernameParameter("email")
                        .defaultSuccessUrl("/", false).failureHandler(SecurityConfiguration::signInFailed)
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in?signed-out")
                        .deleteCookies("MENTORING_SESSION"))
                .addFilterAfter(new UnverifiedEmailGate(accounts, objectMapper, false), AuthorizationFilter.class)
                .headers(headers -> commonHeaders(headers, CONTENT_SECURITY_POLICY));
        return http.build();
    }

    /** Back to the form, saying how long to wait when the attempt was refused unchecked. */
    private static void signInFailed(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException e) throws IOException {
        String query = e instanceof SignInDelayedException delayed ? "wait=" + delayed.retryAfterSeconds() : "error";
        org.mentoring.web.account.TypedSignInEmail.keep(request); // the form shows the email again, never the password
        response.sendRedirect(request.getContextPath() + "/sign-in?" + query);
    }

    private static boolean isPost(HttpServletRequest request, String path) {
        return "POST".equals(request.getMethod()) && path.equals(request.getServletPath());
    }

    private static void commonHeaders(HeadersConfigurer<HttpSecurity> headers, String policy) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(policy))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .contentTypeOptions(org.springframework.security.config.Customizer.withDefaults())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
    }
}
