package org.mentoring.analytics;

import java.util.Locale;
import java.util.Map;

/**
 * World Bank income groups (classification for fiscal year 2026, published July 2025) of the countries the demo
 * community and the tests use; any other country is {@link #UNKNOWN}. A small static table on purpose: nothing is
 * downloaded at run time.
 */
final class IncomeGroups {

    static final String HIGH = "HIGH";
    static final String UPPER_MIDDLE = "UPPER_MIDDLE";
    static final String LOWER_MIDDLE = "LOWER_MIDDLE";
    static final String LOW = "LOW";
    static final String UNKNOWN = "UNKNOWN";

    private static final Map<String, String> GROUPS = Map.ofEntries(
            Map.entry("AU", HIGH), Map.entry("CA", HIGH), Map.entry("FR", HIGH), Map.entry("GB", HIGH),
            Map.entry("US", HIGH), Map.entry("DE", HIGH), Map.entry("CH", HIGH), Map.entry("NL", HIGH),
            Map.entry("BR", UPPER_MIDDLE), Map.entry("CO", UPPER_MIDDLE), Map.entry("MX", UPPER_MIDDLE),
            Map.entry("ZA", UPPER_MIDDLE), Map.entry("CN", UPPER_MIDDLE), Map.entry("PE", UPPER_MIDDLE),
            Map.entry("BD", LOWER_MIDDLE), Map.entry("IN", LOWER_MIDDLE), Map.entry("KE", LOWER_MIDDLE),
            Map.entry("NG", LOWER_MIDDLE), Map.entry("SN", LOWER_MIDDLE), Map.entry("GH", LOWER_MIDDLE),
            Map.entry("PK", LOWER_MIDDLE), Map.entry("ET", LOW), Map.entry("UG", LOW), Map.entry("MW", LOW));

    private IncomeGroups() {
    }

    /** The income group of an ISO 3166 alpha-2 country code. */
    static String of(String country) {
        return country == null ? UNKNOWN : GROUPS.getOrDefault(country.toUpperCase(Locale.ROOT), UNKNOWN);
    }
}
