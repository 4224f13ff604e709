package org.mentoring.people.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.mentoring.people.RequestStatus;
import org.mentoring.people.StoredMentor;
import org.mentoring.people.StoredRequest;
import org.mentoring.people.input.PeopleInputValidator;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Service;

/**
 * The coordinator's search over people: the words typed found in a name, an email, an institution or a country
 * (its code, or its English name: "kenya" finds KE), whatever their letter case, narrowed by a domain (with the
 * domains inside it) and a status, in name order. What is typed is matched as plain text, never as a pattern.
 */
@Service
public class PeopleSearch {

    /** The most words of search text kept; the rest is ignored. */
    public static final int MAX_QUERY_LENGTH = 100;

    private final MongoTemplate mongo;
    private final PeopleDocumentMapper mapper;
    private final PeopleInputValidator validator;

    PeopleSearch(MongoTemplate mongo, PeopleDocumentMapper mapper, PeopleInputValidator validator) {
        this.mongo = mongo;
        this.mapper = mapper;
        this.validator = validator;
    }

    /** Whether a mentor takes mentees (capacity above 0) or is paused (capacity 0). */
    public enum MentorState { TAKING_MENTEES, PAUSED }

    /**
     * A page of requests, by the researcher's name.
     *
     * @param text words to find, or null or blank for every request
     * @param domain a taxonomy code, or null
     * @throws org.mentoring.common.InvalidInputException for a domain not in the taxonomy
     */
    public Page<StoredRequest> requests(String text, String domain, RequestStatus status, int page, int size) {
        List<Criteria> all = new ArrayList<>();
        if (status != null) {
            all.add(Criteria.where("status").is(status));
        }
        addCommon(all, text, domain);
        return find(all, page, size, MentorshipRequestDocument.class).map(mapper::toStored);
    }

    /** A page of mentors, by name; like {@link #requests}, with the mentor's state instead of a status. */
    public Page<StoredMentor> mentors(String text, String domain, MentorState state, int page, int size) {
        List<Criteria> all = new ArrayList<>();
        if (state != null) {
            all.add(state == MentorState.PAUSED ? Criteria.where("capacity").lte(0) : Criteria.where("capacity").gt(0));
        }
        addCommon(all, text, domain);
        return find(all, page, size, MentorDocument.class).map(mapper::toStored);
    }

    /** The externalIds of at most {@code limit} requests found by these words and this domain (either may be null). */
    public List<String> requestIds(String text, String domain, int limit) {
        return requests(text, domain, null, 0, limit).map(stored -> stored.request().externalId()).getContent();
    }

    /** The externalIds of at most {@code limit} mentors found by these words. */
    public List<String> mentorIds(String text, int limit) {
        return mentors(text, null, null, 0, limit).map(stored -> stored.mentor().externalId()).getContent();
    }

    private void addCommon(List<Criteria> all, String text, String domain) {
        if (domain != null && !domain.isBlank()) {
            all.add(StoreWrites.domainCriteria("domains", domain.strip(), validator.taxonomy()));
        }
        Criteria words = textCriteria(text);
        if (words != null) {
            all.add(words);
        }
    }

    private <T> Page<T> find(List<Criteria> all, int page, int size, Class<T> type) {
        Criteria criteria = all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
        PageRequest request = PageRequest.of(Math.max(0, page), size, Sort.by("name").and(Sort.by("externalId")));
        List<T> content = mongo.find(Query.query(criteria).with(request), type);
        return PageableExecutionUtils.getPage(content, request, () -> mongo.count(Query.query(criteria), type));
    }

    /**
     * The text found in the name, email, institution or country, as plain text in any letter case; a country also
     * by its English name. Null for no text.
     */
    static Criteria textCriteria(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String typed = text.strip();
        if (typed.length() > MAX_QUERY_LENGTH) {
            typed = typed.substring(0, MAX_QUERY_LENGTH);
        }
        Pattern contains = Pattern.compile(Pattern.quote(typed), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        List<Criteria> any = new ArrayList<>(List.of(Criteria.where("name").regex(contains),
                Criteria.where("email").regex(contains), Criteria.where("institution").regex(contains)));
        Set<String> countries = countries(typed);
        if (!countries.isEmpty()) {
            any.add(Criteria.where("country").in(countries));
        }
        return new Criteria().orOperator(any);
    }

    /** The ISO codes of the countries this text names: the code itself, or a part of the English name. */
    static Set<String> countries(String typed) {
        String lower = typed.toLowerCase(Locale.ROOT);
        Set<String> codes = new TreeSet<>();
        for (String code : Locale.getISOCountries()) {
            String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (code.equalsIgnoreCase(typed) || (lower.length() >= 3 && name.contains(lower))) {
                codes.add(code);
            }
        }
        return codes;
    }
}
