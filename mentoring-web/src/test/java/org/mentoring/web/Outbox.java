package org.mentoring.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The messages in the store's outbox, for tests that run without a mail server and follow an emailed link. */
final class Outbox {

    private Outbox() {
    }

    /** The token of the newest link to this page (/verify-email or /set-password) in a message to this email. */
    static String newestToken(MongoTemplate mongo, String email, String page) {
        List<Document> messages = mongo.find(Query.query(Criteria.where("to").is(email))
                .with(Sort.by(Sort.Direction.DESC, "createdAt")), Document.class, "notifications");
        Pattern link = Pattern.compile(Pattern.quote(page) + "\\?token=([A-Za-z0-9_-]+)");
        for (Document message : messages) {
            Matcher matcher = link.matcher(message.getString("body"));
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        throw new AssertionError("no message to " + email + " with a link to " + page + " among "
                + messages.stream().map(m -> m.getString("subject")).toList());
    }
}
