package org.mentoring.people.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mentoring.common.EmailAddress;
import org.mentoring.common.NotFoundException;
import org.mentoring.cycles.Calendar;
import org.mentoring.cycles.Cycle;
import org.mentoring.cycles.CycleService;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.RequestFilter;
import org.mentoring.people.RequestStatus;
import org.mentoring.people.StoredRequest;
import org.mentoring.people.input.PeopleInputValidator;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Component;

/**
 * The reads of stored requests: pages by filter, one by externalId, by status or cycle, a researcher's newest, and
 * their keys. {@link RequestService} answers the same queries while its callers move here.
 */
@Component
public final class RequestReads {

    private final MentorshipRequestRepository repository;
    private final PeopleDocumentMapper mapper;
    private final PeopleInputValidator validator;
    private final MongoTemplate mongo;
    private final CycleService cycles;

    RequestReads(MentorshipRequestRepository repository, PeopleDocumentMapper mapper, PeopleInputValidator validator,
            MongoTemplate mongo, CycleService cycles) {
        this.repository = repository;
        this.mapper = mapper;
        this.validator = validator;
        this.mongo = mongo;
        this.cycles = cycles;
    }

    /** A page of requests matching the filter, by externalId unless the page asks for another order. */
    public Page<StoredRequest> find(RequestFilter filter, Pageable pageable) {
        Query query = new Query(criteria(filter));
        Pageable ordered = pageable.getSort().isSorted() ? pageable
                : PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), Sort.by("externalId"));
        List<StoredRequest> content = mongo.find(Query.of(query).with(ordered), MentorshipRequestDocument.class)
                .stream()
                .map(mapper::toStored)
                .toList();
        return PageableExecutionUtils.getPage(content, ordered,
                () -> mongo.count(Query.of(query), MentorshipRequestDocument.class));
    }

    private Criteria criteria(RequestFilter filter) {
        List<Criteria> all = new ArrayList<>();
        if (filter.domain() != null && !filter.domain().isBlank()) {
            all.add(StoreWrites.domainCriteria("domains", filter.domain().strip(), validator.taxonomy()));
        }
        if (filter.status() != null) {
            all.add(Criteria.where("status").is(filter.status()));
        }
        if (filter.country() != null && !filter.country().isBlank()) {
            all.add(Criteria.where("country").is(filter.country().strip().toUpperCase(Locale.ROOT)));
        }
        if (filter.cycle() != null && !filter.cycle().isBlank()) {
            all.add(inCycle(filter.cycle().strip()));
        }
        if (filter.email() != null) {
            // exact equality with a canonical email; a look-alike or non-canonical one owns nothing (never folded)
            all.add(EmailAddress.isCanonical(filter.email()) ? Criteria.where("email").is(filter.email())
                    : Criteria.where("email").in(List.of()));
        }
        return all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
    }

    public Optional<StoredRequest> find(String externalId) {
        return repository.findByExternalId(externalId).map(mapper::toStored);
    }

    /** @throws NotFoundException when no request has this externalId */
    public StoredRequest get(String externalId) {
        return find(externalId).orElseThrow(() -> new NotFoundException("request", externalId));
    }

    public long count() {
        return repository.count();
    }

    public long count(RequestStatus status) {
        return repository.countByStatus(status);
    }

    /** Requests with these externalIds, by externalId. */
    public List<MentorshipRequest> findAll(Collection<String> externalIds) {
        if (externalIds.isEmpty()) {
            return List.of();
        }
        Query query = Query.query(Criteria.where("externalId").in(externalIds)).with(Sort.by("externalId"));
        return mongo.find(query, MentorshipRequestDocument.class).stream().map(mapper::toRequest).toList();
    }

    /** Requests with this status, by externalId. */
    public List<MentorshipRequest> withStatus(RequestStatus status) {
        return raw(Criteria.where("status").is(status.name())).stream()
                .sorted(java.util.Comparator.comparing(MentorshipRequest::externalId)).toList();
    }

    /**
     * The requests the criteria (already in stored values) find, read from their documents as they are, without
     * Spring Data's mapping ({@link RawPeople}): a run reads every open request.
     */
    private List<MentorshipRequest> raw(Criteria criteria) {
        List<MentorshipRequest> found = new java.util.ArrayList<>();
        for (org.bson.Document document : mongo.getCollection(MentorshipRequestDocument.COLLECTION)
                .find(criteria.getCriteriaObject())) {
            found.add(RawPeople.request(document));
        }
        return found;
    }

    /** Requests of one cycle with this status, by externalId. */
    public List<MentorshipRequest> withStatus(RequestStatus status, String cycle) {
        return raw(inCycle(cycle).and("status").is(status.name())).stream().sorted(java.util.Comparator.comparing(MentorshipRequest::externalId)).toList();
    }

    /**
     * The requests of one cycle by status: for each, how many there are and how many of them have equity priority.
     */
    public Map<RequestStatus, int[]> countsInCycle(String cycle) {
        Query query = Query.query(inCycle(cycle));
        query.fields().include("status", "priority").exclude("_id");
        Map<RequestStatus, int[]> counts = new java.util.EnumMap<>(RequestStatus.class);
        for (org.bson.Document keys : mongo.find(query, org.bson.Document.class,
                MentorshipRequestDocument.COLLECTION)) {
            String status = keys.getString("status");
            int[] count = counts.computeIfAbsent(status == null ? RequestStatus.OPEN : RequestStatus.valueOf(status),
                    s -> new int[2]);
            count[0]++;
            if (Boolean.TRUE.equals(keys.getBoolean("priority"))) {
                count[1]++;
            }
        }
        return counts;
    }

    /** The criteria for the requests of one cycle; a request stored before cycles existed is in {@code default}. */
    static Criteria inCycle(String cycle) {
        return Cycle.DEFAULT_CODE.equals(cycle) ? Criteria.where("cycle").in(java.util.Arrays.asList(Cycle.DEFAULT_CODE, null))
                : Criteria.where("cycle").is(cycle);
    }

    /**
     * The researcher's request of the latest cycle (by the day its requests open; the request created last among
     * those of one cycle, or without a known cycle), if they have any.
     */
    public Optional<StoredRequest> newestOf(String email) {
        Calendar calendar = cycles.calendar();
        return allOf(email).stream().max(java.util.Comparator
                .comparing((StoredRequest s) -> calendar.find(s.cycle()).map(Cycle::requestsOpen)
                        .orElse(java.time.LocalDate.MIN))
                .thenComparing(s -> s.createdAt() == null ? java.time.Instant.MIN : s.createdAt())
                .thenComparing(s -> s.request().externalId()));
    }

    /** Every request of a researcher (one per cycle: a few). */
    List<StoredRequest> allOf(String email) {
        if (email == null || !EmailAddress.isCanonical(email)) {
            return List.of();
        }
        return mongo.find(Query.query(Criteria.where("email").is(email)), MentorshipRequestDocument.class).stream()
                .map(mapper::toStored).toList();
    }

    /**
     * The externalId, the email in its cycle ({@link StoredKeys#inCycle}) and the cycle of every stored request, read
     * in one pass: a researcher has one request per cycle.
     */
    public StoredKeys keys() {
        Query query = new Query();
        query.fields().include("externalId", "email", "cycle").exclude("_id");
        return StoredKeys.of(mongo.find(query, org.bson.Document.class, MentorshipRequestDocument.COLLECTION).stream()
                .map(keys -> new Object[] {keys.getString("externalId"), keys.getString("email") == null ? null
                        : StoredKeys.inCycle(keys.getString("email"), cycleOf(keys.getString("cycle"))),
                    cycleOf(keys.getString("cycle"))})
                .toList());
    }

    /** For each of these externalIds that a stored request has, the code of its cycle. */
    public Map<String, String> cyclesOf(Collection<String> externalIds) {
        Map<String, String> found = new HashMap<>();
        if (externalIds.isEmpty()) {
            return found;
        }
        Query query = Query.query(Criteria.where("externalId").in(externalIds));
        query.fields().include("externalId", "cycle").exclude("_id");
        mongo.find(query, org.bson.Document.class, MentorshipRequestDocument.COLLECTION).forEach(
                keys -> found.put(keys.getString("externalId"), cycleOf(keys.getString("cycle"))));
        return found;
    }

    private static String cycleOf(String stored) {
        return stored == null ? Cycle.DEFAULT_CODE : stored;
    }

    /** Which of these externalIds belong to a stored request. */
    public Set<String> existingExternalIds(Collection<String> externalIds) {
        Set<String> existing = new HashSet<>();
        for (MentorshipRequestDocument keys : repository.findKeysByExternalIdIn(externalIds)) {
            existing.add(keys.getExternalId());
        }
        return existing;
    }
}
