package org.mentoring.notification;

import java.time.Instant;

/**
 * A message of the outbox as the coordinator sees it: to whom, what about and how its delivery went; never its body
 * (a verification or invitation message carries a one-time link).
 *
 * @param attempts how many times it was handed to the mail server, or tried to be
 * @param lastError why the latest attempt failed, in words; null when none failed
 * @param nextAttemptAt when it is tried next while PENDING; null otherwise
 * @param oneTimeLink whether it carries a verification or set-password link
 */
public record Delivery(String id, String to, String subject, DeliveryState state, int attempts, String lastError,
        Instant lastAttemptAt, Instant nextAttemptAt, Instant createdAt, Instant sentAt, boolean oneTimeLink) {
}
