package org.mentoring.people.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentoring.demo.CommunityGenerator;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.RequestFormat;
import org.mentoring.people.RequestStatus;
import org.mentoring.people.StoreTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A run reads the community from the stored documents as they are ({@link RawPeople}): the same mentors and requests,
 * field for field and in the same order, as Spring Data's mapping and {@link PeopleDocumentMapper} make of them, for a
 * generated community (circles, formats, preferences, slots, dates) and for documents stored without the optional
 * fields.
 */
@StoreTest
class RawPeopleTest {

    @Autowired
    private MentorService mentors;
    @Autowired
    private RequestService requests;
    @Autowired
    private PeopleDocumentMapper mapper;
    @Autowired
    private MongoTemplate mongo;

    @BeforeEach
    void store() {
        mongo.remove(new Query(), MentorshipRequestDocument.class);
        mongo.remove(new Query(), MentorDocument.class);
        CommunityGenerator.Community community = new CommunityGenerator(9).withCircles(0.2, 0.3).generate(300, 60);
        community.mentors().forEach(m -> mongo.insert(mapper.toDocument(m)));
        int i = 0;
        for (MentorshipRequest request : community.requests()) {
            MentorshipRequestDocument document = mapper.toDocument(request, i % 3 == 0 ? "2027-spring" : "default");
            document.setStatus(i % 7 == 0 ? RequestStatus.WITHDRAWN : RequestStatus.OPEN);
            mongo.insert(document);
            i++;
        }
        Date may = Date.from(LocalDate.of(2027, 5, 3).atStartOfDay().toInstant(ZoneOffset.UTC));
        // stored without the optional fields: no format, career stage, priority, circles, end of availability
        mongo.getCollection(MentorshipRequestDocument.COLLECTION).insertOne(new Document("externalId", "r-sparse")
                .append("timeZone", "Africa/Nairobi").append("languages", List.of("English"))
                .append("domains", List.of("planetary-health")).append("goals", List.of())
                .append("startDate", may).append("weeklyAvailability", List.of(new Document("day", "MONDAY")
                        .append("start", "22:00").append("end", "24:00")))
                .append("preferredMentorIds", List.of()).append("excludedMentorIds", List.of()).append("status", "OPEN"));
        mongo.getCollection(MentorDocument.COLLECTION).insertOne(new Document("externalId", "m-sparse")
                .append("timeZone", "Asia/Kolkata").append("languages", List.of("Hindi", "English"))
                .append("domains", List.of("planetary-health")).append("topics", List.of()).append("capacity", 2)
                .append("availableFrom", may).append("weeklyAvailability", List.of()));
    }

    @Test
    void theOpenRequestsAreTheMappedOnesFieldForFieldInTheSameOrder() {
        List<MentorshipRequest> mapped = mongo.find(Query.query(Criteria.where("status").is(RequestStatus.OPEN))
                .with(Sort.by("externalId")), MentorshipRequestDocument.class).stream().map(mapper::toRequest).toList();

        List<MentorshipRequest> read = requests.withStatus(RequestStatus.OPEN);

        assertThat(mapped).hasSizeGreaterThan(250);
        assertThat(read).isEqualTo(mapped);
        assertThat(read).filteredOn(r -> r.externalId().equals("r-sparse")).singleElement()
                .satisfies(r -> {
                    assertThat(r.format()).isEqualTo(RequestFormat.ONE_TO_ONE);
                    assertThat(r.startDate()).isEqualTo(LocalDate.of(2027, 5, 3));
                    assertThat(r.weeklyAvailability().get(0).endMinuteOfDay()).isEqualTo(24 * 60);
                });
        assertThat(read).extracting(MentorshipRequest::format).contains(RequestFormat.CIRCLE, RequestFormat.EITHER);
    }

    @Test
    void aCyclesOpenRequestsAreTheMappedOnes() {
        List<MentorshipRequest> mapped = mongo.find(Query.query(Criteria.where("cycle").is("2027-spring")
                .and("status").is(RequestStatus.OPEN)), MentorshipRequestDocument.class).stream()
                .map(mapper::toRequest).sorted(java.util.Comparator.comparing(MentorshipRequest::externalId)).toList();

        assertThat(requests.withStatus(RequestStatus.OPEN, "2027-spring")).isNotEmpty().isEqualTo(mapped);
        assertThat(requests.withStatus(RequestStatus.OPEN, "default"))
                .extracting(MentorshipRequest::externalId).contains("r-sparse");
    }

    @Test
    void theMentorsARunReadsAreTheMappedOnes() {
        mongo.updateFirst(Query.query(Criteria.where("externalId").is("m-0002")),
                new org.springframework.data.mongodb.core.query.Update().set("capacity", 0).set("circles", 0),
                MentorDocument.class);
        List<Mentor> mapped = mongo.find(new Query().with(Sort.by("externalId")), MentorDocument.class).stream()
                .map(mapper::toMentor).toList();

        assertThat(mentors.forMatching(Set.of("m-0002"))).isEqualTo(mapped);
        assertThat(mentors.forMatching(Set.of())).isEqualTo(mapped.stream()
                .filter(m -> !m.externalId().equals("m-0002")).toList());
        assertThat(mapped).extracting(Mentor::circles).contains(0, 1);
    }
}
