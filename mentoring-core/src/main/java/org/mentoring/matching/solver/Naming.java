package org.mentoring.matching.solver;

import java.util.Locale;

/**
 * The names people read for the codes an explanation mentions: research domains and goals or topics by the
 * programme's names, countries by their English names. Until the application registers the programme's lists
 * ({@link Explanations#useNaming}), domains read as the last part of their code and topics as their code.
 */
public interface Naming {

    /** Names from codes alone, for runs outside an application (tests, benchmarks). */
    Naming CODES = new Naming() {
        @Override
        public String domain(String code) {
            return code.substring(code.lastIndexOf('/') + 1);
        }

        @Override
        public String topic(String code) {
            return code;
        }
    };

    /**
     * These names, each looked up once and then remembered (safe for several threads): for the explanations of one
     * run, so that a name read from the store is read once rather than once per proposal.
     */
    static Naming remembering(Naming names) {
        java.util.Map<String, String> domains = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.Map<String, String> topics = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.Map<String, String> countries = new java.util.concurrent.ConcurrentHashMap<>();
        return new Naming() {
            @Override
            public String domain(String code) {
                return domains.computeIfAbsent(code, names::domain);
            }

            @Override
            public String topic(String code) {
                return topics.computeIfAbsent(code, names::topic);
            }

            @Override
            public String country(String code) {
                return code == null ? names.country(null) : countries.computeIfAbsent(code, names::country);
            }
        };
    }

    /** The name of a taxonomy code, for example "Heat and health" for planetary-health/climate-health/heat-health. */
    String domain(String code);

    /** The name of a goal or mentoring topic, for example "Grant writing" for grant-writing. */
    String topic(String code);

    /** A country's English name, for example "Kenya" for KE; the code when it names no country. */
    default String country(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
        return name.isEmpty() || name.equalsIgnoreCase(code) ? code : name;
    }
}
