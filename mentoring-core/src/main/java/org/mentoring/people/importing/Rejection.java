package org.mentoring.people.importing;

/**
 * Why one record (or a whole file) cannot be imported.
 *
 * @param kind {@code mentor} or {@code request}
 * @param externalId the record's externalId, or null when it has none or a whole file is rejected
 * @param location the record, for example {@code requests[12]} or {@code requests.csv line 14}
 * @param field the wrong field in the whole import, for example {@code requests[12].timeZone}
 * @param reason what is wrong, in words
 */
public record Rejection(String kind, String externalId, String location, String field, String reason) {

    /** The reason with the record it belongs to, for a list of messages. */
    public String message() {
        return (externalId == null ? location : kind + " " + externalId + " (" + location + ")") + ": " + reason;
    }
}
