package org.mentoring.people.persistence;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mentoring.common.ConflictException;
import org.mentoring.common.NotFoundException;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorFilter;
import org.mentoring.people.StoredMentor;
import org.mentoring.people.input.MentorInput;
import org.mentoring.people.input.PeopleInputValidator;
import org.mentoring.places.MentorPlaces;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Service;

/**
 * Mentors in the store: list with filters, read, create, update with the version last read, delete, and the bulk
 * upsert the import uses. Throws {@link NotFoundException} for an unknown externalId,
 * {@link ConflictException} for a duplicate externalId or email or a stale version, and
 * {@link org.mentoring.common.InvalidInputException} for invalid fields.
 */
@Service
public class MentorService {

    private final MentorRepository repository;
    private final PeopleDocumentMapper mapper;
    private final PeopleInputValidator validator;
    private final MongoTemplate mongo;
    private final StoreWrites writes;
    private final MentorPlaces places;

    MentorService(MentorRepository repository, PeopleDocumentMapper mapper, PeopleInputValidator validator,
            MongoTemplate mongo, Optional<Clock> clock, MentorPlaces places) {
        this.places = places;
        this.repository = repository;
        this.mapper = mapper;
        this.validator = validator;
        this.mongo = mongo;
        this.writes = new StoreWrites(mongo, clock.orElse(Clock.systemUTC()));
    }

