package org.mentoring.people.persistence;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mentoring.common.ConflictException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.common.InvalidInputException.FieldError;
import org.mentoring.common.NotFoundException;
import org.mentoring.cycles.Calendar;
import org.mentoring.cycles.Cycle;
import org.mentoring.cycles.CycleService;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.RequestFilter;
import org.mentoring.people.RequestStatus;
import org.mentoring.people.StoredRequest;
import org.mentoring.people.input.PeopleInputValidator;
import org.mentoring.people.input.RequestInput;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Mentorship requests in the store: list with filters, read, create, update with the version last read, delete,
 * status changes (each one atomic on one document, so two admins or a run and an admin cannot both win), and the
 * bulk upsert the import uses. Throws {@link NotFoundException}, {@link ConflictException} and
 * {@link InvalidInputException} like {@link MentorService}.
 */
@Service
public class RequestService {

    private final MentorshipRequestRepository repository;
    private final MentorService mentors;
    private final PeopleDocumentMapper mapper;
    private final PeopleInputValidator validator;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final StoreWrites writes;
    private final CycleService cycles;
    private final RequestReads reads;

    RequestService(MentorshipRequestRepository repository, MentorService mentors, PeopleDocumentMapper mapper,
            PeopleInputValidator validator, MongoTemplate mongo, Optional<Clock> clock, CycleService cycles) {
        this.cycles = cycles;
        this.repository = repository;
        this.mentors = mentors;
        this.mapper = mapper;
        this.validator = validator;
        this.mongo = mongo;
        this.clock = clock.orElse(Clock.systemUTC());
        this.writes = new StoreWrites(mongo, this.clock);
        this.reads = new RequestReads(repository, mapper, validator, mongo);
    }

    /** A page of requests matching the filter, by externalId unless the page asks for another order. */
    public Page<StoredRequest> find(RequestFilter filter, Pageable pageable) {
        return reads.find(filter, pageable);
    }

    public Optional<StoredRequest> find(String externalId) {
        return reads.find(externalId);
    }

    /** @throws NotFoundException when no request has this externalId */
    public StoredRequest get(String externalId) {
        return reads.get(externalId);
    }

    public long count() {
        return reads.count();
    }

    public long count(RequestStatus status) {
        return reads.count(status);
    }

    /** Requests with these externalIds, by externalId. */
    public List<MentorshipRequest> findAll(Collection<String> externalIds) {
        return reads.findAll(externalIds);
    }

    /** Requests with this status, by externalId. */
    public List<MentorshipRequest> withStatus(RequestStatus status) {
        return reads.withStatus(status);
    }

    /** Requests of one cycle with this status, by externalId. */
    public List<MentorshipRequest> withStatus(RequestStatus status, String cycle) {
        return reads.withStatus(status, cycle);
    }

    /**
     * The requests of one cycle by status: for each, how many there are and how many of them have equity priority.
     */
    public Map<RequestStatus, int[]> countsInCycle(String cycle) {
        return reads.countsInCycle(cycle);
    }

    /** The criteria for the requests of one cycle; a request stored before cycles existed is in {@code default}. */
    static Criteria inCycle(String cycle) {
        return RequestReads.inCycle(cycle);
    }

    /**
     * The researcher's request of the latest cycle (by the day its requests open; the request created last among
     * those of one cycle, or without a known cycle), if they have any.
     */
    public Optional<StoredRequest> newestOf(String email) {
        Calendar calendar = cycles.calendar();
        return reads.allOf(email).stream().max(java.util.Comparator
                .comparing((StoredRequest s) -> calendar.find(s.cycle()).map(Cycle::requestsOpen)
                        .orElse(java.time.LocalDate.MIN))
                .thenComparing(s -> s.createdAt() == null ? java.time.Instant.MIN : s.createdAt())
                .thenComparing(s -> s.request().externalId()));
    }

    /** {@link #create(RequestInput, boolean)} by a coordinator. */
    public StoredRequest create(RequestInput input) {
        return create(input, false);
    }

    /**
     * Stores a new OPEN request in its cycle (omitted: the cycle open for requests today). A researcher asks only
     * in the cycle open today; a coordinator adds into any cycle that has not ended.
     *
     * @param researcher whether a researcher asks for themselves
     * @throws InvalidInputException naming every invalid field, including preferred or excluded mentors that do
     *     not exist and a cycle the request may not go into
     * @throws ConflictException {@code duplicate-external-id}, or {@code duplicate-email} when the researcher already
     *     has a request in that cycle
     */
    public StoredRequest create(RequestInput input, boolean researcher) {
        MentorshipRequest request = checked(input);
        String cycle = cycles.calendar().forRequest(input.cycle(), researcher);
        if (repository.existsByExternalId(request.externalId())) {
            throw new ConflictException("duplicate-external-id",
                    "A request with externalId " + request.externalId() + " already exists");
        }
        requireEmailFree(request, cycle);
        MentorshipRequestDocument document = mapper.toDocument(request, cycle);
        document.setStatus(RequestStatus.OPEN);
        try {
            return mapper.toStored(repository.insert(document));
        } catch (DuplicateKeyException e) {
            throw duplicate(request, cycle);
        }
    }

