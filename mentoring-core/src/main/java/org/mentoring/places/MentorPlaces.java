package org.mentoring.places;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;
import org.bson.Document;
import org.mentoring.common.ConflictException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.matching.model.MentorshipStatus;
import org.mentoring.matching.model.OfferStatus;
import org.mentoring.matching.persistence.MentorshipDocument;
import org.mentoring.matching.persistence.ProposalDocument;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.BasicQuery;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The one place that holds a mentor's places. Each mentor has one ledger document ({@link MentorPlacesDocument}):
 * the places held by their offers awaiting answers and their active mentorships, and their capacity. A place is taken
 * by one conditional update guarded by {@code held < capacity}, so two admins (or a publication and an admin) racing
 * for a mentor's last place never both get it, on the embedded server as on a MongoDB replica set: the server
 * applies each update to one document atomically.
 *
 * <p>Callers take the place first and then write the offer; if that write fails they give the place back. A crash in
 * between leaves the ledger one place too high (never too low), which the reconciliation at start finds and fixes
 * ({@code lifecycle.PlacesReconciliation}). A mentor's document is built from the offers and
 * mentorships the first time it is needed, so a store written before the ledger existed needs nothing done.
 */
@Service
public class MentorPlaces {

    /** The problem type of a place refused because the mentor has none free. */
    public static final String FULL = "mentor-full";

    private static final String HELD = "held";
    private static final String CAPACITY = "capacity";
    private static final String VERSION = "version";
    private static final String HELD_CIRCLES = "heldCircles";
    private static final String CIRCLES = "circles";
    /** The most ids one {@code $in} query names. */
    private static final int IN_PART = 1000;

    private final MongoTemplate mongo;

