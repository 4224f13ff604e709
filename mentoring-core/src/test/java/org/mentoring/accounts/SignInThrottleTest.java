package org.mentoring.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentoring.accounts.persistence.SignInAttemptDocument;
import org.mentoring.people.PeopleTestApplication;
import org.mentoring.people.StoreTest;
import org.mentoring.testing.MovableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.ContextConfiguration;

@StoreTest
@ContextConfiguration(classes = PeopleTestApplication.class)
class SignInThrottleTest {

    private static final String ACCOUNT = SignInThrottle.accountKey("Ada@Uni.example.org");
    private static final String ADDRESS = SignInThrottle.addressKey("203.0.113.9");

    @Autowired
    MongoTemplate mongo;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-27T01:00:00Z"));
    private SignInThrottle throttle;

    @BeforeEach
    void freshThrottle() {
        mongo.remove(new Query(), SignInAttemptDocument.class);
        throttle = new SignInThrottle(mongo, clock);
    }

    @Test
    void anAccountIsLockedAtItsFifthFailureForFifteenMinutes() {
        for (int failure = 1; failure < SignInThrottle.ACCOUNT_LIMIT; failure++) {
            throttle.recordFailure(ACCOUNT, SignInThrottle.ACCOUNT_LIMIT);
        }
        assertThat(throttle.lockedUntil(ACCOUNT)).isEmpty();

        throttle.recordFailure(ACCOUNT, SignInThrottle.ACCOUNT_LIMIT);

        Instant until = clock.instant().plus(SignInThrottle.LOCK);
        assertThat(throttle.lockedUntil(ACCOUNT)).contains(until);
        assertThat(throttle.lockedUntil(SignInThrottle.accountKey("ada@uni.example.org"))).contains(until);
        assertThat(throttle.lockedUntil(ADDRESS, ACCOUNT)).as("any locked key of several").contains(until);
        assertThat(throttle.lockedUntil(ADDRESS)).isEmpty();

        clock.move(SignInThrottle.LOCK.plusSeconds(1));
        assertThat(throttle.lockedUntil(ACCOUNT)).isEmpty();
    }

    @Test
    void failuresOutsideTheWindowAndFailuresBeforeASuccessDoNotCount() {
        for (int failure = 1; failure < SignInThrottle.ACCOUNT_LIMIT; failure++) {
            throttle.recordFailure(ACCOUNT, SignInThrottle.ACCOUNT_LIMIT);
        }
        clock.move(SignInThrottle.WINDOW.plusSeconds(1));
        throttle.recordFailure(ACCOUNT, SignInThrottle.ACCOUNT_LIMIT);
        assertThat(throttle.lockedUntil(ACCOUNT)).as("the old failures left the window").isEmpty();

        for (int failure = 1; failure < SignInThrottle.ACCOUNT_LIMIT - 1; failure++) {
            throttle.recordFailure(ACCOUNT, SignInThrottle.ACCOUNT_LIMIT);
        }
        throttle.recordSuccess(ACCOUNT);
        throttle.recordFailure(ACCOUNT, SignInThrottle.ACCOUNT_LIMIT);
        assertThat(throttle.lockedUntil(ACCOUNT)).as("a success clears the count").isEmpty();
    }

    @Test
    void anAddressIsLockedAtItsTwentiethFailure() {
        for (int failure = 1; failure < SignInThrottle.ADDRESS_LIMIT; failure++) {
            throttle.recordFailure(ADDRESS, SignInThrottle.ADDRESS_LIMIT);
        }
        assertThat(throttle.lockedUntil(ADDRESS)).isEmpty();
        throttle.recordFailure(ADDRESS, SignInThrottle.ADDRESS_LIMIT);
        assertThat(throttle.lockedUntil(ACCOUNT, ADDRESS)).isPresent();
    }
}
