package org.mentoring.accounts;

import java.time.Instant;

/**
 * A one-time token with which an invited or imported person chooses their password. The token is shown once, to
 * the admin who passes it on (or in the email sent when SMTP is configured); only its hash is stored.
 */
public record Invitation(Account account, String token, Instant expiresAt) {
}
