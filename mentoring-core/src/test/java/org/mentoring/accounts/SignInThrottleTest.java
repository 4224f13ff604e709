package org.mentoring.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
    void afterFiveAttemptsEachFurtherOneWaitsLongerButNeverMoreThanAMinute() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(throttle.claim(ACCOUNT, SignInThrottle.ACCOUNT)).as("attempt %d", attempt).isEmpty();
        }
        Instant tenSeconds = clock.instant().plusSeconds(10);
        assertThat(throttle.claim(ACCOUNT, SignInThrottle.ACCOUNT)).as("the sixth at once").contains(tenSeconds);
        assertThat(throttle.waitUntil(SignInThrottle.accountKey("ada@uni.example.org"))).contains(tenSeconds);
        assertThat(throttle.waitUntil(ADDRESS, ACCOUNT)).as("any waiting key of several").contains(tenSeconds);
        assertThat(throttle.waitUntil(ADDRESS)).isEmpty();

        List<Duration> waits = new ArrayList<>();
        for (int attempt = 6; attempt <= 10; attempt++) {
            Instant until = throttle.waitUntil(ACCOUNT).orElseThrow();
            waits.add(Duration.between(clock.instant(), until));
            clock.move(Duration.between(clock.instant(), until));
            assertThat(throttle.claim(ACCOUNT, SignInThrottle.ACCOUNT)).as("attempt %d, after waiting", attempt)
                    .isEmpty();
        }
        assertThat(waits).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40),
                Duration.ofMinutes(1), Duration.ofMinutes(1));
    }

    @Test
    void aSuccessOrAQuarterOfAnHourWithoutAttemptsStartsAfresh() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            throttle.claim(ACCOUNT, SignInThrottle.ACCOUNT);
        }
        throttle.recordSuccess(ACCOUNT);
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(throttle.claim(ACCOUNT, SignInThrottle.ACCOUNT)).as("after a success").isEmpty();
        }
        assertThat(throttle.claim(ACCOUNT, SignInThrottle.ACCOUNT)).isPresent();

        clock.move(SignInThrottle.QUIET.plusSeconds(1));
        assertThat(throttle.waitUntil(ACCOUNT)).isEmpty();
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(throttle.claim(ACCOUNT, SignInThrottle.ACCOUNT)).as("after a quiet quarter hour").isEmpty();
        }
    }

    @Test
    void anAddressGetsTwentyAttemptsAndAReleasedOneDoesNotCount() {
        for (int attempt = 1; attempt < 20; attempt++) {
            assertThat(throttle.claim(ADDRESS, SignInThrottle.ADDRESS)).isEmpty();
        }
        throttle.release(ADDRESS);
        assertThat(throttle.claim(ADDRESS, SignInThrottle.ADDRESS)).isEmpty();
        assertThat(throttle.claim(ADDRESS, SignInThrottle.ADDRESS)).as("the twentieth counted one").isEmpty();
        assertThat(throttle.claim(ADDRESS, SignInThrottle.ADDRESS)).isPresent();
        assertThat(throttle.waitUntil(ACCOUNT, ADDRESS)).isPresent();
    }

    @Test
    void thirtyParallelAttemptsGetNoMoreThanFiveChecks() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(30);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Optional<Instant>>> attempts = new ArrayList<>();
        for (int attempt = 0; attempt < 30; attempt++) {
            attempts.add(() -> {
                start.await();
                return throttle.claim(ACCOUNT, SignInThrottle.ACCOUNT);
            });
        }
        try {
            List<Future<Optional<Instant>>> results = new ArrayList<>();
            attempts.forEach(attempt -> results.add(pool.submit(attempt)));
            start.countDown();
            int allowed = 0;
            for (Future<Optional<Instant>> result : results) {
                allowed += result.get().isEmpty() ? 1 : 0;
            }
            assertThat(allowed).isEqualTo(5);
            assertThat(mongo.findById(ACCOUNT, SignInAttemptDocument.class).getFailures()).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }
}
