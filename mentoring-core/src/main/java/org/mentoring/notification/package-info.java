/** The e-mail outbox: every message the lifecycle writes, sent by Spring Mail when a mail server is configured. */
package org.mentoring.notification;
