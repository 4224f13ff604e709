package org.mentoring.people.persistence;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mentoring.common.ConflictException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.common.InvalidInputException.FieldError;
import org.mentoring.cycles.Calendar;
import org.mentoring.cycles.CycleService;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.input.PeopleInputValidator;
import org.mentoring.people.input.RequestInput;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * What a request must satisfy before it is written: valid fields, preferred and excluded mentors that exist, a cycle
 * it may go into, and no other request of its email in that cycle. Its conflicts name what to do.
 */
@Component
class RequestChecks {

    private final MentorService mentors;
    private final PeopleInputValidator validator;
    private final MongoTemplate mongo;
    private final CycleService cycles;

    RequestChecks(MentorService mentors, PeopleInputValidator validator, MongoTemplate mongo, CycleService cycles) {
        this.mentors = mentors;
        this.validator = validator;
        this.mongo = mongo;
        this.cycles = cycles;
    }

    /** The cycles as they are now. */
    Calendar calendar() {
        return cycles.calendar();
    }

    /** The request, checked, or {@link InvalidInputException} naming every invalid field and unknown mentor. */
    MentorshipRequest checked(RequestInput input) {
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

    /** @throws ConflictException {@code duplicate-email} when another request of this email is in the cycle */
    void requireEmailFree(MentorshipRequest request, String cycle) {
        ownerInCycle(request.email(), cycle).filter(owner -> !owner.equals(request.externalId()))
                .ifPresent(owner -> {
                    throw new ConflictException("duplicate-email", "Request " + owner + " of " + request.email()
                            + " is already in the cycle " + cycle + ": a researcher has one request per "
                            + "cycle (email, cycle). Change that request, or ask again in a later cycle.");
                });
    }

    /** The externalId of the request this email has in this cycle, if any. */
    private Optional<String> ownerInCycle(String email, String cycle) {
        Query query = Query.query(Criteria.where("email").is(email).andOperator(RequestReads.inCycle(cycle)));
        query.fields().include("externalId");
        return mongo.find(query, MentorshipRequestDocument.class).stream()
                .map(MentorshipRequestDocument::getExternalId).findFirst();
    }

    static ConflictException stale(String externalId, Long expectedVersion) {
        return new ConflictException("stale-version", "Request " + externalId + " is no longer at version "
                + expectedVersion + ": someone changed it since you read it. Read it again and reapply your change.");
    }

    static ConflictException duplicate(MentorshipRequest request, String cycle) {
        return new ConflictException("duplicate-key", "Another request already has the externalId "
                + request.externalId() + ", or the email " + request.email() + " in the cycle " + cycle);
    }
}
