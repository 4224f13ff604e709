package org.mentoring.people.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mentoring.people.PeopleFixtures.AIR_POLLUTION;
import static org.mentoring.people.PeopleFixtures.CLIMATE_HEALTH;
import static org.mentoring.people.PeopleFixtures.HEAT_HEALTH;
import static org.mentoring.people.PeopleFixtures.mentor;
import static org.mentoring.people.PeopleFixtures.request;
import static org.mentoring.people.PeopleFixtures.withDomains;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentoring.common.InvalidInputException;
import org.mentoring.common.InvalidInputException.FieldError;
import org.mentoring.people.StoreTest;
import org.mentoring.people.input.RequestInput;
import org.mentoring.taxonomy.CodeListDocument;
import org.mentoring.taxonomy.CodeUsage;
import org.mentoring.taxonomy.ProgrammeTaxonomy;
import org.mentoring.taxonomy.Taxonomy;
import org.mentoring.taxonomy.TaxonomyNode;
import org.mentoring.taxonomy.Topic;
import org.mentoring.taxonomy.Topics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

@StoreTest
class ProgrammeTaxonomyTest {

    private static final String WATER = "planetary-health/environmental-health/water-sanitation";

    @Autowired
    ProgrammeTaxonomy programme;

    @Autowired
    MentorService mentors;

    @Autowired
    RequestService requests;

    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void emptyStore() {
        for (String collection : List.of(CodeListDocument.COLLECTION, "mentors", "requests")) {
            mongo.getCollection(collection).deleteMany(new Document());
        }
    }

    @Test
    void aNewStoreHasTheShippedTaxonomyAndTopicsWrittenOnce() {
        assertThat(programme.current().domains()).isEqualTo(Taxonomy.planetaryHealth().domains());
        assertThat(programme.topics().all()).isEqualTo(Topics.shipped().all());
        assertThat(new ProgrammeTaxonomy(mongo).current().domains()).isEqualTo(Taxonomy.planetaryHealth().domains());
        assertThat(mongo.getCollection(CodeListDocument.COLLECTION).countDocuments()).isEqualTo(2);
    }

