package org.mentoring.matching.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import org.bson.Document;
import org.bson.types.Binary;
import org.mentoring.matching.model.InputSnapshot;
import org.mentoring.matching.persistence.RunInputsDocument.Kind;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the full records a run read when it started (mentors, open requests, settled pairs, the pins kept), so that
 * any run can be repeated exactly from its own inputs.
 *
 * <p>They are kept as one JSON document of the whole snapshot, deflated and cut into binary parts of at most
 * {@value #CHUNK_BYTES} bytes ({@link Kind#PACKED}: a few documents, each far below MongoDB's 16 MB limit and a
 * backup's longest line; about 20 for 50,000 requests and 10,000 mentors), written in one insert without mapping each record. Runs kept before that have
 * one document per {@value #PART_SIZE} records ({@link Kind#MENTORS} and the others); both are read.
 */
@Component
public class RunInputStore {

    static final int PART_SIZE = 500;
    /**
     * The largest binary part of a packed snapshot: in a backup's extended JSON (base64, a third longer) its document
     * stays under the longest line a restore reads (1 MiB, {@code backup.RestoreLimits}).
     */
    static final int CHUNK_BYTES = 640 * 1024;
    /** The first packed part's number in the run's child ids, after every per-record kind's (kind x 10,000 + part). */
    private static final int PACKED_FIRST = Kind.PACKED.ordinal() * 10_000 + 1;
    private static final int PACKED_FORMAT = 1;
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

    /** The snapshot as it is packed: a settled pair is its request and mentor. */
    record Packed(List<Mentor> mentors, List<MentorshipRequest> openRequests, List<SettledPair> settled,
            Map<String, String> pinned) {
    }

    record SettledPair(MentorshipRequest request, String mentorExternalId) {
    }

    /** Saves the inputs of a run, replacing any saved before for it. */
    public void save(String runId, InputSnapshot inputs) {
        save(runId, inputs, CHUNK_BYTES);
    }

    /** {@link #save(String, InputSnapshot)} in parts of at most {@code chunkBytes}. */
    void save(String runId, InputSnapshot inputs, int chunkBytes) {
        mongo.remove(RunChildIds.ofRun(runId), RunInputsDocument.class);
        List<Document> parts = packed(runId, inputs, chunkBytes);
        mongo.getCollection(RunInputsDocument.COLLECTION).insertMany(parts);
    }

    /** The documents of a packed snapshot, parts of at most {@code chunkBytes}; at least one, even when empty. */
    private List<Document> packed(String runId, InputSnapshot inputs, int chunkBytes) {
        List<SettledPair> settled = new ArrayList<>(inputs.settled().size());
        inputs.settled().forEach((request, mentor) -> settled.add(new SettledPair(request, mentor)));
        byte[] bytes = deflate(new Packed(inputs.mentors(), inputs.openRequests(), settled, inputs.pinned()));
        int count = Math.max(1, (bytes.length + chunkBytes - 1) / chunkBytes);
        List<Document> parts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int from = i * chunkBytes;
            byte[] chunk = java.util.Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + chunkBytes));
            parts.add(new Document("_id", RunChildIds.of(runId, PACKED_FIRST + i)).append("runId", runId)
                    .append("kind", Kind.PACKED.name()).append("part", i + 1).append("parts", count)
                    .append("format", PACKED_FORMAT).append("data", new Binary(chunk)));
        }
        return parts;
    }

    private byte[] deflate(Packed packed) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, deflater, 1 << 16)) {
            json.writeValue(out, packed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    /**
     * The inputs a run read; empty lists if it never got as far as reading them, or if it stopped while keeping them
     * (a part missing).
     */
    public InputSnapshot load(String runId) {
        List<Mentor> mentors = new ArrayList<>();
        List<MentorshipRequest> requests = new ArrayList<>();
        Map<MentorshipRequest, String> settled = new HashMap<>();
        Map<String, String> pinned = new HashMap<>();
        List<byte[]> chunks = new ArrayList<>();
        int expected = 0;
        // read as stored, without mapping: the binary parts stay binary
        for (Document part : mongo.getCollection(RunInputsDocument.COLLECTION)
                .find(com.mongodb.client.model.Filters.regex("_id", RunChildIds.prefixPattern(runId)))
                .sort(com.mongodb.client.model.Sorts.ascending("_id"))) {
            Kind kind = Kind.valueOf(part.getString("kind"));
            if (kind == Kind.PACKED) {
                expected = part.getInteger("parts");
                chunks.add(part.get("data", Binary.class).getData());
                continue;
            }
            for (Document record : part.getList("records", Document.class)) {
                switch (kind) {
                    case MENTORS -> mentors.add(json.convertValue(record, Mentor.class));
                    case OPEN_REQUESTS -> requests.add(json.convertValue(record, MentorshipRequest.class));
                    case SETTLED -> settled.put(json.convertValue(record.get("request"), MentorshipRequest.class),
                            record.getString("mentorExternalId"));
                    case PINNED -> pinned.put(record.getString("requestExternalId"),
                            record.getString("mentorExternalId"));
                    case PACKED -> throw new IllegalStateException("unreachable");
                }
            }
        }
        if (!chunks.isEmpty()) {
            if (chunks.size() != expected) {
                return new InputSnapshot(List.of(), List.of(), Map.of(), Map.of(), Map.of());
            }
            Packed packed = inflate(chunks);
            mentors.addAll(packed.mentors());
            requests.addAll(packed.openRequests());
            packed.settled().forEach(pair -> settled.put(pair.request(), pair.mentorExternalId()));
            pinned.putAll(packed.pinned());
        }
        return new InputSnapshot(mentors, requests, settled, pinned, Map.of());
    }

    private Packed inflate(List<byte[]> chunks) {
        List<InputStream> streams = chunks.stream().map(c -> (InputStream) new java.io.ByteArrayInputStream(c))
                .toList();
        try (InputStream in = new InflaterInputStream(new SequenceInputStream(Collections.enumeration(streams)))) {
            return json.readValue(in, Packed.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves the inputs in the earlier layout, a document per {@value #PART_SIZE} records (tests read it back). */
    void saveAsRecords(String runId, InputSnapshot inputs) {
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

    private Document fields(Object record) {
        return new Document(json.convertValue(record, FIELDS));
    }

    private static <T> void addParts(List<RunInputsDocument> parts, String runId, Kind kind, List<T> items,
            Function<T, Document> toRecord) {
        List<Document> all = items.stream().map(toRecord).toList();
        for (int from = 0, part = 1; from < items.size(); from += PART_SIZE, part++) {
            List<Document> records = all.subList(from, Math.min(items.size(), from + PART_SIZE));
            parts.add(new RunInputsDocument(RunChildIds.of(runId, kind.ordinal() * 10_000 + part), runId, kind, part,
                    records));
        }
    }
}
