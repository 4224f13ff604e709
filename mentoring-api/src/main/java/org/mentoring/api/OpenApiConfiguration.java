package org.mentoring.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description's front page (springdoc serves it at /v3/api-docs and /swagger-ui.html). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI mentoringOpenApi() {
        return new OpenAPI().servers(List.of(new Server().url("/").description("This server")))
                .info(new Info()
                .title("Mentoring API")
                .version("v1")
                .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0"))
                .description("""
                        Mentorship matching for a research Community of Practice in global and planetary health: \
                        import mentors and mentorship requests, keep them, and match them.

                        Every error is an RFC 9457 problem detail (application/problem+json) with a type URI \
                        under https://mentoring.example.org/problems/, a title, a detail in words and, when \
                        fields are wrong, errors: [{field, message}] naming each one. 400: the body cannot be \
                        read or a parameter is wrong (malformed JSON says where). 404: no such record. 409: a \
                        conflict, with its code (stale-version when a record changed since it was read, \
                        duplicate-external-id, duplicate-email...). 413: a body over 20 MB. 415: a media type \
                        the endpoint does not take. 422: invalid input (a misspelt property of the run \
                        settings or of an import or create body included, with the known names); an import's \
                        422 also carries its report.

                        Updates name the version last read, in an If-Match header (the ETag of a read) or a \
                        version field.

                        Scripts sign in with HTTP Basic (the account's email and password) on every call; pages \
                        use the session cookie of a browser signed in on /sign-in. 401: not signed in or wrong \
                        credentials; 403: the wrong role or owner. Only sign-up and the links sent by email \
                        (set-password, ...) need no sign-in; they say security: [] here."""));
    }
}
