package org.mentoring.accounts;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mentoring.accounts.AccountInvitations.InvitedAccount;
import org.mentoring.common.EmailAddress;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Service;

/**
 * The coordinator's list of accounts: the words typed found in a name or an email as plain text in any letter case,
 * narrowed by role and by whether the account is enabled, in email order, each with where its invitation stands.
 */
@Service
public class AccountSearch {

    private final MongoTemplate mongo;
    private final Clock clock;

    @Autowired
    AccountSearch(MongoTemplate mongo) {
        this(mongo, Clock.systemUTC());
    }

    AccountSearch(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** A page of accounts; every filter may be null. */
    public Page<InvitedAccount> find(String text, Role role, Boolean enabled, int page, int size) {
        List<Criteria> all = new ArrayList<>();
        if (role != null) {
            all.add(where("role").is(role));
        }
        if (enabled != null) {
            all.add(where("enabled").is(enabled));
        }
        if (text != null && !text.isBlank()) {
            String typed = text.strip();
            typed = typed.length() > 100 ? typed.substring(0, 100) : typed;
            Pattern contains = Pattern.compile(Pattern.quote(typed), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            all.add(new Criteria().orOperator(where("name").regex(contains),
                    where("email").regex(Pattern.compile(Pattern.quote(EmailAddress.canonical(typed))))));
        }
        Criteria criteria = all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
        PageRequest request = PageRequest.of(Math.max(0, page), size, Sort.by("email"));
        Instant now = clock.instant();
        List<InvitedAccount> content = mongo.find(Query.query(criteria).with(request), AccountDocument.class).stream()
                .map(document -> view(document, now)).toList();
        return PageableExecutionUtils.getPage(content, request,
                () -> mongo.count(Query.query(criteria), AccountDocument.class));
    }

    /** The account with this id, with its invitation. */
    public Optional<InvitedAccount> get(String id) {
        return Optional.ofNullable(mongo.findById(id, AccountDocument.class)).map(d -> view(d, clock.instant()));
    }

    /** The account linked to this person (mentor or researcher externalId), or else the one with this email. */
    public Optional<InvitedAccount> of(String personExternalId, String email) {
        AccountDocument document = mongo.findOne(Query.query(where("personExternalId").is(personExternalId)),
                AccountDocument.class);
        if (document == null && email != null) {
            document = mongo.findOne(Query.query(where("email").is(EmailAddress.canonical(email))),
                    AccountDocument.class);
        }
        return Optional.ofNullable(document).map(d -> view(d, clock.instant()));
    }

    /** The ids of the accounts with these emails (those that have one). */
    public List<String> idsOfEmails(List<String> emails) {
        List<String> canonical = emails.stream().map(EmailAddress::canonical).distinct().toList();
        if (canonical.isEmpty()) {
            return List.of();
        }
        return mongo.find(Query.query(where("email").in(canonical)), AccountDocument.class).stream()
                .map(AccountDocument::getId).toList();
    }

    private static InvitedAccount view(AccountDocument document, Instant now) {
        return new InvitedAccount(AccountService.toAccount(document), AccountInvitations.statusOf(document, now),
                document.getInvitationSentAt(), document.getSetPasswordTokenExpiresAt());
    }
}
