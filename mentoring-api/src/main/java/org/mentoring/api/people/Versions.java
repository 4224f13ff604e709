package org.mentoring.api.people;

import org.mentoring.common.InvalidInputException;

/** The version an update or delete names: from an If-Match header ({@code "3"}) or a {@code version} field. */
final class Versions {

    private Versions() {
    }

    /**
     * @throws InvalidInputException when neither is given, they differ, or the header is not a version
     */
    static long required(String ifMatch, Long field) {
        Long header = parse(ifMatch);
        if (header == null && field == null) {
            throw new InvalidInputException("version", "send the version you read, in an If-Match header or a "
                    + "version field, so that a change made meanwhile is not overwritten");
        }
        if (header != null && field != null && !header.equals(field)) {
            throw new InvalidInputException("version", "If-Match names version " + header
                    + " but the version field says " + field);
        }
        return header != null ? header : field;
    }

    /** The version of an If-Match header, or null when there is none. */
    static Long optional(String ifMatch) {
        return parse(ifMatch);
    }

    private static Long parse(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("If-Match", "If-Match '" + ifMatch
                    + "' is not a version this API gave out (an ETag like \"3\")");
        }
    }
}
