package org.mentoring.analytics;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mentoring.matching.model.UnmatchedRequest;

/**
 * The handful of kinds of reason a run leaves a request unmatched, for a summary a coordinator reads at a glance.
 * The one place that maps the engine's reasons (worded by the solver's unmatched diagnosis) to categories.
 */
public enum UnmatchedCategory {
    // declared from the closest miss to the farthest: a request's category is the first its reasons name
    /** A mentor could still take the request: the run ended before placing it. */
    TIME_LIMIT("Run ended before placing it"),
    /** Mentors who fit in every other way have no free place. */
    CAPACITY("Mentors at capacity"),
    /** Mentors who share a language and are available have too little weekly time overlapping the researcher's. */
    TIME("No time in common"),
    /** Mentors who share a language are not available on the request's start date. */
    DATES("Dates do not fit"),
    /** No mentor, or none who is not excluded, speaks one of the researcher's languages. */
    LANGUAGE("No language shared"),
    /** Every mentor is excluded by the request, declined by it, or the same person. */
    EXCLUDED("Excluded or declined"),
    /** Nobody works in the request's first-choice domain. */
    DOMAIN("No mentor in the first-choice domain"),
    /**
     * The request asked for a mentoring circle and none could take it: the run formed no circles, no mentor leads one
     * on the circles' start date, or those that fit were full or found too few members.
     */
    CIRCLE("No circle could take them"),
    /** Any other reason. */
    OTHER("Other reasons");

    private final String label;

    UnmatchedCategory(String label) {
        this.label = label;
    }

    /** The category in words, as a page shows it. */
    public String label() {
        return label;
    }

    /** Every category a reason speaks of (one reason may name several: "2 at capacity; 1 shares no language"). */
    public static Set<UnmatchedCategory> of(String reason) {
        Set<UnmatchedCategory> found = EnumSet.noneOf(UnmatchedCategory.class);
        String text = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        if (text.contains("circle")) {
            return EnumSet.of(circleCategory(text));
        }
        if (text.contains("language")) {
            found.add(LANGUAGE);
        }
        if (text.contains("overlapping") || text.contains("time together")) {
            found.add(TIME);
        }
        if (text.contains("start date") || text.contains("not available")) {
            found.add(DATES);
        }
        if (text.contains("at capacity") || text.contains("no free place")) {
            found.add(CAPACITY);
        }
        if (text.contains("excluded") || text.contains("declined") || text.contains("conflict")) {
            found.add(EXCLUDED);
        }
        if (text.contains("no mentor works in")) {
            found.add(DOMAIN);
        }
        if (text.contains("could still take") || text.contains("time limit")) {
            found.add(TIME_LIMIT);
        }
        if (found.isEmpty()) {
            found.add(OTHER);
        }
        return found;
    }

    /** A reason the circle step gives (each names circles) in words of its own. */
    private static UnmatchedCategory circleCategory(String text) {
        if (text.contains("shares your language")) {
            return LANGUAGE;
        }
        if (text.contains("meeting time fits")) {
            return TIME;
        }
        if (text.contains("excluded")) {
            return EXCLUDED;
        }
        return CIRCLE;
    }

    /**
     * The category of a request's reasons: the closest any mentor came to taking it. The engine checks each mentor's
     * rules in turn (conflict, language, dates, time, capacity), so a mentor "at capacity" passed every other rule:
     * a request with such a mentor is unmatched for want of places, whatever the other mentors broke.
     */
    public static UnmatchedCategory primary(Collection<String> reasons) {
        Set<UnmatchedCategory> found = EnumSet.noneOf(UnmatchedCategory.class);
        reasons.forEach(reason -> found.addAll(of(reason)));
        return found.isEmpty() ? OTHER : found.iterator().next();
    }

    /**
     * How many unmatched requests fall in each category, most common first; each request counts once, in its
     * {@link #primary} category. Categories no request has are left out.
     */
    public static Map<UnmatchedCategory, Long> count(List<UnmatchedRequest> unmatched) {
        Map<UnmatchedCategory, Long> counts = new LinkedHashMap<>();
        for (UnmatchedRequest request : unmatched) {
            counts.merge(primary(request.reasons()), 1L, Long::sum);
        }
        Map<UnmatchedCategory, Long> ordered = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<UnmatchedCategory, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).forEachOrdered(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }
}
