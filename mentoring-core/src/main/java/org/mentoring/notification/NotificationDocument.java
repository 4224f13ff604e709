package org.mentoring.notification;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One message in the outbox. Callers only write it; the outbox worker ({@link OutboxRetry}) sends it afterwards, so
 * that no request waits on the mail server and no message is lost when it is down. {@code state} says where its
 * delivery stands ({@link DeliveryState}); {@code claimedUntil} is how long the instance that is sending it has it to
 * itself, so that two instances never both send it; {@code attempts}, {@code lastError}, {@code lastAttemptAt} and
 * {@code nextAttemptAt} record the attempts and the back-off. A message with a {@code oneTimeLink} (a verification or
 * set-password link) is never listed to its recipient in the app, and its body is replaced by {@link #LINK_REMOVED}
 * once sent, so that the store keeps no usable token. Messages written by an earlier version have no state: unsent
 * ones count as PENDING, sent ones as SENT.
 */
// someone's messages, newest first
@CompoundIndex(name = "to_createdAt", def = "{'to': 1, 'createdAt': -1}")
@Document(NotificationDocument.COLLECTION)
@CompoundIndex(name = "due", def = "{'state': 1, 'nextAttemptAt': 1}")
record NotificationDocument(
        @Id String id,
        String to,
        String subject,
        String body,
        Instant createdAt,
        @Indexed Instant sentAt,
        Instant claimedUntil,
        Boolean oneTimeLink,
        DeliveryState state,
        Integer attempts,
        String lastError,
        Instant lastAttemptAt,
        Instant nextAttemptAt) {

    static final String COLLECTION = "notifications";
    static final String LINK_REMOVED = "This message carried a one-time link; the app removed it from its copy once "
            + "the message was sent.";

    Notification toNotification() {
        return new Notification(id, to, subject, body, createdAt, sentAt);
    }

    DeliveryState effectiveState() {
        if (state != null) {
            return state;
        }
        return sentAt != null ? DeliveryState.SENT : DeliveryState.PENDING;
    }

    int attemptCount() {
        return attempts == null ? 0 : attempts;
    }

    Delivery toDelivery() {
        return new Delivery(id, to, subject, effectiveState(), attemptCount(), lastError, lastAttemptAt,
                effectiveState() == DeliveryState.PENDING ? (nextAttemptAt != null ? nextAttemptAt : createdAt) : null,
                createdAt, sentAt, Boolean.TRUE.equals(oneTimeLink));
    }
}
