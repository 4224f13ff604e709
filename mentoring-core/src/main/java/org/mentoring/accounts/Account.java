package org.mentoring.accounts;

import java.time.Instant;

/**
 * A person's account, as the rest of the app sees it: never with its password hash.
 *
 * @param personExternalId the externalId of the mentor profile or of the researcher's requests' owner, if linked
 * @param passwordSet false for an invited account whose owner has not yet chosen a password
 * @param emailVerified false for a self sign-up whose owner has not yet opened the link emailed to them; such an
 *     account owns nothing
 */
public record Account(String id, String email, String name, Role role, boolean enabled, String personExternalId,
        boolean passwordSet, Instant createdAt, boolean emailVerified) {
}
