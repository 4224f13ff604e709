package org.mentoring.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentoring.accounts.AccountService.NewAccount;
import org.mentoring.audit.AuditService;
import org.mentoring.common.InvalidInputException;
import org.mentoring.people.PeopleTestApplication;
import org.mentoring.people.StoreTest;
import org.mentoring.testing.MovableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ContextConfiguration;

/**
 * "Forgot password" over time (a clock the test moves): a link goes only to an enabled account with a password or an
 * invitation, works for an hour and once, and no more than one every 2 minutes and 5 a day go to one address.
 */
@StoreTest
@ContextConfiguration(classes = PeopleTestApplication.class)
class PasswordResetTest {

    private static final String PASSWORD = "a long pass phrase 2026";
    private static final String NEW_PASSWORD = "another long phrase 2027";

    @Autowired
    AccountRepository repository;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    AuditService audit;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    AccountMail mail;

    private MovableClock clock;
    private AccountService accounts;
    private PasswordReset reset;

    @BeforeEach
    void services() {
        repository.deleteAll();
        mongo.remove(new Query(), "notifications");
        clock = new MovableClock(Instant.parse("2026-12-01T08:00:00Z"));
        accounts = new AccountService(repository, passwordEncoder, audit, clock);
        reset = new PasswordReset(repository, mail, audit, clock);
    }

    @Test
    void aResetLinkWorksForAnHourOnceAndEndsTheOtherSessions() {
        accounts.signUp("forgetful@example.org", PASSWORD, "Forgetful");
        long epoch = repository.findByEmail("forgetful@example.org").orElseThrow().getSessionEpoch();
        reset.request("Forgetful@Example.org");
        String first = token("forgetful@example.org");
        assertThat(repository.findByEmail("forgetful@example.org").orElseThrow().getSetPasswordTokenHash())
                .as("only the hash is stored").isEqualTo(AccountService.sha256(first));
        clock.move(PasswordReset.VALIDITY.plusMinutes(1));
        assertThatThrownBy(() -> accounts.setPassword(first, NEW_PASSWORD)).isInstanceOf(InvalidInputException.class);

        reset.request("forgetful@example.org");
        String second = token("forgetful@example.org");
        accounts.setPassword(second, NEW_PASSWORD);
        assertThat(passwordEncoder.matches(NEW_PASSWORD,
                accounts.credentials("forgetful@example.org").orElseThrow().passwordHash())).isTrue();
        assertThat(repository.findByEmail("forgetful@example.org").orElseThrow().getSessionEpoch()).isGreaterThan(epoch);
        assertThatThrownBy(() -> accounts.setPassword(second, "yet another phrase 2028"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void atMostOneLinkEveryTwoMinutesAndFiveADay() {
        accounts.signUp("flooded@example.org", PASSWORD, "Flooded");
        reset.request("flooded@example.org");
        reset.request("flooded@example.org");
        assertThat(messagesTo("flooded@example.org")).hasSize(1);
        for (int i = 0; i < 6; i++) {
            clock.move(PasswordReset.INTERVAL.plusSeconds(1));
            reset.request("flooded@example.org");
        }
        assertThat(messagesTo("flooded@example.org")).hasSize(PasswordReset.DAILY_LIMIT);
        clock.move(Duration.ofDays(1));
        reset.request("flooded@example.org");
        assertThat(messagesTo("flooded@example.org")).hasSize(PasswordReset.DAILY_LIMIT + 1);
    }

    @Test
    void onlyAnEnabledAccountWithAPasswordOrAnInvitationGetsALink() {
        accounts.createAllWithHash(List.of(new NewAccount("imported@example.org", "Imported", Role.MENTOR, "m-1")),
                null);
        accounts.invite("invited@example.org", "Invited", Role.MENTOR, null, "admin@example.org");
        Account disabled = accounts.signUp("disabled@example.org", PASSWORD, "Disabled");
        accounts.setEnabled(disabled.id(), false, "admin@example.org");
        mongo.remove(new Query(), "notifications");

        for (String email : List.of("imported@example.org", "invited@example.org", "disabled@example.org",
                "nobody@example.org", "kaſia@example.org")) {
            reset.request(email);
        }
        assertThat(messagesTo("imported@example.org")).as("never invited: the coordinator invites").isEmpty();
        assertThat(messagesTo("invited@example.org")).hasSize(1);
        assertThat(messagesTo("disabled@example.org")).isEmpty();
        assertThat(mongo.count(new Query(), "notifications")).isEqualTo(1);
        assertThatThrownBy(() -> reset.request("not an address")).isInstanceOf(InvalidInputException.class);
    }

    private List<Document> messagesTo(String email) {
        return mongo.find(Query.query(Criteria.where("to").is(email)).with(Sort.by(Sort.Direction.DESC, "createdAt")),
                Document.class, "notifications");
    }

    private String token(String email) {
        Pattern link = Pattern.compile("/set-password\\?token=([A-Za-z0-9_-]+)");
        for (Document message : messagesTo(email)) {
            Matcher matcher = link.matcher(message.getString("body"));
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        throw new AssertionError("no reset link for " + email);
    }
}
