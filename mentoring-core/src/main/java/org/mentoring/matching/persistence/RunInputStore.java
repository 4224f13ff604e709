package org.mentoring.matching.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bson.Document;
import org.mentoring.matching.model.InputSnapshot;
import org.mentoring.matching.persistence.RunInputsDocument.Kind;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the full records a run read when it started (mentors, open requests, settled pairs, the pins kept), in parts of
 * {@value #PART_SIZE} records, so that any run can be repeated exactly from its own inputs.
 */
@Component
public class RunInputStore {

    static final int PART_SIZE = 500;
    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    private final MongoTemplate mongo;
    private final ObjectMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    public RunInputStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Saves the inputs of a run, replacing any saved before for it. */
    public void save(String runId, InputSnapshot inputs) {
        mongo.remove(RunChildIds.ofRun(runId), RunInputsDocument.class);
        List<RunInputsDocument> parts = new ArrayList<>();
        addParts(parts, runId, Kind.MENTORS, inputs.mentors(), this::fields);
        addParts(parts, runId, Kind.OPEN_REQUESTS, inputs.openRequests(), this::fields);
        addParts(parts, runId, Kind.SETTLED, List.copyOf(inputs.settled().entrySet()),
                pair -> new Document("request", fields(pair.getKey())).append("mentorExternalId", pair.getValue()));
        addParts(parts, runId, Kind.PINNED, List.copyOf(inputs.pinned().entrySet()),
                pin -> new Document("requestExternalId", pin.getKey()).append("mentorExternalId", pin.getValue()));
        if (!parts.isEmpty()) {
            mongo.insert(parts, RunInputsDocument.class);
        }
    }

    /** The inputs a run read; empty lists if it never got as far as reading them. */
    public InputSnapshot load(String runId) {
        List<Mentor> mentors = new ArrayList<>();
        List<MentorshipRequest> requests = new ArrayList<>();
        Map<MentorshipRequest, String> settled = new HashMap<>();
        Map<String, String> pinned = new HashMap<>();
        List<RunInputsDocument> parts = mongo.find(RunChildIds.ofRun(runId), RunInputsDocument.class);
        for (RunInputsDocument part : parts) {
            for (Document record : part.records()) {
                switch (part.kind()) {
                    case MENTORS -> mentors.add(json.convertValue(record, Mentor.class));
                    case OPEN_REQUESTS -> requests.add(json.convertValue(record, MentorshipRequest.class));
                    case SETTLED -> settled.put(json.convertValue(record.get("request"), MentorshipRequest.class),
                            record.getString("mentorExternalId"));
                    case PINNED -> pinned.put(record.getString("requestExternalId"),
                            record.getString("mentorExternalId"));
                }
            }
        }
        return new InputSnapshot(mentors, requests, settled, pinned, Map.of());
    }

    private Document fields(Object record) {
        return new Document(json.convertValue(record, FIELDS));
    }

    private static <T> void addParts(List<RunInputsDocument> parts, String runId, Kind kind, List<T> items,
            Function<T, Document> toRecord) {
        // each record on its own, on every core (the mapper is thread-safe), in order
        List<Document> all = (items.size() > PART_SIZE ? items.parallelStream() : items.stream()).map(toRecord)
                .toList();
        for (int from = 0, part = 1; from < items.size(); from += PART_SIZE, part++) {
            List<Document> records = all.subList(from, Math.min(items.size(), from + PART_SIZE));
            parts.add(new RunInputsDocument(RunChildIds.of(runId, kind.ordinal() * 10_000 + part), runId, kind, part,
                    records));
        }
    }
}
