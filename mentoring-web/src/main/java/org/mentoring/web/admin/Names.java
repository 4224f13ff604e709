package org.mentoring.web.admin;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.mentoring.taxonomy.Domain;
import org.mentoring.taxonomy.Taxonomy;
import org.mentoring.taxonomy.Topics;
import org.springframework.stereotype.Component;

/**
 * Names for the codes a coordinator's pages show ({@code ${@names.languages(...)}} in a template): domains by their
 * taxonomy name, languages and countries by their English name, topics by the programme's name, statuses in words.
 */
@Component("names")
public class Names {

    private final Taxonomy taxonomy;
    private final Topics topics;

    Names(Taxonomy taxonomy, Topics topics) {
        this.taxonomy = taxonomy;
        this.topics = topics;
    }

    /** A domain for a picker: its name, indented by its depth. */
    public record DomainOption(String code, String label) {
    }

    /** Every domain of the taxonomy, in its order, for a filter's picker. */
    public List<DomainOption> domainOptions() {
        return taxonomy.domains().stream()
                .map(d -> new DomainOption(d.code(), "\u2003".repeat(Math.max(0, d.depth() - 1)) + d.name())).toList();
    }

    public String domain(String code) {
        return code == null ? "" : taxonomy.find(code).map(Domain::name).orElse(code);
    }

    public String domains(Collection<String> codes) {
        return codes == null ? "" : codes.stream().map(this::domain).collect(Collectors.joining("; "));
    }

    public String language(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = new Locale(code).getDisplayLanguage(Locale.ENGLISH);
        return name.isBlank() || name.equalsIgnoreCase(code) ? code : name;
    }

    public String languages(Collection<String> codes) {
        return codes == null ? "" : codes.stream().map(this::language).sorted().collect(Collectors.joining(", "));
    }

    public String topic(String code) {
        return code == null ? "" : topics.nameOf(code);
    }

    public String topicList(Collection<String> codes) {
        return codes == null ? "" : codes.stream().map(this::topic).sorted().collect(Collectors.joining(", "));
    }

    public String country(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
        return name.isBlank() || name.equalsIgnoreCase(code) ? code : name;
    }

    /** An enum constant in words: {@code EARLY_CAREER_FACULTY} is "Early career faculty". */
    public String words(Object constant) {
        if (constant == null) {
            return "";
        }
        String text = switch (constant.toString()) {
            case "OPEN" -> "Waiting for a mentor";
            case "PROPOSED" -> "Offered a mentor, waiting for answers";
            case "MATCHED" -> "Matched";
            case "WITHDRAWN" -> "Withdrawn";
            case "PHD_CANDIDATE" -> "PhD candidate";
            case "NOT_SENT" -> "Not invited yet";
            case "SENT" -> "Invited, link waiting";
            case "EXPIRED" -> "Link expired";
            case "ADMIN" -> "Coordinator";
            case "ENDED_EARLY" -> "Ended early";
            case "TAKING_MENTEES" -> "Taking mentees";
            case "PAUSED" -> "Paused (capacity 0)";
            default -> {
                String lower = constant.toString().replace('_', ' ').toLowerCase(Locale.ROOT);
                yield Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
            }
        };
        return text;
    }

    /** A World Bank income group (as the analytics name it) in words. */
    public String incomeGroup(String code) {
        return switch (code == null ? "" : code) {
            case "HIGH" -> "High income";
            case "UPPER_MIDDLE" -> "Upper-middle income";
            case "LOWER_MIDDLE" -> "Lower-middle income";
            case "LOW" -> "Low income";
            default -> "Country not classified";
        };
    }
}
