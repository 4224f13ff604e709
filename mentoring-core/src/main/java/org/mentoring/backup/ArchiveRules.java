package org.mentoring.backup;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.mentoring.accounts.Role;
import org.mentoring.accounts.AccountDocument;
import org.mentoring.common.EmailAddress;
import org.mentoring.common.InvalidInputException.FieldError;
import org.mentoring.people.persistence.StoredPeopleCheck;
import org.mentoring.taxonomy.CodeListDocument;
import org.mentoring.taxonomy.ProgrammeTaxonomy;
import org.mentoring.taxonomy.Taxonomy;
import org.mentoring.taxonomy.TaxonomySource;
import org.mentoring.taxonomy.Topics;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.index.IndexDefinition;
import org.springframework.data.mongodb.core.index.IndexResolver;
import org.springframework.util.ClassUtils;

/**
 * What a document of a backup must be to be restored, the same rules the application reads and imports with: its
 * collection is one of the application's (a {@code @Document} class of {@code org.mentoring}), it reads as that class
 * (an unknown {@code role} or a text where a number belongs is refused), mentors and requests pass the rules of an
 * import ({@link StoredPeopleCheck}), accounts have a canonical email and a role, no two documents of a collection
 * share an {@code _id} or a value of a unique index, and at least one enabled ADMIN account is there. Mentors and
 * requests are checked against the taxonomy and topics of the archive ({@code code_lists}, which a backup writes
 * before them), or the shipped ones that a store without them starts with.
 */
final class ArchiveRules {

    static final String ACCOUNTS = "accounts";
    static final String MENTORS = "mentors";
    static final String REQUESTS = "requests";
    private static final String BASE_PACKAGE = "org.mentoring";

    private final MongoConverter converter;
    private final StoredPeopleCheck people;
    private final IndexResolver indexes;
    /** The application's collections and the document classes of each. */
    private final Map<String, List<Class<?>>> classes;
    /** The unique indexes of each collection, which no two documents may share a value of. */
    private final Map<String, List<UniqueIndex>> uniqueIndexes = new HashMap<>();

    /** A unique index: its fields, and whether documents without them are left out (sparse). */
    private record UniqueIndex(String name, List<String> fields, boolean sparse) {
    }

    ArchiveRules(MongoConverter converter, StoredPeopleCheck people) {
        this.converter = converter;
        this.people = people;
        this.indexes = IndexResolver.create(converter.getMappingContext());
        this.classes = scan(converter);
        for (String collection : classes.keySet()) {
            List<UniqueIndex> unique = new ArrayList<>();
            for (IndexDefinition index : indexesOf(collection)) {
                Document options = index.getIndexOptions();
                if (Boolean.TRUE.equals(options.get("unique"))) {
                    List<String> fields = List.copyOf(index.getIndexKeys().keySet());
                    unique.add(new UniqueIndex(String.join(", ", fields), fields,
                            Boolean.TRUE.equals(options.get("sparse"))));
                }
            }
            uniqueIndexes.put(collection, unique);
        }
    }

