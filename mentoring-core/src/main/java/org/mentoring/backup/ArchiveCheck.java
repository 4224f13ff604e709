package org.mentoring.backup;

import static org.mentoring.backup.BackupService.FORMAT;
import static org.mentoring.backup.BackupService.MANIFEST;
import static org.mentoring.backup.BackupService.VERSION;
import static org.mentoring.backup.BackupService.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.json.JsonParseException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.common.InvalidInputException.FieldError;
import org.springframework.core.io.InputStreamSource;

/**
 * The first pass of a restore, which writes nothing: every entry a collection of this application, every line within
 * the {@link RestoreLimits} and a document that passes the {@link ArchiveRules}, the counts those of the manifest,
 * and an enabled admin among the accounts. Problems are named by entry, line and field, the first few listed.
 */
final class ArchiveCheck {

    private static final int MANIFEST_LIMIT = 1024 * 1024;

    private final ArchiveRules rules;
    private final RestoreLimits limits;
    private final ObjectMapper json = new ObjectMapper();

    ArchiveCheck(ArchiveRules rules, RestoreLimits limits) {
        this.rules = rules;
        this.limits = limits;
    }

    /** What the first pass found: the archive's date and documents per collection, all agreeing with its manifest. */
    record Checked(Instant createdAt, Map<String, Long> counts) {

        long total() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * The first pass: every entry a collection of this application, every line within the limits and a document
     * that passes {@link ArchiveRules}, the counts those of the manifest, and an enabled admin among the accounts.
     */
    Checked check(InputStreamSource archive) throws IOException {
        Map<String, Long> found = new TreeMap<>();
        JsonNode manifest = null;
        ArchiveRules.Check documents = rules.check();
        Problems problems = new Problems(limits.maxListedProblems());
        try (ArchiveReader reader = new ArchiveReader(archive.getInputStream(), limits)) {
            for (String name = reader.nextEntry(); name != null; name = reader.nextEntry()) {
                if (name.equals(MANIFEST)) {
                    if (manifest != null) {
                        throw invalid("the archive holds " + MANIFEST + " twice");
                    }
                    manifest = json.readTree(reader.readAll(MANIFEST_LIMIT, MANIFEST));
                    continue;
                }
                String collection = BackupService.collectionOf(name);
                if (collection == null) {
                    throw invalid("the archive holds '" + Shown.text(name) + "', which is no part of a backup");
                }
                if (!rules.knows(collection)) {
                    throw invalid("the archive holds '" + Shown.text(name) + "', but '"
                            + Shown.text(collection)
                            + "' is not a collection of this application (it has " + rules.collections() + ")");
                }
                if (found.containsKey(collection)) {
                    throw invalid("the archive holds '" + name + "' twice");
                }
                long count = 0;
                for (String line = reader.nextLine(); line != null; line = reader.nextLine()) {
                    if (line.isBlank()) {
                        continue;
                    }
                    count++;
                    Document document = parse(line, name, reader.lineNumber(), problems);
                    if (document != null) {
                        for (FieldError error : documents.of(collection, document)) {
                            problems.add(name, reader.lineNumber(), document.get("_id"), error);
                        }
                    }
                }
                found.put(collection, count);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw invalid(MANIFEST + " is not JSON: " + Shown.text(e.getOriginalMessage()));
        }
        problems.throwIfAny();
        if (manifest == null) {
            throw invalid("the archive has no " + MANIFEST + "; it is not a backup of this application");
        }
        if (!FORMAT.equals(manifest.path("format").asText())
                || manifest.path("version").asInt() != VERSION) {
            throw invalid(MANIFEST + " names format '"
                    + Shown.text(manifest.path("format").asText()) + "' version "
                    + Shown.text(manifest.path("version").asText()) + "; this application restores "
                    + FORMAT + " version " + VERSION);
        }
        Map<String, Long> expected = new TreeMap<>();
        manifest.path("collections").fields()
                .forEachRemaining(field -> expected.put(field.getKey(), field.getValue().asLong()));
        if (!expected.equals(found)) {
            throw invalid(Shown.text("the archive's collections " + found + " differ from its manifest's "
                    + expected) + "; it is incomplete or altered");
        }
        if (documents.enabledAdmins() == 0) {
            throw invalid("the archive holds no enabled ADMIN account, so after restoring it nobody could sign"
                    + " in to run the programme; restore a backup that has one");
        }
        try {
            return new Checked(Instant.parse(manifest.path("createdAt").asText()), found);
        } catch (DateTimeParseException e) {
            throw invalid(MANIFEST + " has no valid createdAt");
        }
    }

    private static Document parse(String line, String entry, long number, Problems problems) {
        try {
            return Document.parse(line);
        } catch (JsonParseException | IllegalArgumentException | ClassCastException e) {
            problems.add(new FieldError(entry + ":" + number, entry + " line " + number
                    + " is not a document in extended JSON: " + Shown.text(e.getMessage())));
            return null;
        }
    }

    /** The problems of one archive: the first few listed with their entry, line and field, the others counted. */
    private static final class Problems {

        private final int listed;
        private final List<FieldError> errors = new ArrayList<>();
        private long more;

        Problems(int listed) {
            this.listed = listed;
        }

        void add(String entry, long line, Object id, FieldError error) {
            add(new FieldError(entry + ":" + line + ":" + error.field(), entry + " line " + line
                    + (id == null ? "" : " (_id " + Shown.value(id) + ")") + ", " + error.field() + ": "
                    + error.message()));
        }

        void add(FieldError error) {
            if (errors.size() < listed) {
                errors.add(error);
            } else {
                more++;
            }
        }

        void throwIfAny() {
            if (errors.isEmpty()) {
                return;
            }
            List<FieldError> all = new ArrayList<>(errors);
            long total = errors.size() + more;
            if (more > 0) {
                all.add(new FieldError("archive", "and " + more + " more " + (more == 1 ? "problem" : "problems")));
            }
            throw new InvalidInputException("archive: " + total + (total == 1 ? " problem" : " problems")
                    + " in the archive's documents, so nothing was written. The first: " + errors.get(0).message(),
                    all);
        }
    }

}
