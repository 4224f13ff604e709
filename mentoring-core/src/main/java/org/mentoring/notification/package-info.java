/** The e-mail outbox: every message the app writes, sent by a background worker when a mail server is set. */
package org.mentoring.notification;
