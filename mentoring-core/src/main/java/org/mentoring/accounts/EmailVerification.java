package org.mentoring.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.mentoring.audit.AuditService;
import org.mentoring.common.ConflictException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.common.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Proves that whoever signed up owns the address: a self sign-up is created unverified and gets a one-time link by
 * email (through the outbox); until the link is used the account owns nothing. Only the link's SHA-256 hash is
 * stored. A new link can be asked for, at most once every {@link #RESEND_INTERVAL} and {@link #DAILY_LIMIT} times a
 * day, so that nobody can flood someone else's inbox through an account that typed their address.
 */
@Service
public class EmailVerification {

    public static final Duration VALIDITY = Duration.ofHours(48);
    public static final Duration RESEND_INTERVAL = Duration.ofMinutes(2);
    public static final int DAILY_LIMIT = 5;
    private static final String INVALID_LINK = "This link is not valid or has expired: sign in and ask for a new one";

    private final AccountService accounts;
    private final AccountRepository repository;
    private final AccountMail mail;
    private final AuditService audit;
    private final Clock clock;

    @Autowired
    EmailVerification(AccountService accounts, AccountRepository repository, AccountMail mail, AuditService audit) {
        this(accounts, repository, mail, audit, Clock.systemUTC());
    }

    EmailVerification(AccountService accounts, AccountRepository repository, AccountMail mail, AuditService audit,
            Clock clock) {
        this.accounts = accounts;
        this.repository = repository;
        this.mail = mail;
        this.audit = audit;
        this.clock = clock;
    }

    /** A researcher signs up: the account is created unverified and its verification link emailed. */
    public Account signUp(String email, String password, String name) {
        Account account = accounts.signUp(email, password, name);
        AccountDocument document = repository.findById(account.id())
                .orElseThrow(() -> new NotFoundException("account", account.id()));
        return AccountService.toAccount(sendLink(document, clock.instant()));
    }

    /**
     * Emails a new link to the signed-in person whose address is not proven yet; the earlier link stops working.
     * Answers until when the new link works.
     */
    public Instant resend(String email) {
        AccountDocument document = repository.findByEmail(AccountService.normalize(email))
                .orElseThrow(() -> new NotFoundException("account", email));
        if (document.isEmailVerified()) {
            throw new ConflictException("email-already-verified", "Your email address is already confirmed");
        }
        Instant now = clock.instant();
        if (document.getVerificationSentAt() != null
                && document.getVerificationSentAt().plus(RESEND_INTERVAL).isAfter(now)) {
            throw new ConflictException("verification-email-too-soon", "A link went to " + document.getEmail()
                    + " less than " + RESEND_INTERVAL.toMinutes() + " minutes ago: look for it in your inbox (and "
                    + "your spam folder) before asking for another");
        }
        if (document.getVerificationWindowStart() != null
                && document.getVerificationWindowStart().plus(Duration.ofDays(1)).isAfter(now)
                && document.getVerificationsInWindow() >= DAILY_LIMIT) {
            throw new ConflictException("verification-email-too-soon", DAILY_LIMIT + " links went to "
                    + document.getEmail() + " in the last 24 hours; try again tomorrow, or ask your coordinator "
                    + "for an invitation");
        }
        return sendLink(document, now).getEmailVerificationExpiresAt();
    }

    /** Uses a verification link: the account's address is proven; the link is used up. */
    public Account verify(String token) {
        AccountDocument document = find(token)
                .orElseThrow(() -> new InvalidInputException("token", INVALID_LINK));
        AccountService.provenByLink(document);
        AccountDocument saved = repository.save(document);
        audit.record(saved.getEmail(), "account.verify-email", saved.getEmail(), null, null);
        return AccountService.toAccount(saved);
    }

    /** The address a still valid verification link is for, to show on the page that asks to confirm it. */
    public Optional<String> emailOf(String token) {
        return find(token).map(AccountDocument::getEmail);
    }

    private Optional<AccountDocument> find(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return repository.findByEmailVerificationTokenHash(AccountService.sha256(token))
                .filter(d -> d.getEmailVerificationExpiresAt() != null
                        && d.getEmailVerificationExpiresAt().isAfter(clock.instant()));
    }

    private AccountDocument sendLink(AccountDocument document, Instant now) {
        String token = AccountService.newToken();
        Instant expiresAt = now.plus(VALIDITY);
        document.setEmailVerificationTokenHash(AccountService.sha256(token));
        document.setEmailVerificationExpiresAt(expiresAt);
        if (document.getVerificationWindowStart() == null
                || !document.getVerificationWindowStart().plus(Duration.ofDays(1)).isAfter(now)) {
            document.setVerificationWindowStart(now);
            document.setVerificationsInWindow(0);
        }
        document.setVerificationsInWindow(document.getVerificationsInWindow() + 1);
        document.setVerificationSentAt(now);
        AccountDocument saved = repository.save(document);
        mail.verification(saved.getEmail(), token, expiresAt);
        return saved;
    }
}