    /**
     * Replaces a request's fields, keeping its status, if it is still at {@code expectedVersion}.
     *
     * @throws NotFoundException when no request has this externalId
     * @throws ConflictException {@code stale-version} or {@code duplicate-email}
     */
    public StoredRequest update(String externalId, RequestInput input, long expectedVersion) {
        return update(externalId, input, expectedVersion, false);
    }

    /**
     * Replaces a request's fields as {@link #update(String, RequestInput, long)} does; a request that names another
     * cycle moves there if it takes new requests from this caller (a researcher: only the cycle open today).
     *
     * @param researcher whether a researcher changes their own request
     */
    public StoredRequest update(String externalId, RequestInput input, long expectedVersion, boolean researcher) {
        MentorshipRequestDocument document = repository.findByExternalId(externalId)
                .orElseThrow(() -> new NotFoundException("request", externalId));
        long current = document.getVersion() == null ? 0 : document.getVersion();
        if (current != expectedVersion) {
            throw new ConflictException("stale-version", "Request " + externalId + " is at version " + current
                    + ", not " + expectedVersion + ": someone changed it since you read it. Read it again and "
                    + "reapply your change.");
        }
        MentorshipRequest request = checked(withExternalId(input, externalId));
        // the request stays in its cycle unless the update names another, which must take new requests
        String named = input.cycle() == null || input.cycle().isBlank() ? null : input.cycle().strip();
        String cycle = named == null || named.equals(document.getCycle()) ? document.getCycle()
                : cycles.calendar().forRequest(named, researcher);
        requireEmailFree(request, cycle);
        mapper.update(request, document);
        document.setCycle(cycle);
        try {
            return mapper.toStored(repository.save(document));
        } catch (OptimisticLockingFailureException e) {
            throw stale(externalId, expectedVersion);
        } catch (DuplicateKeyException e) {
            throw duplicate(request, cycle);
        }
    }

    /**
     * Deletes a request; with an expected version, only if it is still at that version.
     *
     * @throws NotFoundException when no request has this externalId
     * @throws ConflictException {@code stale-version}
     */
    public void delete(String externalId, Long expectedVersion) {
        Criteria criteria = Criteria.where("externalId").is(externalId);
        if (expectedVersion != null) {
            criteria = criteria.and("version").is(expectedVersion);
        }
        if (mongo.remove(Query.query(criteria), MentorshipRequestDocument.class).getDeletedCount() == 0) {
            if (repository.existsByExternalId(externalId)) {
                throw stale(externalId, expectedVersion);
            }
            throw new NotFoundException("request", externalId);
        }
    }

    /**
     * Moves one request from one status to another in a single atomic update: it happens only if the request is
     * still in {@code from}, so of two concurrent callers exactly one succeeds.
     *
     * @throws NotFoundException when no request has this externalId
     * @throws ConflictException {@code request-status-changed} when it is no longer in {@code from}
     */
    public StoredRequest changeStatus(String externalId, RequestStatus from, RequestStatus to) {
        MentorshipRequestDocument changed = mongo.findAndModify(
                Query.query(Criteria.where("externalId").is(externalId).and("status").is(from)),
                statusUpdate(to), FindAndModifyOptions.options().returnNew(true), MentorshipRequestDocument.class);
        if (changed != null) {
            return mapper.toStored(changed);
        }
        StoredRequest current = get(externalId);
        throw new ConflictException("request-status-changed", "Request " + externalId + " is " + current.status()
                + ", not " + from + ", so it cannot become " + to);
    }

    /**
     * Moves every listed request that is in {@code from} to {@code to}, each in its own atomic update; requests
     * in another status are left as they are.
     *
     * @return how many requests changed
     */
    public long changeStatus(Collection<String> externalIds, RequestStatus from, RequestStatus to) {
        if (externalIds.isEmpty()) {
            return 0;
        }
        return mongo.updateMulti(
                Query.query(Criteria.where("externalId").in(externalIds).and("status").is(from)),
                statusUpdate(to), MentorshipRequestDocument.class).getModifiedCount();
    }

    /**
     * Adds a mentor to a request's excluded mentors in one atomic update, so that no later run proposes the pair;
     * adding one already there changes nothing.
     *
     * @return whether the request exists
     */
    public boolean excludeMentor(String externalId, String mentorExternalId) {
        Update update = new Update().addToSet("excludedMentorIds", mentorExternalId)
                .set("updatedAt", clock.instant().truncatedTo(ChronoUnit.MILLIS))
                .inc("version", 1);
        return mongo.updateFirst(Query.query(Criteria.where("externalId").is(externalId)), update,
                MentorshipRequestDocument.class).getMatchedCount() == 1;
    }

    private Update statusUpdate(RequestStatus to) {
        return new Update().set("status", to)
                .set("updatedAt", clock.instant().truncatedTo(ChronoUnit.MILLIS))
                .inc("version", 1);
    }

