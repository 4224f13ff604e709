package org.mentoring.mentorship;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.mentoring.matching.model.Mentorship;
import org.mentoring.matching.model.MentorshipStatus;
import org.mentoring.matching.persistence.MatchingPersistenceMapper;
import org.mentoring.matching.persistence.MentorshipDocument;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Service;

/**
 * The coordinator's list of mentorships, newest start first: those of some requests or some mentors (the people a
 * search found), of some requests only (those in a domain), in a status.
 */
@Service
public class MentorshipSearch {

    private final MongoTemplate mongo;
    private final MatchingPersistenceMapper mapper;

    MentorshipSearch(MongoTemplate mongo, MatchingPersistenceMapper mapper) {
        this.mongo = mongo;
        this.mapper = mapper;
    }

    /**
     * A page of mentorships; a null argument does not filter.
     *
     * @param requestsOrMentors found people: a mentorship of any of these requests, or of any of these mentors
     * @param mentorsFound the mentors a search found (with {@code requestsOrMentors})
     * @param onlyRequests only the mentorships of these requests
     */
    public Page<Mentorship> find(Collection<String> requestsOrMentors, Collection<String> mentorsFound,
            Collection<String> onlyRequests, MentorshipStatus status, int page, int size) {
        List<Criteria> all = new ArrayList<>();
        if (status != null) {
            all.add(where("status").is(status));
        }
        if (onlyRequests != null) {
            all.add(where("requestExternalId").in(onlyRequests));
        }
        if (requestsOrMentors != null || mentorsFound != null) {
            all.add(new Criteria().orOperator(
                    where("requestExternalId").in(requestsOrMentors == null ? List.of() : requestsOrMentors),
                    where("mentorExternalId").in(mentorsFound == null ? List.of() : mentorsFound)));
        }
        Criteria criteria = all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
        PageRequest request = PageRequest.of(Math.max(0, page), size,
                Sort.by(Sort.Direction.DESC, "startDate").and(Sort.by("_id")));
        List<Mentorship> content = mongo.find(Query.query(criteria).with(request), MentorshipDocument.class).stream()
                .map(mapper::toMentorship).toList();
        return PageableExecutionUtils.getPage(content, request,
                () -> mongo.count(Query.query(criteria), MentorshipDocument.class));
    }
}
