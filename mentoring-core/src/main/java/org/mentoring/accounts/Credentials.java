package org.mentoring.accounts;

/**
 * What sign-in needs to check a password; only the security layer reads it.
 *
 * @param emailVerified false while a self sign-up has not opened its verification link: it may sign in, but owns
 *     nothing
 * @param sessionEpoch moves on when the account is disabled or its password changes, ending older sessions
 */
public record Credentials(String email, String passwordHash, Role role, boolean enabled, String personExternalId,
        boolean emailVerified, long sessionEpoch) {
}
