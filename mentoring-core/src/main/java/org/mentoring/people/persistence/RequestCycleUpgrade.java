package org.mentoring.people.persistence;

import org.mentoring.cycles.Cycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Brings a store from before cycles up to date when the application starts, before it serves anyone: the unique
 * index on the email alone (one request per researcher, ever) is dropped, as requests are now unique per email and
 * cycle, and every request without a cycle is put in {@code default}. Both steps do nothing the second time.
 */
@Component
class RequestCycleUpgrade implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(RequestCycleUpgrade.class);
    static final String OLD_EMAIL_INDEX = "email";

    private final MongoTemplate mongo;

    RequestCycleUpgrade(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        String collection = MentorshipRequestDocument.COLLECTION;
        if (!mongo.collectionExists(collection)) {
            return;
        }
        if (mongo.indexOps(collection).getIndexInfo().stream()
                .anyMatch(index -> index.getName().equals(OLD_EMAIL_INDEX) && index.isUnique())) {
            mongo.indexOps(collection).dropIndex(OLD_EMAIL_INDEX);
            log.info("Dropped the unique index on requests' email: a researcher now has one request per cycle");
        }
        long moved = mongo.updateMulti(Query.query(Criteria.where("cycle").exists(false)),
                new Update().set("cycle", Cycle.DEFAULT_CODE), collection).getModifiedCount();
        if (moved > 0) {
            log.info("Put {} requests stored before cycles existed in the cycle '{}'", moved, Cycle.DEFAULT_CODE);
        }
    }
}
