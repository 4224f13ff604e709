package org.mentoring.web.admin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What the coordinator's list pages share: reading a status picked from a list, and keeping filters in links. */
final class AdminLists {

    private AdminLists() {
    }

    /** The constant named, or null for none or an unknown name (the list then shows everyone). */
    static <E extends Enum<E>> E parse(Class<E> type, String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The search, the domain and one more filter, as a list page's links keep them. */
    static Map<String, Object> params(String q, String domain, String filterName, Object filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("q", q);
        params.put("domain", domain);
        params.put(filterName, filter);
        return params;
    }

    /** An externalId as one segment of a path. */
    static String path(String externalId) {
        return URLEncoder.encode(externalId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Where to go back to after an action: a coordinator's page, never another site. */
    static String back(String back, String fallback) {
        return back != null && back.startsWith("/admin/") && !back.startsWith("/admin//") && !back.contains("\\")
                && !back.contains("{")
                && back.chars().noneMatch(Character::isISOControl) ? back : fallback;
    }

    private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("name", "The name"),
            Map.entry("email", "The email"), Map.entry("institution", "The institution"),
            Map.entry("country", "The country"), Map.entry("timeZone", "The time zone"),
            Map.entry("startDate", "The start date"), Map.entry("durationMonths", "The number of months"),
            Map.entry("capacity", "The capacity"), Map.entry("availableFrom", "The first day available"),
            Map.entry("availableUntil", "The last day available"), Map.entry("circles", "The number of circles"),
            Map.entry("format", "The way of mentoring"));

    /**
     * The messages of a form's errors in words: a message that begins with its field's code ({@code timeZone 'x' is
     * not...}, {@code capacity: 0 is below...}) begins with the field's name instead.
     */
    static Map<String, String> inWords(Map<String, String> errors) {
        Map<String, String> words = new LinkedHashMap<>();
        errors.forEach((field, message) -> {
            String label = LABELS.get(field);
            String text = message;
            if (label != null && message != null) {
                for (String code : LABELS.keySet()) {
                    text = text.replaceAll("(^|\\. )" + code + ":? ", "$1" + LABELS.get(code) + " ");
                }
            }
            words.put(field, text);
        });
        return words;
    }
}
