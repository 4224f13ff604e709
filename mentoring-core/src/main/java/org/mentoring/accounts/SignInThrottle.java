package org.mentoring.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Slows down password guessing without locking anyone out for long. Each attempt on a key (an account, a client
 * address) is counted in the store <em>before</em> its password is checked, by one conditional update that only
 * one of several parallel attempts can win, so a burst of parallel guesses gets no more checks than a slow series.
 * The first {@link Limits#freeFailures()} attempts in a row are checked at once; after that each further attempt
 * must wait a delay that doubles from {@link Limits#firstDelay()} up to {@link Limits#maxDelay()}, and one made
 * sooner is refused (not checked) with the moment it may be made. A success clears the account's count; counts
 * are forgotten after {@link #QUIET} without any attempt. The store is shared, so several instances agree.
 */
@Service
public class SignInThrottle {

    /** How attempts on one kind of key are slowed down. */
    public record Limits(int freeFailures, Duration firstDelay, Duration maxDelay) {

        /** How long to wait after the attempt that brought the count to {@code failures}. */
        public Duration delayAfter(int failures) {
            if (failures < freeFailures) {
                return Duration.ZERO;
            }
            int doublings = Math.min(failures - freeFailures, 30);
            Duration delay = firstDelay.multipliedBy(1L << doublings);
            return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
        }
    }

    /** An account: five attempts in a row, then 10 s, 20 s, 40 s, and one a minute at most. */
    public static final Limits ACCOUNT = new Limits(5, Duration.ofSeconds(10), Duration.ofMinutes(1));
    /** A client address (every account tried from it): twenty in a row, then 10 s doubling to 5 minutes at most. */
    public static final Limits ADDRESS = new Limits(20, Duration.ofSeconds(10), Duration.ofMinutes(5));
    /** A key with no attempt for this long starts afresh. */
    public static final Duration QUIET = Duration.ofMinutes(15);

    private static final int ROUNDS = 50;

    private final MongoTemplate mongo;
    private final Clock clock;

    @Autowired
    public SignInThrottle(MongoTemplate mongo) {
        this(mongo, Clock.systemUTC());
    }

    SignInThrottle(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public static String accountKey(String email) {
        return "account:" + AccountService.normalize(email);
    }

    public static String addressKey(String address) {
        return "address:" + address;
    }

    /** The latest moment one of these keys must wait for before its next attempt, if any must wait; one read. */
    public Optional<Instant> waitUntil(String... keys) {
        Instant now = clock.instant();
        return mongo.find(Query.query(Criteria.where("_id").in((Object[]) keys).and("nextAttemptAt").gt(now)
                .and("lastAttemptAt").gte(now.minus(QUIET))), SignInAttemptDocument.class)
                .stream().map(SignInAttemptDocument::getNextAttemptAt).max(Instant::compareTo);
    }

    /**
     * Counts an attempt on the key before its password is checked. Answers empty when the attempt may go ahead, or
     * the moment the next attempt may be made when this one must not be checked (it is then not counted).
     */
    public Optional<Instant> claim(String key, Limits limits) {
        for (int round = 0; round < ROUNDS; round++) {
            SignInAttemptDocument current = mongo.findById(key, SignInAttemptDocument.class);
            Instant now = clock.instant();
            boolean fresh = current == null || current.getLastAttemptAt() == null
                    || current.getLastAttemptAt().isBefore(now.minus(QUIET));
            if (!fresh && current.getNextAttemptAt() != null && current.getNextAttemptAt().isAfter(now)) {
                return Optional.of(current.getNextAttemptAt());
            }
            int failures = (fresh ? 0 : current.getFailures()) + 1;
            Duration delay = limits.delayAfter(failures);
            Update update = new Update().set("failures", failures).set("lastAttemptAt", now)
                    .set("nextAttemptAt", delay.isZero() ? null : now.plus(delay));
            if (current == null) {
                try {
                    mongo.upsert(Query.query(Criteria.where("_id").is(key).and("failures").exists(false)), update,
                            SignInAttemptDocument.class);
                    return Optional.empty();
                } catch (DuplicateKeyException e) {
                    continue; // another attempt created it first: read it again
                }
            }
            // only the attempt that saw this count moves it on; a parallel one reads the new count and tries again
            Query unchanged = Query.query(Criteria.where("_id").is(key).and("failures").is(current.getFailures())
                    .and("lastAttemptAt").is(current.getLastAttemptAt()));
            if (mongo.updateFirst(unchanged, update, SignInAttemptDocument.class).getMatchedCount() == 1) {
                return Optional.empty();
            }
        }
        return Optional.of(clock.instant().plus(limits.firstDelay())); // too busy to count: treat as a burst
    }

    /** Takes back one counted attempt that turned out right (a client address after a successful sign-in). */
    public void release(String key) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(key).and("failures").gt(0)),
                new Update().inc("failures", -1), SignInAttemptDocument.class);
    }

    /** A successful sign-in clears the account's count. */
    public void recordSuccess(String key) {
        mongo.remove(Query.query(Criteria.where("_id").is(key)), SignInAttemptDocument.class);
    }
}
