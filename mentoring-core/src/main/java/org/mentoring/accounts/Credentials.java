package org.mentoring.accounts;

/** What sign-in needs to check a password; only the security layer reads it. */
public record Credentials(String email, String passwordHash, Role role, boolean enabled, String personExternalId) {
}
