package org.mentoring.matching.run;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.mentoring.matching.model.InputSnapshot;
import org.mentoring.matching.model.MatchingInputs;
import org.mentoring.matching.model.Mentorship;
import org.mentoring.matching.model.MentorshipStatus;
import org.mentoring.matching.model.OfferStatus;
import org.mentoring.matching.persistence.ProposalDocument;
import org.mentoring.mentorship.MentorshipService;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.RequestStatus;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.mentoring.pins.PinResolution;
import org.mentoring.pins.PinService;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * What a matching run reads from the store, with the coordinator's pins it keeps ({@link PinService#resolve}).
 * Settled pairs are the ACTIVE mentorships, and the published offers still
 * waiting for answers (OFFERED), whose request and mentor are both stored: an open offer holds its mentor's place
 * until it is answered. Their mentors are read even at capacity 0, and their requests are never read as open again,
 * whatever their status says.
 */
@Component
public class StoreMatchingInputs implements MatchingInputs {

    private final MentorService mentors;
    private final RequestService requests;
    private final MentorshipService mentorships;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final Optional<PinService> pins;

    StoreMatchingInputs(MentorService mentors, RequestService requests, MentorshipService mentorships,
            MongoTemplate mongo, Optional<Clock> clock, Optional<PinService> pins) {
        this.pins = pins;
        this.mentors = mentors;
        this.requests = requests;
        this.mentorships = mentorships;
        this.mongo = mongo;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Mentors with capacity above 0, and those of active mentorships. */
    @Override
    public List<Mentor> mentors() {
        return mentors(activePairs());
    }

    /**
     * A mentor paused beyond today takes no new mentee: left out, or, when they hold settled pairs, read with no more
     * places than those pairs take.
     */
    private List<Mentor> mentors(Map<String, String> pairs) {
        Set<String> paused = mentors.pausedOn(LocalDate.now(clock));
        List<Mentor> all = mentors.forMatching(Set.copyOf(pairs.values()));
        if (paused.isEmpty()) {
            return all;
        }
        Map<String, Integer> held = new HashMap<>();
        pairs.values().forEach(mentor -> held.merge(mentor, 1, Integer::sum));
        List<Mentor> result = new ArrayList<>();
        for (Mentor m : all) {
            if (!paused.contains(m.externalId())) {
                result.add(m);
            } else if (held.containsKey(m.externalId())) {
                result.add(new Mentor(m.externalId(), m.name(), m.email(), m.institution(), m.country(),
                        m.timeZone(), m.languages(), m.domains(), m.topics(),
                        Math.min(m.capacity(), held.get(m.externalId())), m.availableFrom(), m.availableUntil(),
                        m.weeklyAvailability(), 0));
            }
        }
        return result;
    }

    /**
     * The three parts from one read of the active mentorships and open offers, so that they agree with each other
     * even if an offer is answered meanwhile.
     */
    @Override
    public InputSnapshot snapshot() {
        return snapshot(() -> requests.withStatus(RequestStatus.OPEN));
    }

    /**
     * The open requests (the largest part) read on a thread of their own while this one reads the offers, the
     * active mentorships and the mentors: on the embedded store each read is one thread's work, and reads of
     * different collections go side by side. The requests are then filtered by the pairs as before.
     */
    private InputSnapshot snapshot(Supplier<List<MentorshipRequest>> openRead) {
        CompletableFuture<List<MentorshipRequest>> open =
                CompletableFuture.supplyAsync(openRead, READER);
        Offers offers = offers();
        Map<String, String> pairs = activePairs(offers);
        List<Mentor> runMentors = mentors(pairs);
        return withPins(runMentors, openRequests(pairs, joined(open), offers.declined()), pairs);
    }

    /** Runs a read on a new daemon thread: a run reads its inputs once. */
    private static final Executor READER = read -> {
        Thread thread = new Thread(read, "matching-run-read");
        thread.setDaemon(true);
        thread.start();
    };

    /** The value of a read done on another thread; its failure (an out-of-memory error too) thrown as it was. */
    private static <T> T joined(CompletableFuture<T> read) {
        try {
            return read.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** The snapshot with the coordinator's pins the run keeps, and those it drops with why. */
    private InputSnapshot withPins(List<Mentor> runMentors, List<MentorshipRequest> open, Map<String, String> pairs) {
        PinResolution resolution = pins.map(p -> p.resolve(open, pairs, runMentors)).orElse(PinResolution.none());
        return new InputSnapshot(runMentors, open, settled(pairs), resolution.kept(), resolution.dropped());
    }

    /**
     * The three parts with only one cycle's OPEN requests; the settled pairs and their mentors are those of every
     * cycle, as an active mentorship holds its mentor's place whichever cycle it began in.
     */
    @Override
    public InputSnapshot snapshot(String cycle) {
        if (cycle == null) {
            return snapshot();
        }
        return snapshot(() -> requests.withStatus(RequestStatus.OPEN, cycle));
    }

    /**
     * OPEN requests without an active mentorship, each excluding, besides the mentors it names, every mentor of an
     * offer it declined: a declined pair is never proposed again, even after an import rewrote the request.
     */
    @Override
    public List<MentorshipRequest> openRequests() {
        Offers offers = offers();
        return openRequests(activePairs(offers), requests.withStatus(RequestStatus.OPEN), offers.declined());
    }

    private static List<MentorshipRequest> openRequests(Map<String, String> pairs, List<MentorshipRequest> open,
            Map<String, Set<String>> declined) {
        Set<String> settled = pairs.keySet();
        return open.stream()
                .filter(request -> !settled.contains(request.externalId()))
                .map(request -> excluding(request, declined.getOrDefault(request.externalId(), Set.of())))
                .toList();
    }

    /**
     * The open offers (OFFERED) and, by request externalId, the mentors of the offers each request declined.
     *
     * @param open each open offer's request, mentor and circle
     */
    private record Offers(List<org.bson.Document> open, Map<String, Set<String>> declined) {
    }

    /**
     * The request and mentor of every open or declined offer, and nothing else, in one read of the offers (every
     * run's proposals, which the embedded store reads whole): a published run's offers carry their explanations,
     * which a run need not read (nor turn into objects) again.
     */
    private Offers offers() {
        Query query = Query.query(Criteria.where("status").in(OfferStatus.OFFERED.name(),
                OfferStatus.DECLINED.name()));
        query.fields().include("requestExternalId", "mentorExternalId", "circleId", "status").exclude("_id");
        List<org.bson.Document> open = new ArrayList<>();
        Map<String, Set<String>> declined = new HashMap<>();
        for (org.bson.Document offer : mongo.find(query, org.bson.Document.class, ProposalDocument.COLLECTION)) {
            if (OfferStatus.OFFERED.name().equals(offer.getString("status"))) {
                open.add(offer);
            } else {
                declined.computeIfAbsent(offer.getString("requestExternalId"), id -> new HashSet<>())
                        .add(offer.getString("mentorExternalId"));
            }
        }
        return new Offers(open, declined);
    }

    private static MentorshipRequest excluding(MentorshipRequest r, Set<String> mentors) {
        if (r.excludedMentorIds().containsAll(mentors)) {
            return r;
        }
        Set<String> excluded = new HashSet<>(r.excludedMentorIds());
        excluded.addAll(mentors);
        return new MentorshipRequest(r.externalId(), r.name(), r.email(), r.institution(), r.country(),
                r.timeZone(), r.careerStage(), r.languages(), r.domains(), r.goals(), r.startDate(),
                r.durationMonths(), r.minOverlapMinutes(), r.weeklyAvailability(), r.preferredMentorIds(), excluded,
                r.priority(), r.format());
    }

    @Override
    public Map<MentorshipRequest, String> settled() {
        return settled(activePairs());
    }

    private Map<MentorshipRequest, String> settled(Map<String, String> pairs) {
        Set<String> storedMentors = mentors.existingExternalIds(pairs.values());
        Map<MentorshipRequest, String> settled = new HashMap<>();
        for (MentorshipRequest request : requests.findAll(pairs.keySet())) {
            String mentor = pairs.get(request.externalId());
            if (storedMentors.contains(mentor)) {
                settled.put(request, mentor);
            }
        }
        return settled;
    }

    /** Request externalId to mentor externalId of every active mentorship and open offer. */
    private Map<String, String> activePairs() {
        return activePairs(offers());
    }

    private Map<String, String> activePairs(Offers offers) {
        Map<String, String> pairs = new HashMap<>();
        for (Mentorship mentorship : mentorships.list(null, null, MentorshipStatus.ACTIVE, Pageable.unpaged())) {
            // a member of a circle holds a seat, not one of the mentor's one-to-one places
            if (!org.mentoring.places.MentorPlaces.isSeat(mentorship.id())) {
                pairs.put(mentorship.requestExternalId(), mentorship.mentorExternalId());
            }
        }
        for (org.bson.Document offer : offers.open()) {
            // a member's seat in a circle holds no one-to-one place
            if (offer.getString("circleId") == null) {
                pairs.putIfAbsent(offer.getString("requestExternalId"), offer.getString("mentorExternalId"));
            }
        }
        return pairs;
    }
}
