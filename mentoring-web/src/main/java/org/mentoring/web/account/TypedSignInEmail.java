package org.mentoring.web.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * The email typed on a sign-in that failed, kept in the session (not in the address bar, where it would reach logs
 * and other sites' Referer) so that the form shows it again; never the password.
 */
public final class TypedSignInEmail {

    private static final String ATTRIBUTE = "mentoring.sign-in-email";

    private TypedSignInEmail() {
    }

    /** Keeps the email of the sign-in form being refused. */
    public static void keep(HttpServletRequest request) {
        String email = request.getParameter("email");
        if (email != null && email.length() <= 254) {
            request.getSession().setAttribute(ATTRIBUTE, email);
        }
    }

    /** The kept email, once: it is forgotten as it is read. */
    static Optional<String> take(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Object typed = session.getAttribute(ATTRIBUTE);
        session.removeAttribute(ATTRIBUTE);
        return typed instanceof String email ? Optional.of(email) : Optional.empty();
    }
}
