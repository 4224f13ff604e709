package org.mentoring.web.page;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mentoring.common.InvalidInputException;

/** Field errors keyed by the form field they concern: {@code weeklyAvailability[2].end} belongs to the slot list. */
public final class FieldErrors {

    private FieldErrors() {
    }

    /** Each message under its field's root name, messages of one field joined. */
    public static Map<String, String> byField(InvalidInputException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.errors().forEach(error -> errors.merge(root(error.field()), error.message(), (a, b) -> a + ". " + b));
        if (errors.isEmpty()) {
            errors.put("form", e.getMessage());
        }
        return errors;
    }

    static String root(String field) {
        if (field == null || field.isBlank()) {
            return "form";
        }
        int end = field.length();
        for (char stop : new char[] {'[', '.'}) {
            int at = field.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return field.substring(0, end);
    }
}
