package org.mentoring.matching.persistence;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A counter as stored in {@code counters} (today only {@link PublicationOrder}'s): declared as a document so that a
 * backup's {@code counters} entry is checked and restored like every other collection of the application.
 */
@Document(PublicationOrder.COLLECTION)
public class CounterDocument {

    @Id
    private String id;
    /** The counter's value: for publications, the number of the latest publication begun. */
    private long seq;
    /** The run that took the latest number. */
    private String runId;

    public String getId() {
        return id;
    }

    public long getSeq() {
        return seq;
    }

    public String getRunId() {
        return runId;
    }
}
