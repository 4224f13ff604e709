package org.mentoring.notification;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

/** Why the mail server did not take a message, in words a coordinator understands (the outbox keeps the last one). */
final class MailErrors {

    /** The longest last error kept. */
    static final int MAX_ERROR_LENGTH = 500;

    private MailErrors() {
    }

    /** Why an attempt failed, in words a coordinator understands, then the mail library's own words. */
    static String inWords(Throwable e) {
        Throwable first = e;
        if (e instanceof MailSendException send && send.getCause() == null && !send.getFailedMessages().isEmpty()) {
            first = send.getFailedMessages().values().iterator().next();
        }
        Throwable root = first;
        String words = null;
        for (Throwable cause = first; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            root = cause;
            if (words != null) {
                continue;
            }
            if (cause instanceof SocketTimeoutException) {
                words = "The mail server did not answer in time";
            } else if (cause instanceof ConnectException) {
                words = "The mail server could not be reached (connection refused)";
            } else if (cause instanceof UnknownHostException) {
                words = "No mail server is known by the name " + cause.getMessage();
            } else if (cause instanceof MailAuthenticationException) {
                words = "The mail server refused the app's sign-in (spring.mail.username and password)";
            } else if (cause instanceof jakarta.mail.SendFailedException) {
                words = "The mail server refused the message or its address";
            }
        }
        String detail = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        String text = words == null ? "The mail server could not take the message: " + detail
                : words + " (" + detail + ")";
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH - 1) + "…" : text;
    }
}