    public MentorPlaces(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Takes one of the mentor's places for an offer.
     *
     * @param name the mentor's name, to name them in a refusal
     * @param capacity the mentor's capacity as stored, used only if their ledger document has to be built
     * @throws ConflictException {@value #FULL} when every place is held, naming the mentor and the places held
     */
    public void take(String mentorExternalId, String name, int capacity) {
        Document guard = new Document("_id", mentorExternalId)
                .append("$expr", new Document("$lt", List.of("$" + HELD, "$" + CAPACITY)));
        Update take = new Update().inc(HELD, 1).inc(VERSION, 1);
        if (mongo.findAndModify(new BasicQuery(guard), take, MentorPlacesDocument.class) != null) {
            return;
        }
        if (find(mentorExternalId).isEmpty()) {
            ensure(mentorExternalId, capacity);
            if (mongo.findAndModify(new BasicQuery(guard), take, MentorPlacesDocument.class) != null) {
                return;
            }
        }
        throw full(mentorExternalId, name);
    }

    /** Gives back one place: an offer declined, withdrawn or moved to another mentor, a mentorship ended. */
    public void release(String mentorExternalId) {
        mongo.updateFirst(query(where("_id").is(mentorExternalId).and(HELD).gt(0)),
                new Update().inc(HELD, -1).inc(VERSION, 1), MentorPlacesDocument.class);
    }

    /**
     * Takes one of the mentoring circles a mentor leads for a run's circle, beside their places: allowed only while
     * the circles they hold stay below {@code circles}, in one conditional update (two runs never give a mentor more
     * circles than they lead). Taking the same circle again takes nothing more.
     *
     * @param circles how many circles the mentor leads at once, as the caller read it; a number the ledger holds
     *     ({@link #changeCircles}) wins, so a profile lowered meanwhile is never overtaken
     * @throws ConflictException {@value #FULL} when they hold every circle they lead
     */
    public void takeCircle(String mentorExternalId, String name, int capacity, int circles, String circleId) {
        ensure(mentorExternalId, capacity);
        String marker = circleField(circleId);
        if (mongo.exists(query(where("_id").is(mentorExternalId).and(marker).exists(true)),
                MentorPlacesDocument.class)) {
            return;
        }
        Document guard = new Document("_id", mentorExternalId).append(marker, new Document("$exists", false))
                .append("$expr", new Document("$lt", List.of(
                        new Document("$ifNull", List.of("$" + HELD_CIRCLES, 0)),
                        new Document("$ifNull", List.of("$" + CIRCLES, circles)))));
        if (mongo.findAndModify(new BasicQuery(guard), new Update().inc(HELD_CIRCLES, 1).set(marker, true)
                .inc(VERSION, 1), MentorPlacesDocument.class) == null) {
            if (mongo.exists(query(where("_id").is(mentorExternalId).and(marker).exists(true)),
                    MentorPlacesDocument.class)) {
                return;
            }
            Optional<MentorPlacesDocument> line = find(mentorExternalId);
            int held = line.map(MentorPlacesDocument::circlesHeld).orElse(0);
            Integer stored = line.map(MentorPlacesDocument::circles).orElse(null);
            int leads = stored == null ? circles : stored;
            throw new ConflictException(FULL, name + " (" + mentorExternalId + ") leads no more circles: " + held
                    + " of " + leads + " are held by circles of published runs");
        }
    }

    /** Gives back a circle taken by {@link #takeCircle}; only the first call for a circle gives anything back. */
    public void releaseCircle(String mentorExternalId, String circleId) {
        String marker = circleField(circleId);
        mongo.updateFirst(query(where("_id").is(mentorExternalId).and(marker).exists(true)),
                new Update().unset(marker).inc(HELD_CIRCLES, -1).inc(VERSION, 1), MentorPlacesDocument.class);
    }

    /**
     * Gives back what an offer or mentorship held: a one-to-one place, or, for a seat in a circle, the circle once no
     * other seat of it awaits an answer or is an active mentorship (a declined seat frees itself; the circle stays
     * held while it has members).
     */
    public void releaseFor(String offerOrMentorshipId, String mentorExternalId) {
        if (!isSeat(offerOrMentorshipId)) {
            release(mentorExternalId);
            return;
        }
        String circleId = circleOfSeat(offerOrMentorshipId);
        Query open = query(where("circleId").is(circleId).and("status").is(OfferStatus.OFFERED)
                .and("_id").ne(offerOrMentorshipId));
        Query active = query(where("_id").regex("^" + java.util.regex.Pattern.quote(ProposalDocument.SEAT_PREFIX
                + circleId + "-")).and("status").is(MentorshipStatus.ACTIVE));
        if (!mongo.exists(open, ProposalDocument.class) && mongo.find(active, MentorshipDocument.class).stream()
                .noneMatch(m -> !m.id().equals(offerOrMentorshipId))) {
            releaseCircle(mentorExternalId, circleId);
        }
    }

    /** The id of a seat in a circle: {@code seat-<circleId>-<n>}. */
    public static String seatId(String circleId, int n) {
        return ProposalDocument.SEAT_PREFIX + circleId + "-" + String.format("%02d", n);
    }

    /** The circle of a seat's id ({@link #seatId}). */
    public static String circleOfSeat(String seatId) {
        return seatId.substring(ProposalDocument.SEAT_PREFIX.length(), seatId.lastIndexOf('-'));
    }

    /** The circles each of these mentors holds now, by the ledger; mentors holding none are left out. */
    public Map<String, Integer> heldCircles(List<String> mentorExternalIds) {
        Map<String, Integer> held = new HashMap<>();
        mongo.find(query(where("_id").in(mentorExternalIds).and(HELD_CIRCLES).gt(0)), MentorPlacesDocument.class)
                .forEach(doc -> held.put(doc.id(), doc.circlesHeld()));
        return held;
    }

    /** The circles every mentor leading one holds now, by the ledger (one query, however many mentors there are). */
    public Map<String, Integer> heldCirclesAll() {
        Map<String, Integer> held = new HashMap<>();
        mongo.find(query(where(HELD_CIRCLES).gt(0)), MentorPlacesDocument.class)
                .forEach(doc -> held.put(doc.id(), doc.circlesHeld()));
        return held;
    }

    private static String circleField(String circleId) {
        return "circleIds." + circleId.replace('.', '_').replace('$', '_');
    }

    /**
     * Moves one of an unpublished run's proposals onto the mentor: allowed only while the places held plus that run's
     * proposals already on the mentor stay below their capacity. A draft holds no place; this only keeps two admins
     * from giving one mentor's last place to two proposals of the same run at once.
     *
     * @param draftsNow counts that run's proposals on the mentor, read the first time the run's count is needed
     * @throws ConflictException {@value #FULL} when the run already uses every free place of the mentor
     */
    public void takeForDraft(String runId, String mentorExternalId, String name, int capacity, IntSupplier draftsNow) {
        ensure(mentorExternalId, capacity);
        String field = draftField(runId);
        mongo.updateFirst(query(where("_id").is(mentorExternalId).and(field).exists(false)),
                new Update().set(field, draftsNow.getAsInt()), MentorPlacesDocument.class);
        Document guard = new Document("_id", mentorExternalId).append("$expr", new Document("$lt", List.of(
                new Document("$add", List.of("$" + HELD, new Document("$ifNull", List.of("$" + field, 0)))),
                "$" + CAPACITY)));
        if (mongo.findAndModify(new BasicQuery(guard), new Update().inc(field, 1).inc(VERSION, 1),
                MentorPlacesDocument.class) == null) {
            throw full(mentorExternalId, name);
        }
    }

    /** Gives back what {@link #takeForDraft} took, or counts one draft of the run fewer on the mentor. */
    public void releaseDraft(String runId, String mentorExternalId) {
        String field = draftField(runId);
        mongo.updateFirst(query(where("_id").is(mentorExternalId).and(field).gt(0)),
                new Update().inc(field, -1).inc(VERSION, 1), MentorPlacesDocument.class);
    }

    /** Forgets a run's draft counts once it is published: its proposals are offers now, or withdrawn. */
    public void forgetDrafts(String runId) {
        String field = draftField(runId);
        mongo.updateMulti(query(where(field).exists(true)), new Update().unset(field), MentorPlacesDocument.class);
    }

    /**
     * Sets a mentor's capacity in the ledger, refused when it is below the places they hold now. The check and the
     * change are one conditional update, so no place can be taken between them.
     *
     * @throws InvalidInputException on {@code capacity}, naming the mentor and the places they hold
     */
    public void changeCapacity(String mentorExternalId, String name, int capacity) {
        ensure(mentorExternalId, capacity);
        if (mongo.findAndModify(query(where("_id").is(mentorExternalId).and(HELD).lte(capacity)),
                new Update().set(CAPACITY, capacity).inc(VERSION, 1), MentorPlacesDocument.class) == null) {
            int held = find(mentorExternalId).map(MentorPlacesDocument::held).orElse(0);
            throw new InvalidInputException(CAPACITY, "capacity: " + capacity + " is below the " + held
                    + " places " + name + " (" + mentorExternalId + ") holds now (offers awaiting answers and active "
                    + "mentorships); give at least " + held + ", or lower it once some of those have ended");
        }
    }

    /**
     * Sets how many circles a mentor may lead at once, refused when it is below the circles they lead now. The check
     * and the change are one conditional update, so no circle can be taken between them ({@link #takeCircle} checks
     * against this number).
     *
     * @throws InvalidInputException on {@code circles}, naming the mentor and the circles they lead
     */
    public void changeCircles(String mentorExternalId, String name, int capacity, int circles) {
        ensure(mentorExternalId, capacity);
        Document guard = new Document("_id", mentorExternalId).append("$expr", new Document("$lte", List.of(
                new Document("$ifNull", List.of("$" + HELD_CIRCLES, 0)), circles)));
        if (mongo.findAndModify(new BasicQuery(guard), new Update().set(CIRCLES, circles).inc(VERSION, 1),
                MentorPlacesDocument.class) == null) {
            int held = find(mentorExternalId).map(MentorPlacesDocument::circlesHeld).orElse(0);
            throw new InvalidInputException(CIRCLES, circlesTooFew(name, held, circles));
        }
    }

    /** What a refusal of {@code circles} below the circles held says. */
    public static String circlesTooFew(String name, int held, int circles) {
        return "circles: " + name + " leads " + held + (held == 1 ? " mentoring circle" : " mentoring circles")
                + " now (members offered a seat or holding one), so " + circles + " is too few; give at least "
                + held + ", or lower it once " + (held == 1 ? "that circle has" : "some of those circles have")
                + " ended";
    }

    /** Copies a mentor's circles into the ledger whatever they lead: to undo a {@link #changeCircles}, or an import. */
    public void setCircles(String mentorExternalId, int circles) {
        mongo.updateFirst(query(where("_id").is(mentorExternalId)),
                new Update().set(CIRCLES, circles).inc(VERSION, 1), MentorPlacesDocument.class);
    }

    /**
     * Copies a capacity into the ledger whatever the places held: after an import that checked it, or to undo a
     * {@link #changeCapacity} whose profile write failed. A capacity below the places held only stops new takes.
     */
    public void setCapacity(String mentorExternalId, int capacity) {
        mongo.updateFirst(query(where("_id").is(mentorExternalId)),
                new Update().set(CAPACITY, capacity).inc(VERSION, 1), MentorPlacesDocument.class);
    }

    /** {@link #setCapacity} for many mentors at once (an import); mentors without a ledger document are skipped. */
    public void setCapacities(Map<String, Integer> capacities) {
        setAll(CAPACITY, capacities);
    }

    /** {@link #setCircles} for many mentors at once (an import that checked them); mentors without a line are skipped. */
    public void setCircles(Map<String, Integer> circles) {
        setAll(CIRCLES, circles);
    }

    private void setAll(String field, Map<String, Integer> values) {
        if (values.isEmpty()) {
            return;
        }
        Set<String> kept = held(List.copyOf(values.keySet())).keySet();
        if (kept.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, MentorPlacesDocument.class);
        kept.forEach(id -> bulk.updateOne(query(where("_id").is(id)),
                new Update().set(field, values.get(id)).inc(VERSION, 1)));
        bulk.execute();
    }

    /** The places each of these mentors holds now, by the ledger; a mentor without a ledger document is left out. */
    public Map<String, Integer> held(List<String> mentorExternalIds) {
        Map<String, Integer> held = new HashMap<>();
        // in parts: the embedded store checks each document found against the whole $in list
        for (int from = 0; from < mentorExternalIds.size(); from += IN_PART) {
            mongo.find(query(where("_id").in(mentorExternalIds.subList(from,
                    Math.min(from + IN_PART, mentorExternalIds.size())))), MentorPlacesDocument.class)
                    .forEach(doc -> held.put(doc.id(), doc.held()));
        }
        return held;
    }

    public Optional<MentorPlacesDocument> find(String mentorExternalId) {
        return Optional.ofNullable(mongo.findById(mentorExternalId, MentorPlacesDocument.class));
    }

    /** Every ledger document. */
    public List<MentorPlacesDocument> all() {
        return mongo.findAll(MentorPlacesDocument.class);
    }

    /**
     * Builds a mentor's ledger document from their offers and mentorships if they have none; does nothing if they
     * have one.
     */
    public void ensure(String mentorExternalId, int capacity) {
        if (mongo.exists(query(where("_id").is(mentorExternalId)), MentorPlacesDocument.class)) {
            return;
        }
        try {
            mongo.insert(new MentorPlacesDocument(mentorExternalId, counted(mentorExternalId), capacity, Map.of(), 0));
        } catch (DuplicateKeyException e) {
            // built by another caller at the same moment, from the same facts
        }
    }

    /**
     * Sets a ledger document to the facts if it is still at {@code version}.
     *
     * @return false when it changed meanwhile (then nothing was written)
     */
    public boolean correct(String mentorExternalId, long version, int held, int capacity) {
        return mongo.updateFirst(query(where("_id").is(mentorExternalId).and(VERSION).is(version)),
                new Update().set(HELD, held).set(CAPACITY, capacity).inc(VERSION, 1), MentorPlacesDocument.class)
                .getModifiedCount() == 1;
    }

    /** Removes the ledger document of a mentor who is no longer stored. */
    public void remove(String mentorExternalId) {
        mongo.remove(query(where("_id").is(mentorExternalId)), MentorPlacesDocument.class);
    }

    /** The places the facts say a mentor holds: their offers awaiting answers and their active mentorships. */
    public int counted(String mentorExternalId) {
        // a seat in a circle holds no one-to-one place (the circle is held apart, takeCircle)
        Query offers = query(where("mentorExternalId").is(mentorExternalId).and("status").is(OfferStatus.OFFERED)
                .and("_id").not().regex("^" + ProposalDocument.SEAT_PREFIX));
        Query mentorships = query(where("mentorExternalId").is(mentorExternalId).and("status")
                .is(MentorshipStatus.ACTIVE).and("_id").not().regex("^" + ProposalDocument.SEAT_PREFIX));
        return (int) (mongo.count(offers, ProposalDocument.class) + mongo.count(mentorships, MentorshipDocument.class));
    }

    /** The places the facts say each mentor holds, for every mentor with at least one. */
    public Map<String, Integer> countedAll() {
        Map<String, Integer> counted = new HashMap<>();
        Query offers = query(where("status").is(OfferStatus.OFFERED));
        offers.fields().include("mentorExternalId");
        mongo.find(offers, Document.class, ProposalDocument.COLLECTION).stream()
                .filter(offer -> !isSeat(String.valueOf(offer.get("_id"))))
                .forEach(offer -> counted.merge(offer.getString("mentorExternalId"), 1, Integer::sum));
        Query active = query(where("status").is(MentorshipStatus.ACTIVE));
        active.fields().include("mentorExternalId");
        mongo.find(active, Document.class, MentorshipDocument.COLLECTION).stream()
                .filter(mentorship -> !isSeat(String.valueOf(mentorship.get("_id"))))
                .forEach(mentorship -> counted.merge(mentorship.getString("mentorExternalId"), 1, Integer::sum));
        return counted;
    }

    /**
     * Whether an offer or mentorship (whose id is its offer's) is a seat in a mentoring circle, which holds no
     * one-to-one place: its circle is held instead ({@link #takeCircle}).
     */
    public static boolean isSeat(String offerOrMentorshipId) {
        return offerOrMentorshipId != null && offerOrMentorshipId.startsWith(ProposalDocument.SEAT_PREFIX);
    }

    private ConflictException full(String mentorExternalId, String name) {
        MentorPlacesDocument now = find(mentorExternalId).orElse(null);
        String places = now == null ? "" : ": " + now.held() + " of " + now.capacity() + " places are held by offers"
                + " awaiting answers and active mentorships";
        return new ConflictException(FULL, name + " (" + mentorExternalId + ") has no free place" + places);
    }

    private static String draftField(String runId) {
        return "drafts." + runId.replace('.', '_').replace('$', '_');
    }
}