    /**
     * The externalId, the email in its cycle ({@link StoredKeys#inCycle}) and the cycle of every stored request, read
     * in one pass: a researcher has one request per cycle.
     */
    public StoredKeys keys() {
        return reads.keys();
    }

    /** For each of these externalIds that a stored request has, the code of its cycle. */
    public Map<String, String> cyclesOf(Collection<String> externalIds) {
        return reads.cyclesOf(externalIds);
    }

    /** The cycles as they are now: which one takes requests (for the importer). */
    public Calendar calendar() {
        return cycles.calendar();
    }

    /** Which of these externalIds belong to a stored request. */
    public Set<String> existingExternalIds(Collection<String> externalIds) {
        return reads.existingExternalIds(externalIds);
    }

    /** The externalId of the request this email has in this cycle, if any. */
    private Optional<String> ownerInCycle(String email, String cycle) {
        Query query = Query.query(Criteria.where("email").is(email).andOperator(inCycle(cycle)));
        query.fields().include("externalId");
        return mongo.find(query, MentorshipRequestDocument.class).stream()
                .map(MentorshipRequestDocument::getExternalId).findFirst();
    }

    /**
     * {@link #upsertAll(List, Set, Map)} with each stored request kept in its cycle and each new one in the cycle open
     * for requests today ({@code default} when none is).
     */
    public UpsertCounts upsertAll(List<MentorshipRequest> requests, Set<String> storedExternalIds) {
        Map<String, String> cycles = new HashMap<>(cyclesOf(requests.stream().map(MentorshipRequest::externalId)
                .toList()));
        String open = calendar().openForRequests().map(Cycle::code).orElse(Cycle.DEFAULT_CODE);
        requests.forEach(r -> cycles.putIfAbsent(r.externalId(), open));
        return upsertAll(requests, storedExternalIds, cycles);
    }

    /**
     * Inserts or replaces requests by externalId in one bulk write: a new request is OPEN; an existing one keeps
     * its status and creation time and its version goes up. The caller has checked every request, that each named
     * mentor exists, that each request names the cycle it goes into and that no email has another request in
     * that cycle.
     *
     * @param storedExternalIds the externalIds stored now ({@link #keys}), as the caller has just read them
     * @param cycles the code of each request's cycle by its externalId
     */
    public UpsertCounts upsertAll(List<MentorshipRequest> requests, Set<String> storedExternalIds,
            Map<String, String> cycles) {
        return writes.upsertByExternalId(MentorshipRequestDocument.class,
                requests.stream().map(r -> mapper.toDocument(r, cycles.get(r.externalId()))).toList(),
                MentorshipRequestDocument::getExternalId,
                storedExternalIds, Map.of("status", RequestStatus.OPEN.name()));
    }

    private MentorshipRequest checked(RequestInput input) {
        MentorshipRequest request = validator.request(input).orThrow("request " + input.externalId());
        Set<String> named = new LinkedHashSet<>(request.preferredMentorIds());
        named.addAll(request.excludedMentorIds());
        Set<String> existing = mentors.existingExternalIds(named);
        List<FieldError> errors = new ArrayList<>();
        unknownMentors("preferredMentorIds", request.preferredMentorIds(), existing, errors);
        unknownMentors("excludedMentorIds", List.copyOf(request.excludedMentorIds()), existing, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("request " + request.externalId() + " names mentors that do not exist",
                    errors);
        }
        return request;
    }

    private static void unknownMentors(String field, List<String> ids, Set<String> existing,
            List<FieldError> errors) {
        for (int i = 0; i < ids.size(); i++) {
            if (!existing.contains(ids.get(i))) {
                errors.add(new FieldError(field + "[" + i + "]", field + "[" + i + "]: no mentor has externalId "
                        + ids.get(i)));
            }
        }
    }

    private void requireEmailFree(MentorshipRequest request, String cycle) {
        ownerInCycle(request.email(), cycle).filter(owner -> !owner.equals(request.externalId()))
                .ifPresent(owner -> {
                    throw new ConflictException("duplicate-email", "Request " + owner + " of " + request.email()
                            + " is already in the cycle " + cycle + ": a researcher has one request per "
                            + "cycle (email, cycle). Change that request, or ask again in a later cycle.");
                });
    }

    private static ConflictException stale(String externalId, Long expectedVersion) {
        return new ConflictException("stale-version", "Request " + externalId + " is no longer at version "
                + expectedVersion + ": someone changed it since you read it. Read it again and reapply your change.");
    }

    private static ConflictException duplicate(MentorshipRequest request, String cycle) {
        return new ConflictException("duplicate-key", "Another request already has the externalId "
                + request.externalId() + ", or the email " + request.email() + " in the cycle " + cycle);
    }

    private static RequestInput withExternalId(RequestInput input, String externalId) {
        return new RequestInput(externalId, input.name(), input.email(), input.institution(), input.country(),
                input.timeZone(), input.careerStage(), input.languages(), input.domains(), input.goals(),
                input.startDate(), input.durationMonths(), input.minOverlapMinutes(), input.weeklyAvailability(),
                input.preferredMentorIds(), input.excludedMentorIds(), input.priority(), input.cycle());
    }
}
