package org.mentoring.web.page;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.mentoring.people.CareerStage;
import org.mentoring.taxonomy.TaxonomySource;
import org.springframework.stereotype.Component;

/**
 * The names participants read for the codes the store keeps, and the lists their pickers offer: countries,
 * languages and time zones by name, career stages in words, and the programme's goals and topics. Forms post the
 * codes; pages show the names.
 */
@Component("pageNames")
public class Names {

    /** One entry of a picker: the code a form posts and the name a person reads. */
    public record Choice(String code, String name) {
    }

    private static final List<Choice> COUNTRIES = Arrays.stream(Locale.getISOCountries())
            .map(code -> new Choice(code, new Locale("", code).getDisplayCountry(Locale.ENGLISH)))
            .sorted(Comparator.comparing(Choice::name)).toList();

    private static final List<Choice> LANGUAGES = Arrays.stream(Locale.getISOLanguages())
            .filter(code -> code.length() == 2)
            .map(code -> new Choice(code, Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH)))
            .filter(choice -> !choice.name().isEmpty() && !choice.name().equals(choice.code()))
            .sorted(Comparator.comparing(Choice::name)).toList();

    /** Region zones (no Etc/ or SystemV/ aliases), by city. */
    private static final List<Choice> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(zone -> zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/"))
            .map(zone -> new Choice(zone, zoneLabel(zone)))
            .sorted(Comparator.comparing(Choice::name)).toList();

    /** The programme's taxonomy and topics, read at each use: an admin may change them. */
    private final TaxonomySource taxonomy;

    public Names(TaxonomySource taxonomy) {
        this.taxonomy = taxonomy;
    }

    public List<Choice> countries() {
        return COUNTRIES;
    }

    public List<Choice> languages() {
        return LANGUAGES;
    }

    public List<Choice> zones() {
        return ZONES;
    }

    /** The zones, and first the one saved when the list does not have it (such as UTC), so that a save keeps it. */
    public List<Choice> zonesWith(String saved) {
        if (saved == null || saved.isBlank() || ZONES.stream().anyMatch(z -> z.code().equals(saved))) {
            return ZONES;
        }
        List<Choice> all = new java.util.ArrayList<>();
        all.add(new Choice(saved, validZone(saved) ? zoneLabel(saved) : saved));
        all.addAll(ZONES);
        return all;
    }

    /** The chosen entries first (so that they show without scrolling), then the rest; a chosen code not listed too. */
    public static List<Choice> chosenFirst(List<Choice> all, List<String> chosen) {
        List<Choice> ordered = new java.util.ArrayList<>(all.stream().filter(c -> chosen.contains(c.code())).toList());
        chosen.stream().filter(code -> all.stream().noneMatch(c -> c.code().equals(code)))
                .forEach(code -> ordered.add(new Choice(code, code)));
        all.stream().filter(c -> !chosen.contains(c.code())).forEach(ordered::add);
        return ordered;
    }

    /** The programme's goals and mentoring topics, in its order. */
    public List<Choice> topics() {
        return taxonomy.topics().all().stream().map(topic -> new Choice(topic.code(), topic.name())).toList();
    }

    /** The career stages in words, in their order. */
    public List<Choice> careerStages() {
        return Arrays.stream(CareerStage.values()).map(stage -> new Choice(stage.name(), careerStage(stage))).toList();
    }

    public static String careerStage(CareerStage stage) {
        return switch (stage) {
            case STUDENT -> "Student";
            case PHD_CANDIDATE -> "PhD candidate";
            case POSTDOC -> "Postdoctoral researcher";
            case EARLY_CAREER_FACULTY -> "Early-career faculty";
            case PRACTITIONER -> "Practitioner";
        };
    }

    public String country(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
        return name.isEmpty() || name.equalsIgnoreCase(code) ? code : name;
    }

    public String language(String code) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
        return name.isEmpty() ? code : name;
    }

    public String languages(Collection<String> codes) {
        return String.join(", ", codes.stream().map(this::language).sorted().toList());
    }

    public String topic(String code) {
        return taxonomy.topics().nameOf(code);
    }

    public String topics(Collection<String> codes) {
        return String.join(", ", codes.stream().map(this::topic).toList());
    }

    public String domain(String code) {
        return taxonomy.current().find(code).map(domain -> domain.name()).orElse(code);
    }

    public String domains(Collection<String> codes) {
        return String.join(", ", codes.stream().map(this::domain).toList());
    }

    /**
     * For example "Nairobi (Africa/Nairobi, UTC+3)"; the offset is today's. A zone with no city says its offset
     * alone: "UTC", "GMT+3 (Etc/GMT+3, UTC-3)" keeps its code, as its sign is the reverse of the offset's.
     */
    public static String zoneLabel(String zone) {
        ZoneId id = ZoneId.of(zone);
        String city = zone.substring(zone.lastIndexOf('/') + 1).replace('_', ' ');
        ZoneOffset offset = id.getRules().getOffset(Instant.now());
        int minutes = offset.getTotalSeconds() / 60;
        String utc = minutes == 0 ? "UTC" : "UTC" + (minutes < 0 ? "-" : "+") + Math.abs(minutes) / 60
                + (Math.abs(minutes) % 60 == 0 ? "" : String.format(":%02d", Math.abs(minutes) % 60));
        if (!zone.contains("/")) {
            return zone.equals(utc) ? utc : zone + " (" + utc + ")";
        }
        return city + " (" + zone + ", " + utc + ")";
    }

    private static boolean validZone(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }
}
