package org.mentoring.backup;

/** A value as a refusal repeats it: whole when short, else its start and its length, never a huge answer. */
final class Shown {

    static final int MAX_LENGTH = 100;

    private Shown() {
    }

    static String text(String value) {
        if (value == null || value.length() <= MAX_LENGTH) {
            return value;
        }
        return value.substring(0, MAX_LENGTH) + "… (" + value.length() + " characters)";
    }

    static String value(Object value) {
        if (value instanceof String text) {
            return "'" + text(text) + "'";
        }
        if (value instanceof org.bson.Document document) {
            return text(document.toJson());
        }
        return text(String.valueOf(value));
    }
}
