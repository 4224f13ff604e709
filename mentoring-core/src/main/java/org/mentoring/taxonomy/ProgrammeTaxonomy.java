package org.mentoring.taxonomy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.mentoring.common.ConflictException;
import org.mentoring.taxonomy.PeopleCodes.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The programme's own taxonomy and topic list, kept in the store ({@link CodeListDocument}): the shipped ones
 * ({@link Taxonomy#planetaryHealth()}, {@link Topics#shipped()}) until an admin replaces them.
 *
 * <p>Several instances may share the store: each reads the small document's revision whenever it is asked and
 * parses the document again only when the revision changed. A change is written in three steps without needing
 * transactions: the new list with its code replacements marked pending (a conditional update on the revision read,
 * so two changes at once cannot both win), then every mentor's and request's codes moved by conditional updates,
 * then the marker cleared. A change that stopped half-way (the process died) is finished at the next start, or by
 * the next change, since moving codes again is harmless.
 */
public class ProgrammeTaxonomy implements TaxonomySource {

    /** What a change did: how many codes the new list has, the replacements, and the people whose codes moved. */
    public record Change(String revision, int codes, Map<String, String> replacedBy, CodeUsage moved) {

        /** For the audit trail, for example "12 codes; a/b -> a/c; moved 2 mentors, 1 request". */
        public String detail() {
            StringBuilder detail = new StringBuilder(codes + " codes");
            if (!replacedBy.isEmpty()) {
                detail.append("; ").append(String.join(", ", new java.util.TreeMap<>(replacedBy).entrySet().stream()
                        .map(pair -> pair.getKey() + " -> " + pair.getValue()).toList()));
                detail.append("; moved ").append(moved.describe());
            }
            return detail.length() > 2000 ? detail.substring(0, 2000) + "…" : detail.toString();
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ProgrammeTaxonomy.class);

    private final MongoTemplate mongo;
    private final PeopleCodes people;
    private final Clock clock;
    private volatile Cached<Taxonomy> taxonomy;
    private volatile Cached<Topics> topics;

    private record Cached<T>(String revision, T value) {
    }

    public ProgrammeTaxonomy(MongoTemplate mongo) {
        this(mongo, Clock.systemUTC());
    }

    ProgrammeTaxonomy(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.people = new PeopleCodes(mongo);
        this.clock = clock;
    }

    @Override
    public Taxonomy current() {
        Cached<Taxonomy> cached = taxonomy;
        String revision = revision(CodeListDocument.TAXONOMY);
        if (cached == null || !cached.revision().equals(revision)) {
            Document stored = load(CodeListDocument.TAXONOMY);
            cached = new Cached<>(stored.getString("revision"), taxonomyOf(stored));
            taxonomy = cached;
        }
        return cached.value();
    }

    @Override
    public Topics topics() {
        Cached<Topics> cached = topics;
        String revision = revision(CodeListDocument.TOPICS);
        if (cached == null || !cached.revision().equals(revision)) {
            Document stored = load(CodeListDocument.TOPICS);
            cached = new Cached<>(stored.getString("revision"), topicsOf(stored));
            topics = cached;
        }
        return cached.value();
    }

    /** How many mentors and requests use each domain code. */
    public Map<String, CodeUsage> domainUsage() {
        return people.usage(Kind.DOMAINS);
    }

    /** How many mentors use each topic code and how many requests name it as a goal. */
    public Map<String, CodeUsage> topicUsage() {
        return people.usage(Kind.TOPICS);
    }

    /**
     * Replaces the taxonomy by a new tree, moving people's domains by {@code replacedBy} (old code to new code).
     *
     * @throws org.mentoring.common.InvalidInputException naming every wrong field or code; nothing was changed
     * @throws ConflictException when another change was written meanwhile
     */
    public Change replaceTaxonomy(String name, List<TaxonomyNode> roots, Map<String, String> replacedBy,
            String actor) {
        finishPending();
        Document stored = load(CodeListDocument.TAXONOMY);
        Map<String, String> replacements = replacedBy == null ? Map.of() : replacedBy;
        Taxonomy next = CodeListRules.taxonomy(name, roots, replacements, taxonomyOf(stored), domainUsage());
        List<Document> entries = next.domains().stream()
                .map(domain -> entry(domain.code(), domain.name(), domain.parentCode()))
                .toList();
        return write(CodeListDocument.TAXONOMY, stored, next.name(), entries, replacements, Kind.DOMAINS, actor);
    }

    /**
     * Replaces the topic list, moving mentors' topics and requests' goals by {@code replacedBy}.
     *
     * @throws org.mentoring.common.InvalidInputException naming every wrong field or code; nothing was changed
     * @throws ConflictException when another change was written meanwhile
     */
    public Change replaceTopics(List<Topic> list, Map<String, String> replacedBy, String actor) {
        finishPending();
        Document stored = load(CodeListDocument.TOPICS);
        Map<String, String> replacements = replacedBy == null ? Map.of() : replacedBy;
        Topics next = CodeListRules.topics(list, replacements, topicsOf(stored), topicUsage());
        List<Document> entries = next.all().stream().map(topic -> entry(topic.code(), topic.name(), null)).toList();
        return write(CodeListDocument.TOPICS, stored, null, entries, replacements, Kind.TOPICS, actor);
    }

    /** Finishes a change that stopped before it had moved everyone's codes; at start-up and before each change. */
    @EventListener(ApplicationReadyEvent.class)
    public void finishPending() {
        finish(CodeListDocument.TAXONOMY, Kind.DOMAINS);
        finish(CodeListDocument.TOPICS, Kind.TOPICS);
    }

    private void finish(String id, Kind kind) {
        Document stored = collection().find(Filters.eq("_id", id)).first();
        if (stored == null || stored.get("pending") == null) {
            return;
        }
        Map<String, String> replacements = new LinkedHashMap<>();
        for (Object pair : stored.getList("pending", Object.class)) {
            if (pair instanceof Document replacement) {
                replacements.put(replacement.getString("from"), replacement.getString("to"));
            }
        }
        CodeUsage moved = people.move(kind, replacements);
        collection().updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("revision", stored.get("revision"))),
                Updates.unset("pending"));
        log.info("Finished the change of the {} (revision {}) that had stopped: moved {}", id,
                stored.get("revision"), moved.describe());
    }

    private Change write(String id, Document stored, String name, List<Document> entries,
            Map<String, String> replacements, Kind kind, String actor) {
        String revision = UUID.randomUUID().toString();
        List<Document> pending = new ArrayList<>();
        replacements.forEach((from, to) -> pending.add(new Document("from", from).append("to", to)));
        List<org.bson.conversions.Bson> changes = new ArrayList<>(List.of(Updates.set("revision", revision),
                Updates.set("entries", entries), Updates.set("changedAt", java.util.Date.from(clock.instant())),
                Updates.set("changedBy", actor)));
        if (name != null) {
            changes.add(Updates.set("name", name));
        }
        changes.add(pending.isEmpty() ? Updates.unset("pending") : Updates.set("pending", pending));
        long matched = collection().updateOne(Filters.and(Filters.eq("_id", id),
                Filters.eq("revision", stored.getString("revision")), Filters.eq("pending", null)),
                Updates.combine(changes)).getMatchedCount();
        if (matched != 1) {
            throw new ConflictException(id + "-changed", "the " + id + " was changed by someone else meanwhile; "
                    + "read it again and make your change on that");
        }
        CodeUsage moved = people.move(kind, replacements);
        // a record another instance wrote meanwhile with an old code, checked against the tree it had read
        CodeUsage late = people.move(kind, replacements);
        moved = new CodeUsage(moved.mentors() + late.mentors(), moved.requests() + late.requests());
        if (!pending.isEmpty()) {
            collection().updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("revision", revision)),
                    Updates.unset("pending"));
        }
        return new Change(revision, entries.size(), Map.copyOf(replacements), moved);
    }

    private String revision(String id) {
        Document stored = collection().find(Filters.eq("_id", id)).projection(Projections.include("revision"))
                .first();
        return stored == null ? null : stored.getString("revision");
    }

    /** The stored document, the shipped default written first when there is none. */
    private Document load(String id) {
        Document stored = collection().find(Filters.eq("_id", id)).first();
        if (stored != null) {
            return stored;
        }
        Document seed = new Document("_id", id).append("revision", UUID.randomUUID().toString())
                .append("changedAt", java.util.Date.from(clock.instant())).append("changedBy", "shipped defaults");
        if (id.equals(CodeListDocument.TAXONOMY)) {
            Taxonomy shipped = Taxonomy.planetaryHealth();
            seed.append("name", shipped.name()).append("entries", shipped.domains().stream()
                    .map(domain -> entry(domain.code(), domain.name(), domain.parentCode())).toList());
        } else {
            seed.append("entries", Topics.shipped().all().stream()
                    .map(topic -> entry(topic.code(), topic.name(), null)).toList());
        }
        try {
            collection().insertOne(seed);
            return seed;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return collection().find(Filters.eq("_id", id)).first();
        }
    }

    private static Document entry(String code, String name, String parentCode) {
        Document entry = new Document("code", code).append("name", name);
        if (parentCode != null) {
            entry.append("parentCode", parentCode);
        }
        return entry;
    }

    /**
     * The taxonomy a stored {@value CodeListDocument#TAXONOMY} document holds (a line of a backup).
     *
     * @throws IllegalArgumentException when its entries do not make a taxonomy (a code twice, an unknown parent)
     */
    public static Taxonomy taxonomyOf(Document stored) {
        List<Domain> domains = new ArrayList<>();
        for (Document entry : stored.getList("entries", Document.class, List.of())) {
            domains.add(new Domain(entry.getString("code"), entry.getString("name"), entry.getString("parentCode")));
        }
        return new Taxonomy(stored.getString("name") == null ? "Taxonomy" : stored.getString("name"), domains);
    }

    /**
     * The topic list a stored {@value CodeListDocument#TOPICS} document holds (a line of a backup).
     *
     * @throws IllegalArgumentException when its entries do not make a list (a code twice)
     */
    public static Topics topicsOf(Document stored) {
        List<Topic> list = new ArrayList<>();
        for (Document entry : stored.getList("entries", Document.class, List.of())) {
            list.add(new Topic(entry.getString("code"), entry.getString("name")));
        }
        return new Topics(list);
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(CodeListDocument.COLLECTION);
    }
}
