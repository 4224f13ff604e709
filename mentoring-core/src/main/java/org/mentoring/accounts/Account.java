package org.mentoring.accounts;

import java.time.Instant;

/**
 * A person's account, as the rest of the app sees it: never with its password hash.
 *
 * @param personExternalId the externalId of the mentor profile or of the researcher's requests' owner, if linked
 * @param passwordSet false for an invited account whose owner has not yet chosen a password
 */
public record Account(String id, String email, String name, Role role, boolean enabled, String personExternalId,
        boolean passwordSet, Instant createdAt) {
}