    @Test
    void aWrongTreeIsRefusedNamingEachFieldAndChangesNothing() {
        List<TaxonomyNode> roots = List.of(
                new TaxonomyNode("health", "Health", List.of(
                        new TaxonomyNode("health/heat", "Heat", List.of(
                                new TaxonomyNode("health/heat/deep", "Deep", List.of(
                                        new TaxonomyNode("health/heat/deep/deeper", "Too deep", null))))),
                        new TaxonomyNode("other/cold", "Cold", null),
                        new TaxonomyNode("health/heat", "Heat again", null),
                        new TaxonomyNode("health/blank", " ", null))));

        assertThatThrownBy(() -> programme.replaceTaxonomy("Mine", roots, Map.of("health/x", "nowhere"), "admin"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly(
                                "roots[0].children[0].children[0].children",
                                "roots[0].children[1].code",
                                "roots[0].children[2].code",
                                "roots[0].children[3].name",
                                "replacedBy[health/x]", "replacedBy[health/x]"))
                .hasMessageContaining("not changed");
        assertThatThrownBy(() -> programme.replaceTaxonomy("Mine", roots, Map.of(), "admin"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::message).contains(
                                "roots[0].children[2].code 'health/heat' appears twice (also at roots[0].children[0])",
                                "roots[0].children[3].name is required"));
        assertThat(programme.current().domains()).isEqualTo(Taxonomy.planetaryHealth().domains());
    }

    @Test
    void droppingCodesPeopleUseIsRefusedNamingThem() {
        mentors.create(mentor("m-1"));
        requests.create(request("r-1"));

        assertThatThrownBy(() -> programme.replaceTaxonomy(null, without(HEAT_HEALTH), Map.of(), "admin"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("replacedBy", "codes in use: " + HEAT_HEALTH
                                + " (1 mentor, 1 request); keep them, or say in replacedBy which code their people "
                                + "get instead")));
        assertThat(programme.current().contains(HEAT_HEALTH)).isTrue();
        assertThat(mentors.get("m-1").mentor().domains()).containsExactly(HEAT_HEALTH);
    }

    @Test
    void aRenameMovesEveryonesDomainsKeepingRankOrderAndTheOldCodeIsThenUnknown() {
        mentors.create(mentor("m-1"));
        mentors.create(withDomains(mentor("m-2"), WATER));
        RequestInput r = request("r-1");
        requests.create(new RequestInput(r.externalId(), r.name(), r.email(), r.institution(), r.country(),
                r.timeZone(), r.careerStage(), r.languages(), List.of(HEAT_HEALTH, WATER, AIR_POLLUTION), r.goals(),
                r.startDate(), r.durationMonths(), r.minOverlapMinutes(), r.weeklyAvailability(),
                r.preferredMentorIds(), r.excludedMentorIds(), r.priority()));
        long before = mentors.get("m-1").version();

        ProgrammeTaxonomy.Change change = programme.replaceTaxonomy(null, without(HEAT_HEALTH),
                Map.of(HEAT_HEALTH, AIR_POLLUTION), "admin@example.org");

        assertThat(change.moved()).isEqualTo(new CodeUsage(1, 1));
        assertThat(change.detail()).contains(HEAT_HEALTH + " -> " + AIR_POLLUTION, "moved 1 mentor, 1 request");
        assertThat(mentors.get("m-1").mentor().domains()).containsExactly(AIR_POLLUTION);
        assertThat(mentors.get("m-1").version()).isGreaterThan(before);
        assertThat(mentors.get("m-2").mentor().domains()).containsExactly(WATER);
        assertThat(requests.get("r-1").request().domains()).containsExactly(AIR_POLLUTION, WATER);
        assertThat(programme.current().contains(HEAT_HEALTH)).isFalse();
        assertThat(mongo.getCollection(CodeListDocument.COLLECTION).find(new Document("_id", "taxonomy")).first())
                .doesNotContainKey("pending");
        assertThatThrownBy(() -> mentors.create(mentor("m-3"))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("domains[0]"));
    }

    @Test
    void anotherInstanceSeesTheChange() {
        ProgrammeTaxonomy other = new ProgrammeTaxonomy(mongo);
        assertThat(other.current().contains(WATER)).isTrue();

        programme.replaceTaxonomy("Smaller", without(WATER), Map.of(), "admin");

        assertThat(other.current().contains(WATER)).isFalse();
        assertThat(other.current().name()).isEqualTo("Smaller");
    }

    @Test
    void aStartFindingAChangeThatStoppedHalfWayFinishesIt() {
        mentors.create(mentor("m-1"));
        requests.create(request("r-1"));
        List<Document> entries = new ArrayList<>();
        without(HEAT_HEALTH).forEach(root -> entries(root, null, entries));
        // what a change leaves when the process dies after writing the tree and before moving anyone
        programme.current();
        mongo.getCollection(CodeListDocument.COLLECTION).updateOne(new Document("_id", "taxonomy"),
                new Document("$set", new Document("entries", entries).append("revision", "stopped")
                        .append("pending", List.of(new Document("from", HEAT_HEALTH).append("to", CLIMATE_HEALTH)))));

        new ProgrammeTaxonomy(mongo).finishPending();

        assertThat(mentors.get("m-1").mentor().domains()).containsExactly(CLIMATE_HEALTH);
        assertThat(requests.get("r-1").request().domains()).containsExactly(CLIMATE_HEALTH);
        assertThat(mongo.getCollection(CodeListDocument.COLLECTION).find(new Document("_id", "taxonomy")).first())
                .doesNotContainKey("pending");
    }

    @Test
    void topicsAreKeptTheSameWay() {
        mentors.create(mentor("m-1"));
        requests.create(request("r-1"));
        List<Topic> withoutGrantWriting = new ArrayList<>(Topics.shipped().all());
        withoutGrantWriting.removeIf(topic -> topic.code().equals("grant-writing"));

        assertThatThrownBy(() -> programme.replaceTopics(withoutGrantWriting, Map.of(), "admin"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::message).containsExactly("codes in use: grant-writing (1 mentor, "
                                + "1 request); keep them, or say in replacedBy which code their people get instead"));
        assertThatThrownBy(() -> programme.replaceTopics(List.of(new Topic("a", "A"), new Topic("a", " "),
                new Topic("b c", "B")), Map.of("grant-writing", "a"), "admin"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("topics[1].name", "topics[2].code"));

        List<Topic> renamed = new ArrayList<>(withoutGrantWriting);
        renamed.add(new Topic("funding", "Funding and grants"));
        programme.replaceTopics(renamed, Map.of("grant-writing", "funding"), "admin");

        assertThat(programme.topics().nameOf("funding")).isEqualTo("Funding and grants");
        assertThat(mentors.get("m-1").mentor().topics()).containsExactly("funding");
        assertThat(requests.get("r-1").request().goals()).containsExactly("funding");
    }

    /** The shipped tree without one code (and what is inside it). */
    private static List<TaxonomyNode> without(String code) {
        return prune(TaxonomyNode.roots(Taxonomy.planetaryHealth()), code);
    }

    private static List<TaxonomyNode> prune(List<TaxonomyNode> nodes, String code) {
        return nodes.stream().filter(node -> !node.code().equals(code))
                .map(node -> new TaxonomyNode(node.code(), node.name(), prune(node.children(), code)))
                .toList();
    }

    private static void entries(TaxonomyNode node, String parent, List<Document> into) {
        Document entry = new Document("code", node.code()).append("name", node.name());
        if (parent != null) {
            entry.append("parentCode", parent);
        }
        into.add(entry);
        node.children().forEach(child -> entries(child, node.code(), into));
    }
}
