package org.mentoring.web.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mentoring.accounts.Role;
import org.mentoring.api.problem.ProblemResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.stereotype.Component;

/**
 * Says in the OpenAPI description how to sign in, read from the security rules themselves rather than written
 * twice: the schemes (HTTP Basic for scripts, the {@value #SESSION_COOKIE} cookie of a signed-in browser), a global
 * requirement of either, and {@code security: []} on every operation that {@link SecurityConfiguration} lets anyone
 * call (sign-up, set-password, ...). Signed-in operations document 401 and 403 (the wrong role or owner; "Only an
 * ADMIN" where the URL rules or the summary's "(ADMIN)" say so).
 */
@Component
class OpenApiSecurity implements OpenApiCustomizer {

    static final String BASIC = "basicAuth";
    static final String SESSION = "sessionCookie";
    static final String SESSION_COOKIE = "MENTORING_SESSION";

    private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken("openapi", "anonymousUser",
            AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    private final ObjectProvider<WebInvocationPrivilegeEvaluator> rules;

    OpenApiSecurity(ObjectProvider<WebInvocationPrivilegeEvaluator> rules) {
        this.rules = rules;
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents()
                .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("For scripts: the account's email and password on every call. A failed "
                                + "sign-in slows the next ones down; no session is kept."))
                .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.COOKIE).name(SESSION_COOKIE)
                        .description("For pages: the session cookie of a browser signed in on /sign-in. A call that "
                                + "changes something also sends the CSRF token of the page (header X-CSRF-TOKEN)."));
        openApi.setSecurity(List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement()
                .addList(SESSION)));
        WebInvocationPrivilegeEvaluator evaluator = rules.getIfAvailable();
        if (openApi.getPaths() == null || evaluator == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.readOperationsMap().entrySet()) {
                document(evaluator, path, entry.getKey().name(), entry.getValue());
            }
        });
    }

    private static void document(WebInvocationPrivilegeEvaluator evaluator, String path, String method,
            Operation operation) {
        String uri = path.replaceAll("\\{[^}]+}", "x");
        if (evaluator.isAllowed("", uri, method, ANONYMOUS)) {
            operation.setSecurity(new ArrayList<>()); // security: [] - anyone may call it
            return;
        }
        ProblemResponses.addIfMissing(operation, "401", "Not signed in, or the credentials are wrong.");
        // by the URL rules, or by the controller (its summary then says "(ADMIN)", as every admin-only one does)
        boolean adminOnly = !evaluator.isAllowed("", uri, method, signedIn(Role.RESEARCHER))
                && !evaluator.isAllowed("", uri, method, signedIn(Role.MENTOR))
                || (operation.getSummary() != null && operation.getSummary().contains("(ADMIN)"));
        if (adminOnly) {
            ProblemResponses.addIfMissing(operation, "403", "Only an ADMIN may do this.");
        } else {
            // controllers refuse the wrong role or owner, and a browser's change without its CSRF token
            ProblemResponses.addIfMissing(operation, "403", "This account may not do this or see this record (the "
                    + "wrong role or owner), or a browser's call lacks its CSRF token.");
        }
    }

    private static Authentication signedIn(Role role) {
        return UsernamePasswordAuthenticationToken.authenticated("openapi-" + role, null,
                AuthorityUtils.createAuthorityList("ROLE_" + role.name()));
    }
}
