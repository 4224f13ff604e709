package org.mentoring.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.mentoring.audit.AuditService;
import java.util.regex.Pattern;
import org.mentoring.common.EmailAddress;
import org.mentoring.common.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * "Forgot password": emails a one-time link to choose a new password (the set-password link of
 * {@link AccountService#setPassword}, valid {@link #VALIDITY}; only its SHA-256 hash is stored). Whoever asks learns
 * nothing: the answer is the same, in about the same time ({@link #ANSWER_TIME}), whether or not an account has the
 * address. A link goes only to an enabled account that has a password or was invited, at most once every
 * {@link #INTERVAL} and {@link #DAILY_LIMIT} times a day, so that nobody can flood someone's inbox; requests beyond
 * that are dropped silently.
 */
@Service
public class PasswordReset {

    public static final Duration VALIDITY = Duration.ofHours(1);
    public static final Duration INTERVAL = Duration.ofMinutes(2);
    public static final int DAILY_LIMIT = 5;
    /** Every request takes at least this long, so that the time does not tell whether a link was sent. */
    static final Duration ANSWER_TIME = Duration.ofMillis(300);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

    private final AccountRepository repository;
    private final AccountMail mail;
    private final AuditService audit;
    private final Clock clock;

    @Autowired
    PasswordReset(AccountRepository repository, AccountMail mail, AuditService audit) {
        this(repository, mail, audit, Clock.systemUTC());
    }

    PasswordReset(AccountRepository repository, AccountMail mail, AuditService audit, Clock clock) {
        this.repository = repository;
        this.mail = mail;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Emails a reset link when an account may get one; answers nothing either way. Only an address that is not
     * written like one (no {@code @}, spaces, too long) is refused, naming {@code email}.
     */
    public void request(String email) {
        if (email == null || email.isBlank() || email.strip().length() > 254
                || !EMAIL.matcher(email.strip()).matches()) {
            throw new InvalidInputException("email", "Give a valid email address, like name@example.org");
        }
        long started = System.nanoTime();
        try {
            send(email);
        } finally {
            long left = ANSWER_TIME.toNanos() - (System.nanoTime() - started);
            if (left > 0) {
                try {
                    Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private void send(String email) {
        if (EmailAddress.problem(email).isPresent()) {
            return; // a look-alike address is never folded into another account's
        }
        AccountDocument document = repository.findByEmail(AccountService.normalize(email)).orElse(null);
        if (document == null || !document.isEnabled()
                || (document.getPasswordHash() == null && document.getInvitationSentAt() == null)) {
            return;
        }
        Instant now = clock.instant();
        if (document.getPasswordResetSentAt() != null && document.getPasswordResetSentAt().plus(INTERVAL).isAfter(now)) {
            return;
        }
        boolean windowOpen = document.getPasswordResetWindowStart() != null
                && document.getPasswordResetWindowStart().plus(Duration.ofDays(1)).isAfter(now);
        if (windowOpen && document.getPasswordResetsInWindow() >= DAILY_LIMIT) {
            return;
        }
        if (!windowOpen) {
            document.setPasswordResetWindowStart(now);
            document.setPasswordResetsInWindow(0);
        }
        document.setPasswordResetsInWindow(document.getPasswordResetsInWindow() + 1);
        document.setPasswordResetSentAt(now);
        String token = AccountService.newToken();
        Instant expiresAt = now.plus(VALIDITY);
        document.setSetPasswordTokenHash(AccountService.sha256(token));
        document.setSetPasswordTokenExpiresAt(expiresAt);
        AccountDocument saved;
        try {
            saved = repository.save(document);
        } catch (OptimisticLockingFailureException e) {
            return; // another request for the same account won the race: one link is enough
        }
        mail.passwordReset(saved.getEmail(), token, expiresAt);
        audit.record(null, "account.password-reset-link", saved.getEmail(), null, null);
    }
}
