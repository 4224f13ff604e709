package org.mentoring.people.persistence;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mentoring.common.ConflictException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.common.NotFoundException;
import org.mentoring.cycles.Calendar;
import org.mentoring.cycles.Cycle;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.RequestFilter;
import org.mentoring.people.RequestStatus;
import org.mentoring.people.StoredRequest;
import org.mentoring.people.input.RequestInput;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Writes mentorship requests: create, update with the version last read, delete, and the bulk upsert the import
 * uses, each checked first ({@link RequestChecks}). Throws {@link NotFoundException}, {@link ConflictException} and
 * {@link InvalidInputException} like {@link MentorService}.
 *
 * <p>It also answers the queries of {@link RequestReads} and the status changes of {@link RequestStatusChanges}
 * (each one atomic on one document, so two admins or a run and an admin cannot both win) by handing them on: many
 * callers still ask here.
 */
@Service
public class RequestService {

    private final MentorshipRequestRepository repository;
    private final PeopleDocumentMapper mapper;
    private final MongoTemplate mongo;
    private final StoreWrites writes;
    private final RequestChecks checks;
    private final RequestReads reads;
    private final RequestStatusChanges statuses;

    RequestService(MentorshipRequestRepository repository, PeopleDocumentMapper mapper, MongoTemplate mongo,
            Optional<Clock> clock, RequestChecks checks, RequestReads reads) {
        this.repository = repository;
        this.mapper = mapper;
        this.mongo = mongo;
        this.checks = checks;
        this.reads = reads;
        Clock now = clock.orElse(Clock.systemUTC());
        this.writes = new StoreWrites(mongo, now);
        this.statuses = new RequestStatusChanges(mongo, mapper, now, reads);
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

    /** The requests of one cycle by status: how many, and how many of them have equity priority. */
    public Map<RequestStatus, int[]> countsInCycle(String cycle) {
        return reads.countsInCycle(cycle);
    }

    /** The researcher's request of the latest cycle, if they have any ({@link RequestReads#newestOf}). */
    public Optional<StoredRequest> newestOf(String email) {
        return reads.newestOf(email);
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
        MentorshipRequest request = checks.checked(input);
        String cycle = checks.calendar().forRequest(input.cycle(), researcher);
        if (repository.existsByExternalId(request.externalId())) {
            throw new ConflictException("duplicate-external-id",
                    "A request with externalId " + request.externalId() + " already exists");
        }
        checks.requireEmailFree(request, cycle);
        MentorshipRequestDocument document = mapper.toDocument(request, cycle);
        document.setStatus(RequestStatus.OPEN);
        try {
            return mapper.toStored(repository.insert(document));
        } catch (DuplicateKeyException e) {
            throw RequestChecks.duplicate(request, cycle);
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
        // an update that leaves the format out keeps the stored one (a client or form that knows nothing of circles)
        RequestInput complete = input.format() == null || input.format().isBlank()
                ? RequestInput.withFormat(input, document.getFormat() == null ? null : document.getFormat().name()) : input;
        MentorshipRequest request = checks.checked(withExternalId(complete, externalId));
        // the request stays in its cycle unless the update names another, which must take new requests
        String named = input.cycle() == null || input.cycle().isBlank() ? null : input.cycle().strip();
        String cycle = named == null || named.equals(document.getCycle()) ? document.getCycle()
                : checks.calendar().forRequest(named, researcher);
        checks.requireEmailFree(request, cycle);
        mapper.update(request, document);
        document.setCycle(cycle);
        try {
            return mapper.toStored(repository.save(document));
        } catch (OptimisticLockingFailureException e) {
            throw RequestChecks.stale(externalId, expectedVersion);
        } catch (DuplicateKeyException e) {
            throw RequestChecks.duplicate(request, cycle);
        }
    }

    /**
     * Deletes a request that is open or withdrawn; with an expected version, only if it is still at that version.
     * A request with an offer waiting or an active mentorship is never deleted, by anyone: its mentor's place would
     * stay held by a request that no longer exists. The status is part of the delete's filter, so an offer published
     * at the same moment either comes first (and the delete is refused) or finds no request.
     *
     * @throws NotFoundException when no request has this externalId
     * @throws ConflictException {@code stale-version}, or {@code request-in-progress} naming what to do first
     */
    public void delete(String externalId, Long expectedVersion) {
        Criteria criteria = Criteria.where("externalId").is(externalId)
                .and("status").nin(RequestStatus.PROPOSED, RequestStatus.MATCHED);
        if (expectedVersion != null) {
            criteria = criteria.and("version").is(expectedVersion);
        }
        if (mongo.remove(Query.query(criteria), MentorshipRequestDocument.class).getDeletedCount() == 0) {
            StoredRequest current = repository.findByExternalId(externalId).map(mapper::toStored)
                    .orElseThrow(() -> new NotFoundException("request", externalId));
            String what = switch (current.status()) {
                case PROPOSED -> "has an offer waiting for answers: decline it on the researcher's behalf (or let it"
                        + " expire) first, then delete the request";
                case MATCHED -> "is in an active mentorship: end the mentorship first, then delete the request";
                default -> null;
            };
            if (what != null) {
                throw new ConflictException("request-in-progress",
                        "Request " + externalId + " cannot be deleted now: it " + what + ".");
            }
            throw RequestChecks.stale(externalId, expectedVersion);
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
        return statuses.changeStatus(externalId, from, to);
    }

    /**
     * Moves every listed request that is in {@code from} to {@code to}, each in its own atomic update; requests
     * in another status are left as they are.
     *
     * @return how many requests changed
     */
    public long changeStatus(Collection<String> externalIds, RequestStatus from, RequestStatus to) {
        return statuses.changeStatus(externalIds, from, to);
    }

    /**
     * Adds a mentor to a request's excluded mentors in one atomic update, so that no later run proposes the pair;
     * adding one already there changes nothing.
     *
     * @return whether the request exists
     */
    public boolean excludeMentor(String externalId, String mentorExternalId) {
        return statuses.excludeMentor(externalId, mentorExternalId);
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
        return checks.calendar();
    }

    /** Which of these externalIds belong to a stored request. */
    public Set<String> existingExternalIds(Collection<String> externalIds) {
        return reads.existingExternalIds(externalIds);
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

    private static RequestInput withExternalId(RequestInput input, String externalId) {
        return new RequestInput(externalId, input.name(), input.email(), input.institution(), input.country(),
                input.timeZone(), input.careerStage(), input.languages(), input.domains(), input.goals(),
                input.startDate(), input.durationMonths(), input.minOverlapMinutes(), input.weeklyAvailability(),
                input.preferredMentorIds(), input.excludedMentorIds(), input.priority(), input.cycle(), input.format());
    }
}