    /** A page of mentors matching the filter, by externalId unless the page asks for another order. */
    public Page<StoredMentor> find(MentorFilter filter, Pageable pageable) {
        Query query = new Query(criteria(filter));
        Pageable ordered = pageable.getSort().isSorted() ? pageable
                : PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
                        Sort.by("externalId"));
        List<StoredMentor> content = mongo.find(Query.of(query).with(ordered), MentorDocument.class).stream()
                .map(mapper::toStored)
                .toList();
        return PageableExecutionUtils.getPage(content, ordered,
                () -> mongo.count(Query.of(query), MentorDocument.class));
    }

    private Criteria criteria(MentorFilter filter) {
        List<Criteria> all = new ArrayList<>();
        if (filter.domain() != null && !filter.domain().isBlank()) {
            all.add(StoreWrites.domainCriteria("domains", filter.domain().strip(), validator.taxonomy()));
        }
        if (filter.country() != null && !filter.country().isBlank()) {
            all.add(Criteria.where("country").is(filter.country().strip().toUpperCase(Locale.ROOT)));
        }
        if (filter.language() != null && !filter.language().isBlank()) {
            all.add(Criteria.where("languages").is(filter.language().strip().toLowerCase(Locale.ROOT)));
        }
        return all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
    }

    public Optional<StoredMentor> find(String externalId) {
        return repository.findByExternalId(externalId).map(mapper::toStored);
    }

    /** @throws NotFoundException when no mentor has this externalId */
    public StoredMentor get(String externalId) {
        return find(externalId).orElseThrow(() -> new NotFoundException("mentor", externalId));
    }

    public long count() {
        return repository.count();
    }

    /**
     * Stores a new mentor.
     *
     * @throws org.mentoring.common.InvalidInputException naming every invalid field
     * @throws ConflictException {@code duplicate-external-id} or {@code duplicate-email}
     */
    public StoredMentor create(MentorInput input) {
        Mentor mentor = validator.mentor(input).orThrow("mentor " + input.externalId());
        if (repository.existsByExternalId(mentor.externalId())) {
            throw new ConflictException("duplicate-external-id",
                    "A mentor with externalId " + mentor.externalId() + " already exists");
        }
        requireEmailFree(mentor);
        try {
            return mapper.toStored(repository.insert(mapper.toDocument(mentor)));
        } catch (DuplicateKeyException e) {
            throw duplicate(mentor);
        }
    }

    /**
     * Replaces a mentor's profile if it is still at {@code expectedVersion}.
     *
     * @throws NotFoundException when no mentor has this externalId
     * @throws ConflictException {@code stale-version} when someone changed it since, or {@code duplicate-email}
     */
    public StoredMentor update(String externalId, MentorInput input, long expectedVersion) {
        MentorDocument document = repository.findByExternalId(externalId)
                .orElseThrow(() -> new NotFoundException("mentor", externalId));
        requireVersion(externalId, document.getVersion(), expectedVersion);
        // an update that leaves circles out keeps the stored number (a client or form that knows nothing of circles)
        MentorInput complete = input.circles() == null ? MentorInput.withCircles(input, Integer.toString(document.getCircles()))
                : input;
        Mentor mentor = validator.mentor(withExternalId(complete, externalId)).orThrow("mentor " + externalId);
        requireEmailFree(mentor);
        int capacityBefore = document.getCapacity();
        int circlesBefore = document.getCircles();
        // the ledger first, by one conditional update each: circles below the circles led now are refused, and no
        // circle is taken between the check and the change
        if (mentor.circles() != circlesBefore) {
            places.changeCircles(externalId, mentor.name(), capacityBefore, mentor.circles());
        }
        // the ledger first: lowering the capacity below the places held is refused, and no place is taken between
        // the check and the change
        if (mentor.capacity() != capacityBefore) {
            try {
                places.changeCapacity(externalId, mentor.name(), mentor.capacity());
            } catch (RuntimeException e) {
                if (mentor.circles() != circlesBefore) {
                    places.setCircles(externalId, circlesBefore);
                }
                throw e;
            }
        }
        mapper.update(mentor, document);
        boolean saved = false;
        try {
            StoredMentor stored = mapper.toStored(repository.save(document));
            saved = true;
            return stored;
        } catch (OptimisticLockingFailureException e) {
            throw stale(externalId, expectedVersion);
        } catch (DuplicateKeyException e) {
            throw duplicate(mentor);
        } finally {
            if (!saved) {
                places.setCapacity(externalId, capacityBefore);
                if (mentor.circles() != circlesBefore) {
                    places.setCircles(externalId, circlesBefore);
                }
            }
        }
    }

    /**
     * Deletes a mentor; with an expected version, only if it is still at that version.
     *
     * @throws NotFoundException when no mentor has this externalId
     * @throws ConflictException {@code stale-version}
     */
    public void delete(String externalId, Long expectedVersion) {
        Criteria criteria = Criteria.where("externalId").is(externalId);
        if (expectedVersion != null) {
            criteria = criteria.and("version").is(expectedVersion);
        }
        if (mongo.remove(Query.query(criteria), MentorDocument.class).getDeletedCount() == 0) {
            if (repository.existsByExternalId(externalId)) {
                throw stale(externalId, expectedVersion);
            }
            throw new NotFoundException("mentor", externalId);
        }
        places.remove(externalId);
    }

    /**
     * Pauses a mentor: no new mentee (from a run or a direct ask) before {@code until}; their mentorships go on. A
     * null or past date ends the pause. Changes nothing else of the profile, and needs no version: it is the
     * mentor's own switch.
     *
     * @throws NotFoundException when no mentor has this externalId
     */
    public void pause(String externalId, java.time.LocalDate until) {
        var update = until == null ? new org.springframework.data.mongodb.core.query.Update().unset("pausedUntil")
                : new org.springframework.data.mongodb.core.query.Update().set("pausedUntil", until);
        if (mongo.updateFirst(Query.query(Criteria.where("externalId").is(externalId)), update, MentorDocument.class)
                .getMatchedCount() == 0) {
            throw new NotFoundException("mentor", externalId);
        }
    }

    /** The date a mentor's pause ends, or empty when they are not paused (or no such mentor). */
    public Optional<java.time.LocalDate> pausedUntil(String externalId) {
        return repository.findByExternalId(externalId).map(MentorDocument::getPausedUntil);
    }

    /** Whether a mentor takes no new mentee on {@code today} because they paused until a later date. */
    public boolean isPaused(String externalId, java.time.LocalDate today) {
        return pausedUntil(externalId).filter(today::isBefore).isPresent();
    }

    /** The externalIds of the mentors paused beyond {@code today}. */
    public Set<String> pausedOn(java.time.LocalDate today) {
        Query query = Query.query(Criteria.where("pausedUntil").gt(today));
        Set<String> paused = new HashSet<>();
        mongo.find(query, MentorDocument.class).forEach(document -> paused.add(document.getExternalId()));
        return paused;
    }

    /** Every mentor who can take a mentee (capacity above 0), by externalId. */
    public List<Mentor> withCapacity() {
        return forMatching(Set.of()).stream().filter(m -> m.capacity() > 0).toList();
    }

    /**
     * Every mentor with capacity above 0 or who leads circles, and the mentors named (whatever their capacity), by
     * externalId.
     */
    public List<Mentor> forMatching(Collection<String> alsoExternalIds) {
        Criteria criteria = alsoExternalIds.isEmpty()
                ? new Criteria().orOperator(Criteria.where("capacity").gt(0), Criteria.where("circles").gt(0))
                : new Criteria().orOperator(Criteria.where("capacity").gt(0), Criteria.where("circles").gt(0),
                        Criteria.where("externalId").in(alsoExternalIds));
        // a run reads every mentor: from the documents as they are, without Spring Data's mapping (RawPeople)
        List<Mentor> found = new java.util.ArrayList<>();
        for (org.bson.Document document : mongo.getCollection(MentorDocument.COLLECTION)
                .find(criteria.getCriteriaObject()).sort(new org.bson.Document("externalId", 1))) {
            found.add(RawPeople.mentor(document));
        }
        return found;
    }

    /** Mentors with these externalIds, by externalId. */
    public List<Mentor> findAll(Collection<String> externalIds) {
        Query query = Query.query(Criteria.where("externalId").in(externalIds)).with(Sort.by("externalId"));
        return mongo.find(query, MentorDocument.class).stream().map(mapper::toMentor).toList();
    }

    /** The externalId and email of every stored mentor, read in one pass. */
    public StoredKeys keys() {
        Query query = new Query();
        query.fields().include("externalId", "email").exclude("_id");
        return StoredKeys.of(mongo.find(query, org.bson.Document.class, MentorDocument.COLLECTION).stream()
                .map(keys -> new Object[] {keys.getString("externalId"), keys.getString("email")})
                .toList());
    }

    /** Which of these externalIds belong to a stored mentor. */
    public Set<String> existingExternalIds(Collection<String> externalIds) {
        Set<String> existing = new HashSet<>();
        for (MentorDocument keys : repository.findKeysByExternalIdIn(externalIds)) {
            existing.add(keys.getExternalId());
        }
        return existing;
    }

    /** For each of these emails that a stored mentor has, that mentor's externalId. */
    public Map<String, String> ownersOfEmails(Collection<String> emails) {
        Map<String, String> owners = new HashMap<>();
        for (MentorDocument keys : repository.findKeysByEmailIn(emails)) {
            owners.put(keys.getEmail(), keys.getExternalId());
        }
        return owners;
    }

    /**
     * Inserts or replaces mentors by externalId in one bulk write; an existing mentor keeps its creation time and
     * its version goes up. The caller has checked every mentor and that no email belongs to another one.
     *
     * @param storedExternalIds the externalIds stored now ({@link #keys}), as the caller has just read them
     */
    public UpsertCounts upsertAll(List<Mentor> mentors, Set<String> storedExternalIds) {
        UpsertCounts counts = writes.upsertByExternalId(MentorDocument.class,
                mentors.stream().map(mapper::toDocument).toList(), MentorDocument::getExternalId, storedExternalIds,
                Map.of());
        Map<String, Integer> capacities = new HashMap<>();
        Map<String, Integer> circles = new HashMap<>();
        mentors.forEach(mentor -> {
            capacities.put(mentor.externalId(), mentor.capacity());
            circles.put(mentor.externalId(), mentor.circles());
        });
        places.setCapacities(capacities);
        places.setCircles(circles);
        return counts;
    }

    /**
     * The places each of these mentors holds now (offers awaiting answers and active mentorships), by the ledger
     * or by the offers and mentorships, whichever is higher; mentors holding none are left out.
     */
    public Map<String, Integer> placesHeld(Collection<String> externalIds) {
        Map<String, Integer> held = new HashMap<>(places.held(List.copyOf(externalIds)));
        places.countedAll().forEach((id, counted) -> {
            if (externalIds.contains(id)) {
                held.merge(id, counted, Math::max);
            }
        });
        return held;
    }

    /** The mentoring circles each of these mentors leads now, by the ledger; mentors leading none are left out. */
    public Map<String, Integer> circlesHeld(Collection<String> externalIds) {
        Map<String, Integer> held = new HashMap<>(places.heldCirclesAll());
        held.keySet().retainAll(externalIds instanceof Set<?> ? externalIds : new HashSet<>(externalIds));
        return held;
    }

    private void requireEmailFree(Mentor mentor) {
        String owner = ownersOfEmails(List.of(mentor.email())).get(mentor.email());
        if (owner != null && !owner.equals(mentor.externalId())) {
            throw new ConflictException("duplicate-email",
                    "Mentor " + owner + " already has the email " + mentor.email());
        }
    }

    private static void requireVersion(String externalId, Long actual, long expected) {
        long current = actual == null ? 0 : actual;
        if (current != expected) {
            throw new ConflictException("stale-version", "Mentor " + externalId + " is at version " + current
                    + ", not " + expected + ": someone changed it since you read it. Read it again and reapply "
                    + "your change.");
        }
    }

    private static ConflictException stale(String externalId, Long expectedVersion) {
        return new ConflictException("stale-version", "Mentor " + externalId + " is no longer at version "
                + expectedVersion + ": someone changed it since you read it. Read it again and reapply your change.");
    }

    private static ConflictException duplicate(Mentor mentor) {
        return new ConflictException("duplicate-key", "Another mentor already has the externalId "
                + mentor.externalId() + " or the email " + mentor.email());
    }

    private static MentorInput withExternalId(MentorInput input, String externalId) {
        return new MentorInput(externalId, input.name(), input.email(), input.institution(), input.country(),
                input.timeZone(), input.languages(), input.domains(), input.topics(), input.capacity(),
                input.availableFrom(), input.availableUntil(), input.weeklyAvailability(), input.circles());
    }
}
