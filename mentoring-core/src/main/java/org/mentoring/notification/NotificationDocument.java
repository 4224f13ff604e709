package org.mentoring.notification;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One message in the outbox. It is written first and sent afterwards, so that no message is lost when the mail
 * server is down; {@code sentAt} stays null until it has been handed to the mail server. {@code claimedUntil} is
 * how long the instance that is sending it has it to itself, so that two instances never both send it. A message
 * with a {@code oneTimeLink} (a verification or set-password link) is never listed to its recipient in the app, and
 * its body is replaced by {@link #LINK_REMOVED} once sent, so that the store keeps no usable token.
 */
// someone's messages, newest first
@CompoundIndex(name = "to_createdAt", def = "{'to': 1, 'createdAt': -1}")
@Document(NotificationDocument.COLLECTION)
record NotificationDocument(
        @Id String id,
        String to,
        String subject,
        String body,
        Instant createdAt,
        @Indexed Instant sentAt,
        Instant claimedUntil,
        Boolean oneTimeLink) {

    static final String COLLECTION = "notifications";
    static final String LINK_REMOVED = "This message carried a one-time link; the app removed it from its copy once "
            + "the message was sent.";

    Notification toNotification() {
        return new Notification(id, to, subject, body, createdAt, sentAt);
    }
}
