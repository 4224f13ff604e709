package org.mentoring.taxonomy;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The programme's taxonomy ({@code _id} {@value #TAXONOMY}) or topic list ({@code _id} {@value #TOPICS}) as stored
 * in {@value #COLLECTION}, written by {@link ProgrammeTaxonomy}: declared as a document so that a backup holds it and
 * a restore checks it. {@code revision} changes with every change; {@code pending} lists the code replacements a
 * change still has to carry into people's records (absent when there are none left).
 */
@Document(CodeListDocument.COLLECTION)
public class CodeListDocument {

    public static final String COLLECTION = "code_lists";
    public static final String TAXONOMY = "taxonomy";
    public static final String TOPICS = "topics";

    /** One domain (with its parent's code; null for a root) or one topic (parentCode always null). */
    public record Entry(String code, String name, String parentCode) {
    }

    /** People's code {@code from} becomes {@code to}. */
    public record Replacement(String from, String to) {
    }

    @Id
    private String id;
    private String revision;
    private String name;
    private List<Entry> entries;
    private List<Replacement> pending;
    private Instant changedAt;
    private String changedBy;

    public String getId() {
        return id;
    }

    public String getRevision() {
        return revision;
    }

    public String getName() {
        return name;
    }

    public List<Entry> getEntries() {
        return entries;
    }

    public List<Replacement> getPending() {
        return pending;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getChangedBy() {
        return changedBy;
    }
}
