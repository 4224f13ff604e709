package org.mentoring.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.mentoring.accounts.persistence.SignInAttemptDocument;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Locks an account after repeated failed sign-ins, and a client address after many, for a while. Counts live in
 * the store and change by single atomic updates, so several app instances share them.
 */
@Service
public class SignInThrottle {

    public static final int ACCOUNT_LIMIT = 5;
    public static final int ADDRESS_LIMIT = 20;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration LOCK = Duration.ofMinutes(15);

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

    /** Until when the first locked of these keys is locked, if any is; one read of the store for all of them. */
    public Optional<Instant> lockedUntil(String... keys) {
        Instant now = clock.instant();
        return mongo.find(Query.query(Criteria.where("_id").in((Object[]) keys).and("lockedUntil").gt(now)),
                SignInAttemptDocument.class).stream().map(SignInAttemptDocument::getLockedUntil)
                .max(Instant::compareTo);
    }

    /** Counts a failed sign-in for the key; locks it once the limit is reached within the window. */
    public void recordFailure(String key, int limit) {
        Instant now = clock.instant();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(key).and("windowStart").lt(now.minus(WINDOW))),
                new Update().set("failures", 0).set("windowStart", now), SignInAttemptDocument.class);
        SignInAttemptDocument document = mongo.findAndModify(Query.query(Criteria.where("_id").is(key)),
                new Update().inc("failures", 1).setOnInsert("windowStart", now),
                FindAndModifyOptions.options().upsert(true).returnNew(true), SignInAttemptDocument.class);
        if (document != null && document.getFailures() >= limit) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(key)),
                    new Update().set("lockedUntil", now.plus(LOCK)).set("failures", 0).set("windowStart", now),
                    SignInAttemptDocument.class);
        }
    }

    /** A successful sign-in clears the account's count. */
    public void recordSuccess(String key) {
        mongo.remove(Query.query(Criteria.where("_id").is(key)), SignInAttemptDocument.class);
    }
}
