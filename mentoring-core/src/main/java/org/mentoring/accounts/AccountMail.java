package org.mentoring.accounts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.mentoring.notification.NotificationService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The messages that carry an account's one-time links, written to the outbox: an email verification link and an
 * invitation's set-password link. Links start with {@code mentoring.public-url}, never with the host a caller named,
 * so that a forged {@code Host} header cannot send a person's token to someone else's site.
 */
@Component
public class AccountMail {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final NotificationService notifications;
    private final String publicUrl;

    AccountMail(NotificationService notifications,
            @Value("${mentoring.public-url:http://localhost:8080}") String publicUrl) {
        this.notifications = notifications;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The page where the token of a verification link is used. */
    public String verificationUrl(String token) {
        return publicUrl + "/verify-email?token=" + token;
    }

    /** The page where the token of an invitation is used. */
    public String setPasswordUrl(String token) {
        return publicUrl + "/set-password?token=" + token;
    }

    /** Whether a mail server is configured; without one the messages wait in the outbox. */
    public boolean sendsMail() {
        return notifications.sendsMail();
    }

    void verification(String email, String token, Instant expiresAt) {
        // the name is not repeated: whoever signed up typed it, and the address may not be theirs
        notifications.sendOneTimeLink(email, "Confirm your email address for the mentoring programme", """
                Hello,

                Someone, hopefully you, signed up for a researcher account in the mentoring programme with this \
                address. To confirm that it is yours, open this link and press the button on the page (the link \
                works until %s):

                %s

                Until the address is confirmed, the account can see and submit nothing.

                If you did not sign up, ignore this message: nobody can use the account without this link.
                """.formatted(WHEN.format(expiresAt), verificationUrl(token)));
    }

    void invitation(String email, String name, Role role, String token, Instant expiresAt) {
        String as = switch (role) {
            case MENTOR -> "a mentor";
            case ADMIN -> "a coordinator";
            case RESEARCHER -> "a researcher looking for a mentor";
        };
        notifications.sendOneTimeLink(email, "You are invited to the mentoring programme", """
                Hello %s,

                Your programme coordinator has added you to the mentoring programme as %s. Choose your password \
                with this link (it works once, until %s):

                %s

                Then sign in at %s/sign-in with this email address.
                """.formatted(name, as, WHEN.format(expiresAt), setPasswordUrl(token), publicUrl));
    }

    void passwordReset(String email, String token, Instant expiresAt) {
        // the name is not repeated: whoever asked typed only the address
        notifications.sendOneTimeLink(email, "Choose a new password for the mentoring programme", """
                Hello,

                Someone, hopefully you, asked for a new password for the mentoring programme account with this \
                address. To choose one, open this link (it works once, until %s):

                %s

                Choosing a new password signs the account out everywhere else.

                If you did not ask, ignore this message: your password stays as it is.
                """.formatted(WHEN.format(expiresAt), setPasswordUrl(token)));
    }
}
