package org.mentoring.audit;

import java.time.Instant;

/**
 * One entry of the audit trail.
 *
 * @param actor the email of who did it, or "anonymous", or "system"
 * @param action what was done, for example {@code import}, {@code run.start}, {@code sign-in.failed}
 * @param target what it was done to, for example a run id or an account email
 * @param detail plain words, never a password or a token
 * @param address the client address, when the action came over HTTP
 */
public record AuditEvent(String id, Instant at, String actor, String action, String target, String detail,
        String address) {
}
