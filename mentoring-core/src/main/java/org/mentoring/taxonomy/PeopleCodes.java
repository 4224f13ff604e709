package org.mentoring.taxonomy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The codes people's records name: how many mentors and requests use each, and moving them from old codes to new
 * ones. Works on the stored fields themselves ({@code mentors.domains}, {@code mentors.topics},
 * {@code requests.domains}, {@code requests.goals}), so that the taxonomy package needs none of the people classes.
 * Each record is changed by a conditional update (its list as read, its version raised), so a change made meanwhile
 * is neither lost nor overwritten: the record is read again and moved again.
 */
final class PeopleCodes {

    /** Which field of mentors and which of requests hold one kind of code. */
    enum Kind {
        DOMAINS("domains", "domains"), TOPICS("topics", "goals");

        final String mentorField;
        final String requestField;

        Kind(String mentorField, String requestField) {
            this.mentorField = mentorField;
            this.requestField = requestField;
        }
    }

    static final String MENTORS = "mentors";
    static final String REQUESTS = "requests";
    private static final int ATTEMPTS = 20;

    private final MongoTemplate mongo;

    PeopleCodes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Every code people use, with how many mentors and requests use it. */
    Map<String, CodeUsage> usage(Kind kind) {
        Map<String, int[]> counts = new HashMap<>();
        count(MENTORS, kind.mentorField, counts, 0);
        count(REQUESTS, kind.requestField, counts, 1);
        Map<String, CodeUsage> usage = new HashMap<>();
        counts.forEach((code, both) -> usage.put(code, new CodeUsage(both[0], both[1])));
        return usage;
    }

    private void count(String collection, String field, Map<String, int[]> counts, int slot) {
        for (Document document : mongo.getCollection(collection).find().projection(Projections.include(field))) {
            for (Object code : new LinkedHashSet<>(list(document.get(field)))) {
                if (code instanceof String text) {
                    counts.computeIfAbsent(text, key -> new int[2])[slot]++;
                }
            }
        }
    }

    /** Moves every mentor's and request's codes by the replacements; returns how many mentors and requests moved. */
    CodeUsage move(Kind kind, Map<String, String> replacedBy) {
        if (replacedBy.isEmpty()) {
            return CodeUsage.NONE;
        }
        return new CodeUsage(move(MENTORS, kind.mentorField, replacedBy), move(REQUESTS, kind.requestField,
                replacedBy));
    }

    private int move(String collection, String field, Map<String, String> replacedBy) {
        MongoCollection<Document> records = mongo.getCollection(collection);
        List<Object> ids = new ArrayList<>();
        records.find(Filters.in(field, replacedBy.keySet())).projection(Projections.include("_id"))
                .forEach(document -> ids.add(document.get("_id")));
        int moved = 0;
        for (Object id : ids) {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Document current = records.find(Filters.eq("_id", id)).first();
                if (current == null) {
                    break;
                }
                List<Object> codes = list(current.get(field));
                if (codes.stream().noneMatch(replacedBy::containsKey)) {
                    break;
                }
                LinkedHashSet<Object> replaced = new LinkedHashSet<>();
                for (Object code : codes) {
                    replaced.add(code instanceof String text ? replacedBy.getOrDefault(text, text) : code);
                }
                Object version = current.get("version");
                long matched = records.updateOne(
                        Filters.and(Filters.eq("_id", id), Filters.eq(field, codes), Filters.eq("version", version)),
                        version instanceof Number number
                                ? Updates.combine(Updates.set(field, new ArrayList<>(replaced)),
                                        Updates.set("version", number.longValue() + 1))
                                : Updates.set(field, new ArrayList<>(replaced)))
                        .getMatchedCount();
                if (matched == 1) {
                    moved++;
                    break;
                }
            }
        }
        return moved;
    }

    private static List<Object> list(Object value) {
        return value instanceof List<?> list ? new ArrayList<>(list) : List.of();
    }
}
