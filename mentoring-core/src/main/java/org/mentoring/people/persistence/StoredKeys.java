package org.mentoring.people.persistence;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The externalIds and emails of every stored mentor, or of every stored request (with each request's cycle), read in
 * one pass so that an import of thousands of records checks them in memory.
 */
public record StoredKeys(Map<String, String> emailByExternalId, Map<String, String> externalIdByEmail,
        Map<String, String> cycleByExternalId) {

    /** No stored record: what an import that brings none of a kind needs to know of it. */
    public static final StoredKeys NONE = new StoredKeys(Map.of(), Map.of(), Map.of());

    public StoredKeys {
        emailByExternalId = Map.copyOf(emailByExternalId);
        externalIdByEmail = Map.copyOf(externalIdByEmail);
        cycleByExternalId = Map.copyOf(cycleByExternalId);
    }

    /** Keys of records that belong to no cycle (mentors). */
    public StoredKeys(Map<String, String> emailByExternalId, Map<String, String> externalIdByEmail) {
        this(emailByExternalId, externalIdByEmail, Map.of());
    }

    /** From {externalId, email key} pairs, or {externalId, email key, cycle} triples. */
    static StoredKeys of(Iterable<? extends Object[]> pairs) {
        Map<String, String> emails = new HashMap<>();
        Map<String, String> ids = new HashMap<>();
        Map<String, String> cycles = new HashMap<>();
        for (Object[] pair : pairs) {
            String externalId = (String) pair[0];
            String email = (String) pair[1];
            emails.put(externalId, email);
            if (email != null) {
                ids.put(email, externalId);
            }
            if (pair.length > 2 && pair[2] != null) {
                cycles.put(externalId, (String) pair[2]);
            }
        }
        return new StoredKeys(emails, ids, cycles);
    }

    public Set<String> externalIds() {
        return emailByExternalId.keySet();
    }

    public boolean contains(String externalId) {
        return emailByExternalId.containsKey(externalId);
    }

    /** The key of an email in one cycle, as {@link RequestService#keys} gives a request's "email". */
    public static String inCycle(String email, String cycle) {
        return email + " in " + cycle;
    }

    /** The externalId of the record with this email, or null. */
    public String ownerOf(String email) {
        return externalIdByEmail.get(email);
    }
}
