package org.mentoring.accounts;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mentoring.accounts.AccountService.NewAccount;
import org.mentoring.audit.AuditService;
import org.mentoring.common.InvalidInputException;
import org.mentoring.common.InvalidInputException.FieldError;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The people a coordinator brings in and their invitations. An import gives each mentor and researcher it brings an
 * account without a password (an unverified self sign-up with their email becomes theirs: see
 * {@link AccountService#takeOverUnverified}); the coordinator then sends invitations, one or many at a time, each an
 * email through the outbox with a one-time set-password link. Each account's {@link InvitationStatus} is computed
 * from what is stored: the password, the address proven, the link's expiry.
 */
@Service
public class AccountInvitations {

    /** The most accounts one bulk call may name. */
    public static final int MAX_SELECTED = 1000;

    private final AccountService accounts;
    private final AccountRepository repository;
    private final MongoTemplate mongo;
    private final AccountMail mail;
    private final AuditService audit;
    private final Clock clock;

    @Autowired
    AccountInvitations(AccountService accounts, AccountRepository repository, MongoTemplate mongo, AccountMail mail,
            AuditService audit) {
        this(accounts, repository, mongo, mail, audit, Clock.systemUTC());
    }

    AccountInvitations(AccountService accounts, AccountRepository repository, MongoTemplate mongo, AccountMail mail,
            AuditService audit, Clock clock) {
        this.accounts = accounts;
        this.repository = repository;
        this.mongo = mongo;
        this.mail = mail;
        this.audit = audit;
        this.clock = clock;
    }

    /** An account and where its invitation stands. */
    public record InvitedAccount(Account account, InvitationStatus status, Instant invitationSentAt,
            Instant linkExpiresAt) {
    }

    /** An account a bulk invitation left alone, and why. */
    public record Skipped(Account account, String reason) {
    }

    /** What a bulk invitation did: the invitations sent (with their tokens) and the accounts left alone. */
    public record BulkResult(List<Invitation> sent, List<Skipped> skipped) {
    }

    /** What an import did to accounts: created without a password, or taken over from an unverified sign-up. */
    public record ImportedAccounts(int created, int takenOver) {
    }

    /**
     * Gives each imported person an account without a password when no account has their email; an unverified self
     * sign-up with their email is taken over (its password and verification link stop working). Accounts whose
     * address is proven are left as they are. The first record for an email wins (pass mentors first).
     */
    public ImportedAccounts forImportedPeople(List<NewAccount> people, String actor) {
        Map<String, NewAccount> byEmail = new LinkedHashMap<>();
        for (NewAccount person : people) {
            String email = AccountService.normalize(person.email());
            if (email != null) {
                byEmail.putIfAbsent(email, person);
            }
        }
        int takenOver = 0;
        List<AccountDocument> found = new ArrayList<>();
        List<String> emails = List.copyOf(byEmail.keySet());
        // in parts: the embedded store checks each account found against the whole $in list
        for (int from = 0; from < emails.size(); from += MAX_SELECTED) {
            found.addAll(repository.findByEmailIn(emails.subList(from, Math.min(from + MAX_SELECTED, emails.size()))));
        }
        for (AccountDocument existing : found) {
            NewAccount person = byEmail.remove(existing.getEmail());
            if (person != null && existing.getPasswordHash() != null && !existing.isEmailVerified()) {
                AccountService.takeOverUnverified(existing, person.name(), person.role(), person.personExternalId());
                repository.save(existing);
                audit.record(actor, "account.take-over", existing.getEmail(), "an import brought this person as "
                        + person.role() + " " + person.personExternalId() + "; the unverified sign-up with this "
                        + "email lost its password", null);
                takenOver++;
            }
        }
        List<AccountDocument> fresh = new ArrayList<>();
        byEmail.forEach((email, person) -> {
            AccountDocument document = new AccountDocument();
            document.setEmail(email);
            document.setName(person.name());
            document.setRole(person.role());
            document.setPersonExternalId(person.personExternalId());
            document.setEnabled(true);
            document.setEmailVerified(false);
            fresh.add(document);
        });
        int created = insertNew(fresh);
        return new ImportedAccounts(created, takenOver);
    }

    private int insertNew(List<AccountDocument> fresh) {
        if (fresh.isEmpty()) {
            return 0;
        }
        try {
            return repository.insert(fresh).size();
        } catch (DuplicateKeyException e) {
            // someone signed up meanwhile: insert one by one, leaving the accounts that now exist
            int created = 0;
            for (AccountDocument document : fresh) {
                if (!repository.existsByEmail(document.getEmail())) {
                    try {
                        repository.insert(document);
                        created++;
                    } catch (DuplicateKeyException again) {
                        // taken meanwhile
                    }
                }
            }
            return created;
        }
    }

    /**
     * Invites one person (see {@link AccountService#invite}) and emails them the set-password link through the
     * outbox. The answered invitation carries the token, for a coordinator to pass on when no mail server is set.
     */
    public Invitation invite(String email, String name, Role role, String personExternalId, String actor) {
        Invitation invitation = accounts.invite(email, name, role, personExternalId, actor);
        mail.invitation(invitation.account().email(), invitation.account().name(), invitation.account().role(),
                invitation.token(), invitation.expiresAt());
        return invitation;
    }

    /**
     * Invites the accounts named by id, or every account brought in whose invitation has this status (NOT_SENT,
     * SENT to send a fresh link, EXPIRED), one email each. Accounts that already chose a password, and disabled
     * ones, are skipped with the reason. Unknown ids are refused before anything is sent.
     */
    public BulkResult inviteAll(List<String> accountIds, InvitationStatus status, String actor) {
        List<AccountDocument> selected = select(accountIds, status);
        List<Invitation> sent = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Instant now = clock.instant();
        for (AccountDocument document : selected) {
            InvitationStatus current = statusOf(document, now);
            if (current == InvitationStatus.ACCEPTED) {
                skipped.add(new Skipped(AccountService.toAccount(document),
                        "already chose a password and proved the address"));
            } else if (!document.isEnabled()) {
                skipped.add(new Skipped(AccountService.toAccount(document), "the account is disabled"));
            } else {
                sent.add(invite(document.getEmail(), document.getName(), document.getRole(),
                        document.getPersonExternalId(), actor));
            }
        }
        audit.record(actor, "account.invite-bulk", status != null ? "status " + status : accountIds.size() + " ids",
                "sent " + sent.size() + ", skipped " + skipped.size(), null);
        return new BulkResult(sent, skipped);
    }

    private List<AccountDocument> select(List<String> accountIds, InvitationStatus status) {
        boolean byIds = accountIds != null && !accountIds.isEmpty();
        if (byIds == (status != null)) {
            throw new InvalidInputException("accountIds",
                    "Name the accounts to invite (accountIds) or a status to invite all of (status), not both");
        }
        if (status != null) {
            if (status == InvitationStatus.ACCEPTED) {
                throw new InvalidInputException("status",
                        "Accepted invitations need no new one: choose NOT_SENT, SENT or EXPIRED");
            }
            return mongo.find(Query.query(new Criteria().andOperator(broughtIn(), inStatus(status, clock.instant()),
                    where("enabled").is(true))).with(Sort.by("email")), AccountDocument.class);
        }
        if (accountIds.size() > MAX_SELECTED) {
            throw new InvalidInputException("accountIds", "Name at most " + MAX_SELECTED + " accounts at a time");
        }
        Map<String, AccountDocument> found = new LinkedHashMap<>();
        repository.findAllById(accountIds.stream().filter(id -> id != null).distinct().toList())
                .forEach(document -> found.put(document.getId(), document));
        List<FieldError> unknown = new ArrayList<>();
        List<AccountDocument> selected = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < accountIds.size(); i++) {
            String id = accountIds.get(i);
            AccountDocument document = found.remove(id);
            if (document != null) {
                selected.add(document);
                seen.add(id);
            } else if (!seen.contains(id)) {
                String shown = id == null ? "(empty)" : id;
                unknown.add(new FieldError("accountIds[" + i + "]", "No account has the id "
                        + (shown.length() > 40 ? shown.substring(0, 40) + "…" : shown)));
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("The selection names " + unknown.size() + " unknown account(s)", unknown);
        }
        return selected;
    }

    /**
     * The accounts a coordinator brought in (linked to a person, without a password, or invited once), with their
     * invitation status, by email; only those in this status when one is given.
     */
    public Page<InvitedAccount> list(InvitationStatus status, int page, int size) {
        Instant now = clock.instant();
        Criteria criteria = status == null ? broughtIn()
                : new Criteria().andOperator(broughtIn(), inStatus(status, now));
        Query query = Query.query(criteria);
        long total = mongo.count(query, AccountDocument.class);
        PageRequest request = PageRequest.of(page, size, Sort.by("email"));
        List<InvitedAccount> content = mongo.find(Query.query(criteria).with(request), AccountDocument.class).stream()
                .map(document -> view(document, now)).toList();
        return new PageImpl<>(content, request, total);
    }

    private static InvitedAccount view(AccountDocument document, Instant now) {
        return new InvitedAccount(AccountService.toAccount(document), statusOf(document, now),
                document.getInvitationSentAt(), document.getSetPasswordTokenExpiresAt());
    }

    /** Where an account's invitation stands, from its stored fields. */
    static InvitationStatus statusOf(AccountDocument document, Instant now) {
        if (document.getPasswordHash() != null) {
            return document.isEmailVerified() ? InvitationStatus.ACCEPTED : InvitationStatus.NOT_SENT;
        }
        Instant expiry = document.getSetPasswordTokenExpiresAt();
        if (expiry == null) {
            return InvitationStatus.NOT_SENT;
        }
        return expiry.isAfter(now) ? InvitationStatus.SENT : InvitationStatus.EXPIRED;
    }

    private static Criteria broughtIn() {
        return new Criteria().orOperator(where("personExternalId").ne(null), where("passwordHash").is(null),
                where("invitationSentAt").ne(null));
    }

    private static Criteria inStatus(InvitationStatus status, Instant now) {
        return switch (status) {
            case ACCEPTED -> where("passwordHash").ne(null).and("emailVerified").ne(false);
            case SENT -> where("passwordHash").is(null).and("setPasswordTokenExpiresAt").gt(now);
            case EXPIRED -> where("passwordHash").is(null).and("setPasswordTokenExpiresAt").lte(now);
            case NOT_SENT -> new Criteria().orOperator(
                    where("passwordHash").is(null).and("setPasswordTokenExpiresAt").is(null),
                    where("passwordHash").ne(null).and("emailVerified").is(false));
        };
    }
}
