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

    /**
     * The errors of a participant form in words a person understands, by field: "Choose a career stage", not
     * {@code careerStage is required}. A field this table does not know keeps its message, with the field's code
     * replaced by its label.
     */
    public static Map<String, String> inWords(InvalidInputException e) {
        Map<String, String> words = new LinkedHashMap<>();
        byField(e).forEach((field, message) -> words.put(field, words(field, message)));
        return words;
    }

    /**
     * The summary at the top of a form: each message under the id of the element its link leads to (the field, or
     * the first control of a group). The form-wide message is not in it.
     */
    public static Map<String, String> summary(Map<String, String> errors) {
        Map<String, String> summary = new LinkedHashMap<>();
        errors.forEach((field, message) -> {
            if (!"form".equals(field)) {
                summary.merge(ANCHORS.getOrDefault(field, field), message, (a, b) -> a.equals(b) ? a : a + ". " + b);
            }
        });
        return summary;
    }

    /** Where a summary link leads for fields that are groups of controls. */
    private static final Map<String, String> ANCHORS = Map.of("domains", "domain-filter", "weeklyAvailability",
            "slot-day-0", "languages", "languages-filter", "goals", "goals", "topics", "topics",
            "preferredMentorIds", "mentor-filter", "excludedMentorIds", "mentor-filter", "pausedUntil", "pausedUntil",
            "format", "format-ONE_TO_ONE");

    /** Field, then what to do when it is missing, and what to do when it is wrong; null keeps the message. */
    private static final Map<String, String[]> WORDS = Map.ofEntries(
            Map.entry("name", new String[] {"Write your name", null}),
            Map.entry("institution", new String[] {null, null}),
            Map.entry("country", new String[] {"Choose your country", "Choose your country from the list"}),
            Map.entry("timeZone", new String[] {"Choose your time zone", "Choose your time zone from the list"}),
            Map.entry("careerStage", new String[] {"Choose a career stage", "Choose a career stage from the list"}),
            Map.entry("languages", new String[] {"Choose at least one language you can work in",
                "Choose your languages from the list"}),
            Map.entry("domains", new String[] {"Choose at least one research domain",
                "Choose research domains from the list"}),
            Map.entry("goals", new String[] {"Choose at least one goal", "Choose your goals from the list"}),
            Map.entry("topics", new String[] {"Choose at least one mentoring topic",
                "Choose your mentoring topics from the list"}),
            Map.entry("startDate", new String[] {"Give the date you would like to start",
                "Write the start date as a date, for example 2027-03-01"}),
            Map.entry("durationMonths", new String[] {"Give how many months, a whole number from 1 to 60",
                "Give how many months, a whole number from 1 to 60"}),
            Map.entry("minOverlapMinutes", new String[] {"Give the least time together a week in minutes",
                "Give the least time together a week in minutes, a whole number from 0 to 10080"}),
            Map.entry("capacity", new String[] {"Give how many mentees you take at once", null}),
            Map.entry("availableFrom", new String[] {"Give the first date you can take a mentee",
                "Write the first date you can take a mentee as a date, for example 2027-03-01"}),
            Map.entry("availableUntil", new String[] {null,
                "Write the last date you take a new mentee as a date on or after the first, or leave it empty"}),
            Map.entry("weeklyAvailability", new String[] {"Add at least one weekly window when you are free", null}),
            Map.entry("preferredMentorIds", new String[] {null, "Choose preferred mentors from the list"}),
            Map.entry("excludedMentorIds", new String[] {null,
                "A mentor cannot be both preferred and excluded: untick one of the two"}),
            Map.entry("circles", new String[] {null, "Choose how many circles you can lead at once, from 0 to "
                + org.mentoring.people.input.PeopleInputValidator.MAX_CIRCLES}),
            Map.entry("format", new String[] {null, "Choose one-to-one, a circle, or either"}));

    private static final Map<String, String> LABELS = Map.of("name", "Your name", "institution", "The institution",
            "capacity", "Mentees at once", "weeklyAvailability", "Weekly window");

    static String words(String field, String message) {
        if ("circles".equals(field) && message != null && message.contains(" leads ")) {
            // circles below the circles the mentor leads now: the message says how many, keep it
            return message.startsWith("circles: ") ? message.substring("circles: ".length()) : message;
        }
        String[] words = WORDS.get(field);
        if (words == null || message == null) {
            return message;
        }
        boolean missing = message.contains("is required") || message.contains("needs at least");
        String chosen = missing ? words[0] : words[1];
        if (chosen != null) {
            return chosen;
        }
        if ("weeklyAvailability".equals(field)) {
            return windowWords(message);
        }
        String label = LABELS.getOrDefault(field, field);
        return message.replace(field + " ", label + " ");
    }

    /** {@code weeklyAvailability[1].end '25:00' ...} as {@code Weekly window 2 end '25:00' ...}. */
    private static String windowWords(String message) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("weeklyAvailability\\[(\\d+)\\](\\.(\\w+))?")
                .matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String part = m.group(3) == null ? "" : " " + ("day".equals(m.group(3)) ? "day" : m.group(3).equals("start")
                    ? "start" : "end");
            m.appendReplacement(out, "Weekly window " + (Integer.parseInt(m.group(1)) + 1) + part);
        }
        m.appendTail(out);
        return out.toString();
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
