package org.mentoring.web.admin;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.mentoring.taxonomy.TaxonomySource;
import org.springframework.stereotype.Component;

/**
 * Names for the codes a coordinator's pages show ({@code ${@names.languages(...)}} in a template), as the participants'
 * pages name them ({@link org.mentoring.web.page.Names}), plus the domains for a filter and statuses in words.
 */
@Component("names")
public class Names {

    private final TaxonomySource taxonomy;
    private final org.mentoring.web.page.Names names;

    Names(TaxonomySource taxonomy, org.mentoring.web.page.Names names) {
        this.taxonomy = taxonomy;
        this.names = names;
    }

    /** A domain for a picker: its name, indented by its depth. */
    public record DomainOption(String code, String label) {
    }

    /** Every domain of the taxonomy, in its order, for a filter's picker. */
    public List<DomainOption> domainOptions() {
        return taxonomy.current().domains().stream()
                .map(d -> new DomainOption(d.code(), "\u2003".repeat(Math.max(0, d.depth() - 1)) + d.name())).toList();
    }

    public String domain(String code) {
        return code == null ? "" : names.domain(code);
    }

    public String domains(Collection<String> codes) {
        return codes == null ? "" : codes.stream().map(this::domain).collect(Collectors.joining("; "));
    }

    public String language(String code) {
        return code == null || code.isBlank() ? "" : names.language(code);
    }

    public String languages(Collection<String> codes) {
        return codes == null ? "" : codes.stream().map(this::language).sorted().collect(Collectors.joining(", "));
    }

    public String topic(String code) {
        return code == null ? "" : names.topic(code);
    }

    public String topicList(Collection<String> codes) {
        return codes == null ? "" : codes.stream().map(this::topic).sorted().collect(Collectors.joining(", "));
    }

    public String country(String code) {
        return code == null || code.isBlank() ? "" : names.country(code);
    }

    /** A time zone by its city and today's offset: "Nairobi (Africa/Nairobi, UTC+3)". */
    public String zone(java.time.ZoneId zone) {
        return zone == null ? "" : org.mentoring.web.page.Names.zoneLabel(zone.getId());
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
