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
import org.mentoring.common.ConflictException;
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
 * Verification links and invitations over time (a clock the test moves): links expire, can be sent again within
 * limits, and an invitation's status follows what is stored; an import takes over an unverified sign-up only.
 */
@StoreTest
@ContextConfiguration(classes = PeopleTestApplication.class)
class EmailOwnershipServicesTest {

    private static final String PASSWORD = "a long pass phrase 2026";

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
    private EmailVerification verification;
    private AccountInvitations invitations;

    @BeforeEach
    void services() {
        repository.deleteAll();
        mongo.remove(new Query(), "notifications");
        clock = new MovableClock(Instant.parse("2026-12-01T08:00:00Z"));
        accounts = new AccountService(repository, passwordEncoder, audit, clock);
        verification = new EmailVerification(accounts, repository, mail, audit, clock);
        invitations = new AccountInvitations(accounts, repository, mongo, mail, audit, clock);
    }

    @Test
    void aVerificationLinkWorksFor48HoursAndANewOneReplacesIt() {
        Account account = verification.signUp("late.reader@example.org", PASSWORD, "Late Reader");
        assertThat(account.emailVerified()).isFalse();
        assertThat(accounts.credentials("late.reader@example.org").orElseThrow().emailVerified()).isFalse();
        String first = token("late.reader@example.org", "/verify-email");
        assertThat(repository.findByEmail("late.reader@example.org").orElseThrow().getEmailVerificationTokenHash())
                .as("only the hash is stored").isEqualTo(AccountService.sha256(first)).isNotEqualTo(first);

        clock.move(EmailVerification.VALIDITY.plusMinutes(1));
        assertThatThrownBy(() -> verification.verify(first)).isInstanceOf(InvalidInputException.class);

        verification.resend("late.reader@example.org");
        String second = token("late.reader@example.org", "/verify-email");
        assertThat(second).isNotEqualTo(first);
        assertThat(verification.verify(second).emailVerified()).isTrue();
        assertThat(accounts.credentials("late.reader@example.org").orElseThrow().emailVerified()).isTrue();
    }

