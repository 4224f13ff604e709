package org.mentoring.notification;

import java.time.Instant;

/**
 * A message to one person about their offers.
 *
 * @param sentAt when it was handed to the mail server; null while it waits (or when no mail server is configured)
 */
public record Notification(String id, String to, String subject, String body, Instant createdAt, Instant sentAt) {
}
