package org.mentoring.people.persistence;

/** What a bulk upsert did: documents inserted and existing documents replaced. */
public record UpsertCounts(int created, int updated) {

    public static final UpsertCounts NONE = new UpsertCounts(0, 0);
}