    private static Map<String, List<Class<?>>> scan(MongoConverter converter) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(
                new AnnotationTypeFilter(org.springframework.data.mongodb.core.mapping.Document.class));
        Map<String, List<Class<?>>> found = new TreeMap<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(BASE_PACKAGE)) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(),
                    ArchiveRules.class.getClassLoader());
            String collection = converter.getMappingContext().getRequiredPersistentEntity(type).getCollection();
            found.computeIfAbsent(collection, name -> new ArrayList<>()).add(type);
        }
        return found;
    }

    /** The collections of this application, sorted. */
    Set<String> collections() {
        return new TreeSet<>(classes.keySet());
    }

    boolean knows(String collection) {
        return classes.containsKey(collection);
    }

    /** The indexes the application declares on a collection, to create on a restored one. */
    List<IndexDefinition> indexesOf(String collection) {
        List<IndexDefinition> all = new ArrayList<>();
        for (Class<?> type : classes.getOrDefault(collection, List.of())) {
            indexes.resolveIndexFor(type).forEach(all::add);
        }
        return all;
    }

    /** A check of one archive, which remembers ids and unique values across its documents. */
    Check check() {
        return new Check();
    }

    final class Check {

        private final Map<String, Map<String, Set<Object>>> seen = new HashMap<>();
        private long enabledAdmins;
        private Taxonomy taxonomy = Taxonomy.planetaryHealth();
        private Topics topics = Topics.shipped();
        private StoredPeopleCheck peopleCheck;

        /** Enabled ADMIN accounts among the documents checked so far. */
        long enabledAdmins() {
            return enabledAdmins;
        }

        /** Every problem of one document of {@code collection}, fields named within it; empty when it is right. */
        List<FieldError> of(String collection, Document document) {
            List<FieldError> errors = new ArrayList<>();
            for (Class<?> type : classes.get(collection)) {
                readError(type, document).ifPresent(errors::add);
            }
            unique(collection, document, errors);
            if (!errors.isEmpty()) {
                return errors;
            }
            switch (collection) {
                case ACCOUNTS -> account(document, errors);
                case MENTORS -> errors.addAll(people().mentor(document));
                case REQUESTS -> errors.addAll(people().request(document));
                case CodeListDocument.COLLECTION -> codeList(document, errors);
                default -> {
                }
            }
            return errors;
        }

        private void unique(String collection, Document document, List<FieldError> errors) {
            Map<String, Set<Object>> keys = seen.computeIfAbsent(collection, name -> new HashMap<>());
            if (!document.containsKey("_id")) {
                errors.add(new FieldError("_id", "_id is missing; every document of a backup has one"));
            } else if (!keys.computeIfAbsent("_id", key -> new HashSet<>()).add(normal(document.get("_id")))) {
                errors.add(new FieldError("_id", "_id " + Shown.value(document.get("_id"))
                        + " is already the _id of an earlier document of this collection"));
            }
            for (UniqueIndex index : uniqueIndexes.get(collection)) {
                List<Object> values = new ArrayList<>();
                boolean anyPresent = false;
                for (String field : index.fields()) {
                    Object value = valueAt(document, field);
                    anyPresent |= value != null;
                    values.add(normal(value));
                }
                if (!anyPresent && index.sparse()) {
                    continue;
                }
                if (!keys.computeIfAbsent("unique:" + index.name(), key -> new HashSet<>()).add(values)) {
                    errors.add(new FieldError(index.name(), index.name() + " " + Shown.value(values.size() == 1
                            ? values.get(0) : values) + " is already that of an earlier document of this collection,"
                            + " and must be unique"));
                }
            }
        }

        private StoredPeopleCheck people() {
            if (peopleCheck == null) {
                peopleCheck = people.against(TaxonomySource.fixed(taxonomy, topics));
            }
            return peopleCheck;
        }

        private void codeList(Document document, List<FieldError> errors) {
            if (peopleCheck != null) {
                errors.add(new FieldError("_id", "the taxonomy and topics come before mentors and requests in a "
                        + "backup, since those are checked against them"));
                return;
            }
            try {
                if (CodeListDocument.TAXONOMY.equals(document.get("_id"))) {
                    taxonomy = ProgrammeTaxonomy.taxonomyOf(document);
                } else if (CodeListDocument.TOPICS.equals(document.get("_id"))) {
                    topics = ProgrammeTaxonomy.topicsOf(document);
                } else {
                    errors.add(new FieldError("_id", "_id " + Shown.value(document.get("_id")) + " is neither "
                            + CodeListDocument.TAXONOMY + " nor " + CodeListDocument.TOPICS));
                }
            } catch (RuntimeException e) {
                errors.add(new FieldError("entries", "entries do not make a list the application can use: "
                        + Shown.text(String.valueOf(e.getMessage()))));
            }
        }

        private void account(Document document, List<FieldError> errors) {
            AccountDocument account = converter.read(AccountDocument.class, document);
            String email = account.getEmail();
            if (email == null || email.isBlank()) {
                errors.add(new FieldError("email", "email is required"));
            } else {
                Optional<String> problem = EmailAddress.problem(email);
                if (problem.isPresent()) {
                    errors.add(new FieldError("email", "email " + problem.get()));
                } else if (!EmailAddress.canonical(email).equals(email) || email.indexOf('@') < 1) {
                    errors.add(new FieldError("email", "email " + Shown.value(email)
                            + " is not an address in its canonical form (trimmed, lower case)"));
                }
            }
            if (account.getRole() == null) {
                errors.add(new FieldError("role", "role is required: one of " + List.of(Role.values())));
            } else if (account.getRole() == Role.ADMIN && account.isEnabled() && errors.isEmpty()) {
                enabledAdmins++;
            }
        }
    }

    /**
     * Why a document does not read as its class, naming the field: the first field that, left out, lets it read,
     * or that alone does not read; empty when it reads.
     */
    private Optional<FieldError> readError(Class<?> type, Document document) {
        RuntimeException failure = readFailure(type, document);
        if (failure == null) {
            return Optional.empty();
        }
        String field = null;
        for (String key : document.keySet()) {
            Document without = new Document(document);
            without.remove(key);
            if (!key.equals("_id") && readFailure(type, without) == null) {
                field = key;
                break;
            }
        }
        if (field == null) {
            for (String key : document.keySet()) {
                Document alone = new Document("_id", document.get("_id"));
                alone.put(key, document.get(key));
                if (readFailure(type, alone) != null) {
                    field = key;
                    break;
                }
            }
        }
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = String.valueOf(cause.getMessage());
        String why = message.startsWith("No enum constant") ? "it is none of the values the application knows"
                : Shown.text(message);
        if (field == null) {
            return Optional.of(new FieldError("document", "the document does not read as the application's "
                    + type.getSimpleName() + ": " + why));
        }
        return Optional.of(new FieldError(field, field + " " + Shown.value(document.get(field))
                + " is not a value the application can read: " + why));
    }

    private RuntimeException readFailure(Class<?> type, Document document) {
        try {
            converter.read(type, document);
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static Object valueAt(Document document, String path) {
        Object value = document;
        for (String part : path.split("\\.")) {
            if (!(value instanceof Document current)) {
                return null;
            }
            value = current.get(part);
        }
        return value;
    }

    /** A value as MongoDB compares it for uniqueness: numbers by their value, whatever their type. */
    private static Object normal(Object value) {
        if (value instanceof Decimal128 decimal) {
            return decimal.isNaN() ? value : decimal.bigDecimalValue().stripTrailingZeros();
        }
        if (value instanceof Integer || value instanceof Long) {
            return BigDecimal.valueOf(((Number) value).longValue()).stripTrailingZeros();
        }
        if (value instanceof Double number && Double.isFinite(number)) {
            return BigDecimal.valueOf(number).stripTrailingZeros();
        }
        if (value instanceof Document document) {
            return new LinkedHashMap<>(document);
        }
        return value;
    }
}