    @Test
    void aNewLinkGoesOutAtMostEveryTwoMinutesAndFiveTimesADay() {
        verification.signUp("eager@example.org", PASSWORD, "Eager Person");
        assertThatThrownBy(() -> verification.resend("eager@example.org")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("2 minutes");
        for (int resend = 0; resend < EmailVerification.DAILY_LIMIT - 1; resend++) {
            clock.move(EmailVerification.RESEND_INTERVAL.plusSeconds(1));
            verification.resend("eager@example.org");
        }
        clock.move(EmailVerification.RESEND_INTERVAL.plusSeconds(1));
        assertThatThrownBy(() -> verification.resend("eager@example.org")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("24 hours");
        assertThat(messagesTo("eager@example.org")).hasSize(EmailVerification.DAILY_LIMIT);

        clock.move(Duration.ofDays(1));
        verification.resend("eager@example.org");
        assertThat(messagesTo("eager@example.org")).hasSize(EmailVerification.DAILY_LIMIT + 1);
    }

    @Test
    void aSignUpWaitsForItsLinkThenAnotherMayTakeTheAddress() {
        verification.signUp("typo@example.org", PASSWORD, "Someone Else");
        assertThatThrownBy(() -> verification.signUp("typo@example.org", PASSWORD, "The Owner"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("waiting for its address");

        long squattersEpoch = repository.findByEmail("typo@example.org").orElseThrow().getSessionEpoch();

        clock.move(EmailVerification.VALIDITY.plusMinutes(1));
        Account owner = verification.signUp("typo@example.org", PASSWORD, "The Owner");
        assertThat(owner.name()).isEqualTo("The Owner");
        assertThat(repository.count()).isEqualTo(1);
        assertThat(repository.findByEmail("typo@example.org").orElseThrow().getSessionEpoch())
                .as("a session the first sign-up kept alive is over for the new account")
                .isGreaterThan(squattersEpoch);
    }

    @Test
    void anInvitationIsSentThenExpiresThenIsSentAgainAndAccepted() {
        invitations.forImportedPeople(List.of(new NewAccount("m-1@example.org", "Dr. One", Role.MENTOR, "m-1")),
                "coordinator@example.org");
        assertThat(statuses(null)).containsExactly("m-1@example.org NOT_SENT");

        String id = repository.findByEmail("m-1@example.org").orElseThrow().getId();
        invitations.inviteAll(List.of(id), null, "coordinator@example.org");
        assertThat(statuses(null)).containsExactly("m-1@example.org SENT");

        clock.move(AccountService.INVITATION_VALIDITY.plusMinutes(1));
        assertThat(statuses(InvitationStatus.EXPIRED)).containsExactly("m-1@example.org EXPIRED");
        assertThat(statuses(InvitationStatus.SENT)).isEmpty();
        String expired = token("m-1@example.org", "/set-password");
        assertThatThrownBy(() -> accounts.setPassword(expired, PASSWORD)).isInstanceOf(InvalidInputException.class);

        AccountInvitations.BulkResult again = invitations.inviteAll(null, InvitationStatus.EXPIRED,
                "coordinator@example.org");
        assertThat(again.sent()).hasSize(1);
        assertThat(statuses(InvitationStatus.SENT)).containsExactly("m-1@example.org SENT");
        accounts.setPassword(token("m-1@example.org", "/set-password"), PASSWORD);
        assertThat(statuses(InvitationStatus.ACCEPTED)).containsExactly("m-1@example.org ACCEPTED");
        assertThat(accounts.credentials("m-1@example.org").orElseThrow().emailVerified())
                .as("the emailed link proved the address").isTrue();
        assertThatThrownBy(() -> invitations.inviteAll(null, InvitationStatus.ACCEPTED, "coordinator@example.org"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anImportTakesOverAnUnverifiedSignUpAndLeavesProvenAccountsAlone() {
        verification.signUp("squatted@example.org", PASSWORD, "A Squatter");
        String squattersLink = token("squatted@example.org", "/verify-email");
        accounts.ensureAdmin("proven@example.org", PASSWORD);

        AccountInvitations.ImportedAccounts result = invitations.forImportedPeople(List.of(
                new NewAccount("Squatted@Example.org", "Dr. Real", Role.MENTOR, "m-7"),
                new NewAccount("proven@example.org", "Someone", Role.RESEARCHER, "r-1"),
                new NewAccount("new@example.org", "New Person", Role.RESEARCHER, "r-2"),
                new NewAccount("new@example.org", "New Person again", Role.RESEARCHER, "r-3")), "coordinator");

        assertThat(result).isEqualTo(new AccountInvitations.ImportedAccounts(1, 1));
        AccountDocument squatted = repository.findByEmail("squatted@example.org").orElseThrow();
        assertThat(squatted.getPasswordHash()).isNull();
        assertThat(squatted.getRole()).isEqualTo(Role.MENTOR);
        assertThat(squatted.getPersonExternalId()).isEqualTo("m-7");
        assertThat(squatted.getName()).isEqualTo("Dr. Real");
        assertThatThrownBy(() -> verification.verify(squattersLink)).isInstanceOf(InvalidInputException.class);
        AccountDocument proven = repository.findByEmail("proven@example.org").orElseThrow();
        assertThat(proven.getRole()).isEqualTo(Role.ADMIN);
        assertThat(proven.getPasswordHash()).isNotNull();
        assertThat(repository.findByEmail("new@example.org").orElseThrow().getPersonExternalId()).isEqualTo("r-2");
        assertThat(statuses(InvitationStatus.NOT_SENT))
                .containsExactly("new@example.org NOT_SENT", "squatted@example.org NOT_SENT");
    }

    @Test
    void accountsStoredBeforeVerificationExistedCountAsVerified() {
        mongo.insert(new Document("email", "old@example.org").append("name", "Old Timer").append("role", "RESEARCHER")
                .append("enabled", true).append("passwordHash", passwordEncoder.encode(PASSWORD)), "accounts");
        assertThat(accounts.credentials("old@example.org").orElseThrow().emailVerified()).isTrue();
        assertThat(accounts.findByEmail("old@example.org").orElseThrow().emailVerified()).isTrue();
    }

    private List<String> statuses(InvitationStatus status) {
        return invitations.list(status, 0, 50).stream()
                .map(invited -> invited.account().email() + " " + invited.status()).toList();
    }

    private List<Document> messagesTo(String email) {
        return mongo.find(Query.query(Criteria.where("to").is(email)).with(Sort.by(Sort.Direction.DESC, "createdAt")),
                Document.class, "notifications");
    }

    /** The token of the newest link to this page in the outbox's messages to this email (no mail server here). */
    private String token(String email, String page) {
        Pattern link = Pattern.compile(Pattern.quote(page) + "\\?token=([A-Za-z0-9_-]+)");
        for (Document message : messagesTo(email)) {
            Matcher matcher = link.matcher(message.getString("body"));
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        throw new AssertionError("no link to " + page + " for " + email);
    }
}
