package org.mentoring.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonParseException;
import org.bson.json.JsonWriterSettings;
import org.mentoring.common.ConflictException;
import org.mentoring.common.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Writes the whole store as one zip archive and restores such an archive into an empty store.
 *
 * <p>The archive holds {@value #MANIFEST} (format, version, when it was made and how many documents each collection
 * has) and one {@code <collection>.jsonl} per collection: a document a line in MongoDB's canonical extended JSON, so
 * that ids, dates, longs and decimals read back as the same BSON types. A restore reads and checks the whole archive
 * before it writes anything, and refuses a store that already holds data: a fresh instance's accounts, audit trail
 * and sign-in attempts do not count as data, and the archive's replace them.
 */
@Service
public class BackupService {

    /** The archive's table of contents. */
    public static final String MANIFEST = "manifest.json";
    /** The {@code format} the manifest names. */
    public static final String FORMAT = "mentoring-backup";
    public static final int VERSION = 1;
    /** Collections a fresh instance fills by itself; they may hold documents when a restore starts. */
    public static final Set<String> HOUSEKEEPING = Set.of("accounts", "audit_events", "sign_in_attempts");

    private static final String SUFFIX = ".jsonl";
    private static final Pattern COLLECTION_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,119}");
    private static final JsonWriterSettings EXTENDED_JSON = JsonWriterSettings.builder()
            .outputMode(JsonMode.EXTENDED).build();
    private static final int INSERT_BATCH = 1000;
    private static final Logger log = LoggerFactory.getLogger(BackupService.class);

    private final MongoTemplate mongo;
    private final ObjectMapper json = new ObjectMapper();

    public BackupService(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The store's collections, sorted, without MongoDB's own {@code system.*} ones. */
    public Set<String> collections() {
        Set<String> names = new TreeSet<>();
        for (String name : mongo.getDb().listCollectionNames()) {
            if (!name.startsWith("system.")) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * Streams the archive of every collection to {@code out}, a collection at a time; {@code out} is finished but
     * not closed. Documents written while it runs may or may not be in it (a replica set's point-in-time backup is
     * the tool for a busy store, see docs/operations.md).
     */
    public void write(OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        Writer writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String collection : collections()) {
            zip.putNextEntry(new ZipEntry(collection + SUFFIX));
            long count = 0;
            for (Document document : mongo.getCollection(collection).find()) {
                writer.write(document.toJson(EXTENDED_JSON));
                writer.write('\n');
                count++;
            }
            writer.flush();
            zip.closeEntry();
            counts.put(collection, count);
        }
        ObjectNode manifest = json.createObjectNode();
        manifest.put("format", FORMAT);
        manifest.put("version", VERSION);
        manifest.put("createdAt", Instant.now().toString());
        ObjectNode collections = manifest.putObject("collections");
        counts.forEach(collections::put);
        zip.putNextEntry(new ZipEntry(MANIFEST));
        writer.write(json.writerWithDefaultPrettyPrinter().writeValueAsString(manifest));
        writer.flush();
        zip.closeEntry();
        zip.finish();
        log.info("Backup written: {} documents in {} collections",
                counts.values().stream().mapToLong(Long::longValue).sum(), counts.size());
    }

    /** Whether the store holds anything but {@link #HOUSEKEEPING} documents. */
    public boolean holdsData() {
        for (String collection : collections()) {
            if (!HOUSEKEEPING.contains(collection) && mongo.getCollection(collection).countDocuments() > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Restores an archive of {@link #write} into this store, which must hold no data.
     *
     * @throws ConflictException {@code store-not-empty} when the store holds data
     * @throws InvalidInputException when the archive is not one of {@link #write}, naming what is wrong; nothing
     *     was written
     */
    public RestoreReport restore(InputStream archive) throws IOException {
        if (holdsData()) {
            throw new ConflictException("store-not-empty", "The store already holds data; a backup is restored only"
                    + " into an empty instance (a fresh one, with no people, runs or mentorships).");
        }
        Archive read = read(archive);
        Map<String, Long> written = new TreeMap<>();
        try {
            for (Map.Entry<String, List<Document>> collection : read.documents().entrySet()) {
                var target = mongo.getCollection(collection.getKey());
                target.deleteMany(new Document());
                List<Document> documents = collection.getValue();
                for (int from = 0; from < documents.size(); from += INSERT_BATCH) {
                    target.insertMany(documents.subList(from, Math.min(documents.size(), from + INSERT_BATCH)));
                }
                written.put(collection.getKey(), (long) documents.size());
            }
        } catch (RuntimeException e) {
            log.error("Restore failed after {}; removing what it wrote", written.keySet(), e);
            for (String collection : read.documents().keySet()) {
                if (!HOUSEKEEPING.contains(collection)) {
                    mongo.getCollection(collection).deleteMany(new Document());
                }
            }
            throw e;
        }
        RestoreReport report = new RestoreReport(read.createdAt(), written);
        log.info("Backup of {} restored: {} documents in {} collections", report.createdAt(), report.total(),
                written.size());
        return report;
    }

    private record Archive(Instant createdAt, Map<String, List<Document>> documents) {
    }

    /** The whole archive, checked against its manifest. */
    private Archive read(InputStream archive) throws IOException {
        Map<String, List<Document>> documents = new TreeMap<>();
        JsonNode manifest = null;
        try (ZipInputStream zip = new ZipInputStream(archive, StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                if (name.equals(MANIFEST)) {
                    manifest = json.readTree(zip.readAllBytes());
                } else if (name.endsWith(SUFFIX)
                        && COLLECTION_NAME.matcher(name.substring(0, name.length() - SUFFIX.length())).matches()) {
                    documents.put(name.substring(0, name.length() - SUFFIX.length()), documents(zip, name));
                } else {
                    throw invalid("the archive holds '" + name + "', which is no part of a backup");
                }
            }
        } catch (ZipException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw invalid("the archive is not a readable backup: " + e.getMessage());
        }
        if (manifest == null) {
            throw invalid("the archive has no " + MANIFEST + "; it is not a backup of this application");
        }
        if (!FORMAT.equals(manifest.path("format").asText()) || manifest.path("version").asInt() != VERSION) {
            throw invalid(MANIFEST + " names format '" + manifest.path("format").asText() + "' version "
                    + manifest.path("version").asText() + "; this application restores " + FORMAT + " version "
                    + VERSION);
        }
        Map<String, Long> expected = new TreeMap<>();
        manifest.path("collections").fields()
                .forEachRemaining(field -> expected.put(field.getKey(), field.getValue().asLong()));
        Map<String, Long> found = new TreeMap<>();
        documents.forEach((collection, list) -> found.put(collection, (long) list.size()));
        if (!expected.equals(found)) {
            throw invalid("the archive's collections " + found + " differ from its manifest's " + expected
                    + "; it is incomplete or altered");
        }
        Instant createdAt;
        try {
            createdAt = Instant.parse(manifest.path("createdAt").asText());
        } catch (DateTimeParseException e) {
            throw invalid(MANIFEST + " has no valid createdAt");
        }
        return new Archive(createdAt, documents);
    }

    private static List<Document> documents(InputStream entry, String name) throws IOException {
        List<Document> documents = new ArrayList<>();
        BufferedReader lines = new BufferedReader(new InputStreamReader(entry, StandardCharsets.UTF_8));
        long number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                documents.add(Document.parse(line));
            } catch (JsonParseException | IllegalArgumentException e) {
                throw invalid(name + " line " + number + " is not a document in extended JSON: " + e.getMessage());
            }
        }
        return documents;
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException("archive", "archive: " + message);
    }
}
