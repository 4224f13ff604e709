package org.mentoring.notification;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One message in the outbox. It is written first and sent afterwards, so that no message is lost when the mail
 * server is down; {@code sentAt} stays null until it has been handed to the mail server. {@code claimedUntil} is
 * how long the instance that is sending it has it to itself, so that two instances never both send it.
 */
@Document(NotificationDocument.COLLECTION)
record NotificationDocument(
        @Id String id,
        @Indexed String to,
        String subject,
        String body,
        Instant createdAt,
        Instant sentAt,
        Instant claimedUntil) {

    static final String COLLECTION = "notifications";

    Notification toNotification() {
        return new Notification(id, to, subject, body, createdAt, sentAt);
    }
}
