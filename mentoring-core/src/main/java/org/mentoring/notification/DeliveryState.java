package org.mentoring.notification;

/**
 * Where a message in the outbox stands: PENDING waits for its next attempt (the first one at once), SENDING is held
 * by the instance sending it (until its claim expires, so a message of an instance that died is tried again), SENT
 * was handed to the mail server, UNDELIVERABLE failed {@code mentoring.mail.max-attempts} times and waits for a
 * coordinator to retry it.
 */
public enum DeliveryState {
    PENDING, SENDING, SENT, UNDELIVERABLE
}
