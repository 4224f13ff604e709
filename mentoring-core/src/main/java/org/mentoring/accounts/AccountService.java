package org.mentoring.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mentoring.audit.AuditService;
import org.mentoring.common.ConflictException;
import org.mentoring.common.EmailAddress;
import org.mentoring.common.InvalidInputException;
import org.mentoring.common.InvalidInputException.FieldError;
import org.mentoring.common.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Creates and changes accounts: researchers sign up themselves, mentors and admins are invited (or created from
 * an import) and choose their password through a one-time link, people change their own password, admins
 * disable accounts. Admin actions go to the audit trail. Passwords are only ever kept as hashes.
 */
@Service
public class AccountService {

    public static final Duration INVITATION_VALIDITY = Duration.ofDays(14);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final AuditService audit;
    private final Clock clock;

    @Autowired
    public AccountService(AccountRepository repository, PasswordEncoder passwordEncoder, AuditService audit) {
        this(repository, passwordEncoder, audit, Clock.systemUTC());
    }

    AccountService(AccountRepository repository, PasswordEncoder passwordEncoder, AuditService audit, Clock clock) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.clock = clock;
    }

    /** A researcher signs up: a RESEARCHER account with the password they chose. */
    public Account signUp(String email, String password, String name) {
        String normalized = normalize(email);
        List<FieldError> errors = new ArrayList<>();
        checkEmail(email, normalized, errors);
        checkName(name, errors);
        PasswordPolicy.problems(password, normalized, name)
                .forEach(problem -> errors.add(new FieldError("password", "The password " + problem)));
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The sign-up has " + errors.size() + " problem(s)", errors);
        }
        long abandonedEpoch = replaceAbandonedSignUp(normalized);
        AccountDocument document = newDocument(normalized, name.trim(), Role.RESEARCHER, null);
        // beyond the replaced sign-up's epoch, so a session its author kept alive never passes for the new account
        document.setSessionEpoch(abandonedEpoch + 1);
        document.setPasswordHash(passwordEncoder.encode(password));
        document.setEmailVerified(false);
        return toAccount(insert(document));
    }

    /**
     * Makes way for a new sign-up over an earlier one with the same email that was never verified and whose link has
     * expired, so that someone who typed another person's address cannot keep it; refuses while the link still holds,
     * and says so to an imported person who has no password yet. Answers the session epoch of the account it
     * replaced (-1 when there was none).
     */
    private long replaceAbandonedSignUp(String email) {
        AccountDocument existing = repository.findByEmail(email).orElse(null);
        if (existing == null) {
            return -1;
        }
        if (existing.getPasswordHash() == null) {
            throw new ConflictException("email-taken", "An account with this email already exists: your coordinator "
                    + "added you to the programme and sends you a link to choose your password");
        }
        if (existing.isEmailVerified()) {
            return -1; // newDocument refuses the taken email
        }
        Instant linkValidUntil = existing.getEmailVerificationExpiresAt();
        if (linkValidUntil != null && linkValidUntil.isAfter(clock.instant())) {
            throw new ConflictException("email-taken", "An account with this email is waiting for its address to be "
                    + "confirmed: open the link emailed to it (valid until " + linkValidUntil + ")");
        }
        repository.delete(existing);
        return existing.getSessionEpoch();
    }

    /**
     * Makes sure an admin with this email exists, creating it with this password when missing. Does not change an
     * existing account's password. Answers whether it created one.
     */
    public boolean ensureAdmin(String email, String password) {
        String normalized = normalize(email);
        if (repository.existsByEmail(normalized)) {
            return false;
        }
        List<FieldError> errors = new ArrayList<>();
        checkEmail(email, normalized, errors);
        PasswordPolicy.problems(password, normalized, null)
                .forEach(problem -> errors.add(new FieldError("MENTORING_ADMIN_PASSWORD", "The password " + problem)));
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The first admin cannot be created", errors);
        }
        AccountDocument document = newDocument(normalized, "Administrator", Role.ADMIN, null);
        document.setPasswordHash(passwordEncoder.encode(password));
        insert(document);
        audit.record("system", "account.create-admin", normalized, "first admin created at start", null);
        return true;
    }


    /** One account to create with an already hashed password: see {@link #createAllWithHash}. */
    public record NewAccount(String email, String name, Role role, String personExternalId) {
    }

    /**
     * Creates, in one bulk insert, the accounts whose email has none yet, all with the same already hashed password
     * (the demo community's people). Answers how many it created.
     */
    public int createAllWithHash(List<NewAccount> accounts, String hash) {
        java.util.Set<String> taken = new java.util.HashSet<>();
        repository.findByEmailIn(accounts.stream().map(a -> normalize(a.email())).toList())
                .forEach(document -> taken.add(document.getEmail()));
        List<AccountDocument> fresh = new ArrayList<>();
        for (NewAccount account : accounts) {
            String email = normalize(account.email());
            if (taken.add(email)) {
                AccountDocument document = new AccountDocument();
                document.setEmail(email);
                document.setName(account.name());
                document.setRole(account.role());
                document.setPersonExternalId(account.personExternalId());
                document.setEnabled(true);
                document.setPasswordHash(hash);
                fresh.add(document);
            }
        }
        return repository.insert(fresh).size();
    }

    /** Hashes a password once, for {@link #createAllWithHash}. */
    public String hash(String password) {
        return passwordEncoder.encode(password);
    }

    public boolean hasAdmin() {
        return repository.existsByRole(Role.ADMIN);
    }

    /**
     * Invites a person (an admin inviting a mentor, or an import creating mentors' accounts): creates the account
     * without a password when missing, and answers a fresh one-time token to choose it.
     */
    public Invitation invite(String email, String name, Role role, String personExternalId, String actor) {
        String normalized = normalize(email);
        List<FieldError> errors = new ArrayList<>();
        checkEmail(email, normalized, errors);
        checkName(name, errors);
        if (role == null) {
            errors.add(new FieldError("role", "Choose RESEARCHER, MENTOR or ADMIN"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The invitation has " + errors.size() + " problem(s)", errors);
        }
        AccountDocument document = repository.findByEmail(normalized).orElseGet(() -> {
            AccountDocument fresh = newDocument(normalized, name.trim(), role, personExternalId);
            fresh.setEmailVerified(false);
            return fresh;
        });
        boolean tookOver = document.getId() != null && document.getPasswordHash() != null
                && !document.isEmailVerified();
        if (tookOver) {
            takeOverUnverified(document, name.trim(), role, personExternalId);
        }
        if (document.getId() != null && document.getPasswordHash() != null) {
            throw new ConflictException("account-exists",
                    "An account with this email already exists and has a password");
        }
        if (document.getId() != null) {
            refuseChangedInvitation(document, role, personExternalId);
        }
        String token = newToken();
        Instant expiresAt = clock.instant().plus(INVITATION_VALIDITY);
        document.setSetPasswordTokenHash(sha256(token));
        document.setSetPasswordTokenExpiresAt(expiresAt);
        document.setInvitationSentAt(clock.instant());
        AccountDocument saved = document.getId() == null ? insert(document) : repository.save(document);
        audit.record(actor, "account.invite", normalized, "invited as " + saved.getRole()
                + (tookOver ? ", taking over an unverified sign-up with this email" : ""), null);
        return new Invitation(toAccount(saved), token, expiresAt);
    }

    /**
     * A new invitation of an account invited before (still without a password) only renews its link: a different
     * role or mentor profile is refused, naming the difference, rather than kept or changed silently.
     */
    private static void refuseChangedInvitation(AccountDocument document, Role role, String personExternalId) {
        List<String> differences = new ArrayList<>();
        if (document.getRole() != role) {
            differences.add("it was invited as " + document.getRole() + ", not " + role);
        }
        // an invitation that names no profile keeps the account's own (an imported person is invited by email)
        if (personExternalId != null && !personExternalId.equals(document.getPersonExternalId())) {
            differences.add("it belongs to " + (document.getPersonExternalId() == null ? "no profile"
                    : (document.getRole() == Role.MENTOR ? "mentor profile " : "request ")
                            + document.getPersonExternalId()) + ", not " + personExternalId);
        }
        if (!differences.isEmpty()) {
            throw new ConflictException("invitation-differs", "An account with this email was invited already and "
                    + "an invitation renews its link only: " + String.join("; ", differences)
                    + ". To send a fresh link, invite it again as it was (role " + document.getRole()
                    + (document.getPersonExternalId() == null ? "" : ", personExternalId "
                            + document.getPersonExternalId()) + ").");
        }
    }

    /** Chooses a password with a one-time token; the token is used up. */
    public Account setPassword(String token, String password) {
        AccountDocument document = token == null ? null
                : repository.findBySetPasswordTokenHash(sha256(token)).orElse(null);
        if (document == null || document.getSetPasswordTokenExpiresAt() == null
                || document.getSetPasswordTokenExpiresAt().isBefore(clock.instant())) {
            throw new InvalidInputException("token", "This link is not valid or has expired; ask for a new one");
        }
        List<String> problems = PasswordPolicy.problems(password, document.getEmail(), document.getName());
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The password is not acceptable",
                    problems.stream().map(p -> new FieldError("password", "The password " + p)).toList());
        }
        document.setPasswordHash(passwordEncoder.encode(password));
        document.setSetPasswordTokenHash(null);
        document.setSetPasswordTokenExpiresAt(null);
        provenByLink(document);
        endSessions(document);
        return toAccount(repository.save(document));
    }

    /**
     * An unverified self sign-up with the email of a person the coordinator invites (or imports) becomes that
     * person's account, without a password: whoever signed up never proved the address, so neither their password
     * nor their verification link may ever open it. The emailed invitation link proves the address.
     */
    static void takeOverUnverified(AccountDocument document, String name, Role role, String personExternalId) {
        document.setPasswordHash(null);
        document.setName(name);
        document.setEmailVerificationTokenHash(null);
        document.setEmailVerificationExpiresAt(null);
        if (role != null) {
            document.setRole(role);
        }
        if (personExternalId != null) {
            document.setPersonExternalId(personExternalId);
        }
    }

    /** The address is proven by a link emailed to it: the account is verified, any verification link used up. */
    static void provenByLink(AccountDocument document) {
        document.setEmailVerified(true);
        document.setEmailVerificationTokenHash(null);
        document.setEmailVerificationExpiresAt(null);
    }

    /** A signed-in person changes their own password. */
    public void changePassword(String email, String currentPassword, String newPassword) {
        AccountDocument document = lookup(email)
                .orElseThrow(() -> new NotFoundException("account", email));
        if (currentPassword == null || document.getPasswordHash() == null
                || !passwordEncoder.matches(currentPassword, document.getPasswordHash())) {
            throw new InvalidInputException("currentPassword", "The current password is not right");
        }
        List<String> problems = PasswordPolicy.problems(newPassword, document.getEmail(), document.getName());
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The new password is not acceptable",
                    problems.stream().map(p -> new FieldError("newPassword", "The password " + p)).toList());
        }
        document.setPasswordHash(passwordEncoder.encode(newPassword));
        endSessions(document);
        repository.save(document);
    }

    /** An admin disables or enables an account. An admin cannot disable their own account. */
    public Account setEnabled(String id, boolean enabled, String actor) {
        AccountDocument document = repository.findById(id).orElseThrow(() -> new NotFoundException("account", id));
        if (!enabled && document.getEmail().equals(normalize(actor))) {
            throw new ConflictException("own-account", "You cannot disable your own account");
        }
        document.setEnabled(enabled);
        if (!enabled) {
            endSessions(document);
        }
        AccountDocument saved = repository.save(document);
        audit.record(actor, enabled ? "account.enable" : "account.disable", document.getEmail(), null, null);
        return toAccount(saved);
    }

    public Optional<Account> findByEmail(String email) {
        return lookup(email).map(AccountService::toAccount);
    }

    /** For sign-in only. */
    public Optional<Credentials> credentials(String email) {
        return lookup(email)
                .map(d -> new Credentials(d.getEmail(), d.getPasswordHash(), d.getRole(), d.isEnabled(),
                        d.getPersonExternalId(), d.isEmailVerified(), d.getSessionEpoch()));
    }

    public Page<Account> list(int page, int size) {
        return repository.findAll(PageRequest.of(page, size, Sort.by("email"))).map(AccountService::toAccount);
    }

    /**
     * The account with this email, in any letter case; an address with a look-alike or invisible character is never
     * folded into another account's (typing {@code kaſia@…} does not reach {@code kasia@…}): it finds only an account
     * stored with exactly that address, which the checks never let in.
     */
    private Optional<AccountDocument> lookup(String email) {
        if (email == null) {
            return Optional.empty();
        }
        return repository.findByEmail(EmailAddress.problem(email).isPresent() ? email.strip() : normalize(email));
    }

    /** The canonical form of an email, as stored and compared: see {@link EmailAddress}. */
    public static String normalize(String email) {
        return EmailAddress.canonical(email);
    }

    /** Every session signed in before this change ends at its next request (see the web layer's session check). */
    private static void endSessions(AccountDocument document) {
        document.setSessionEpoch(document.getSessionEpoch() + 1);
    }

    private AccountDocument insert(AccountDocument document) {
        try {
            return repository.insert(document);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("email-taken", "An account with this email already exists");
        }
    }

    private AccountDocument newDocument(String email, String name, Role role, String personExternalId) {
        if (repository.existsByEmail(email)) {
            throw new ConflictException("email-taken", "An account with this email already exists");
        }
        AccountDocument document = new AccountDocument();
        document.setEmail(email);
        document.setName(name);
        document.setRole(role);
        document.setPersonExternalId(personExternalId);
        document.setEnabled(true);
        return document;
    }

    private static void checkEmail(String typed, String email, List<FieldError> errors) {
        Optional<String> lookAlike = EmailAddress.problem(typed);
        if (lookAlike.isPresent()) {
            errors.add(new FieldError("email", "The email address " + lookAlike.get()));
        } else if (email == null || email.length() > 254 || !EMAIL.matcher(email).matches()) {
            errors.add(new FieldError("email", "Give a valid email address, like name@example.org"));
        }
    }

    private static void checkName(String name, List<FieldError> errors) {
        if (name == null || name.isBlank()) {
            errors.add(new FieldError("name", "Give your name"));
        } else if (name.length() > 200) {
            errors.add(new FieldError("name", "The name must be at most 200 characters"));
        } else {
            org.mentoring.common.PlainText.problem(name.strip())
                    .ifPresent(problem -> errors.add(new FieldError("name", "The name " + problem)));
        }
    }

    static Account toAccount(AccountDocument d) {
        return new Account(d.getId(), d.getEmail(), d.getName(), d.getRole(), d.isEnabled(),
                d.getPersonExternalId(), d.getPasswordHash() != null, d.getCreatedAt(), d.isEmailVerified());
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
