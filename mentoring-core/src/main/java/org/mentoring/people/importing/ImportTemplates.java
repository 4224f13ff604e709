package org.mentoring.people.importing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mentoring.common.NotFoundException;

/**
 * The files a coordinator fills in: for mentors and for requests, the columns (which may be left out) and a template
 * with one example row, as CSV (UTF-8 with a byte order mark, which every spreadsheet opens with its accents) or as
 * an Excel workbook.
 */
public final class ImportTemplates {

    /** The templates by file name. */
    public static final List<String> NAMES = List.of("mentors.csv", "requests.csv", "mentors.xlsx", "requests.xlsx");

    static final Map<String, String> MENTOR_EXAMPLE = Map.ofEntries(Map.entry("externalId", "m-017"),
            Map.entry("name", "Dr. A. Mwangi"), Map.entry("email", "a.mwangi@example.org"),
            Map.entry("institution", "University of Nairobi"), Map.entry("country", "KE"),
            Map.entry("timeZone", "Africa/Nairobi"), Map.entry("languages", "en;sw"),
            Map.entry("domains", "planetary-health/climate-health/heat-health"),
            Map.entry("topics", "grant-writing;publishing"), Map.entry("capacity", "3"),
            Map.entry("availableFrom", "2026-01-01"), Map.entry("availableUntil", "2026-12-31"),
            Map.entry("weeklyAvailability", "TUE 14:00-16:00;THU 09:00-10:30"), Map.entry("circles", "1"));

    static final Map<String, String> REQUEST_EXAMPLE = Map.ofEntries(Map.entry("externalId", "r-104"),
            Map.entry("name", "J. Singh"), Map.entry("email", "j.singh@example.org"),
            Map.entry("institution", "University of British Columbia"), Map.entry("country", "CA"),
            Map.entry("timeZone", "America/Vancouver"), Map.entry("careerStage", "POSTDOC"),
            Map.entry("languages", "en"),
            Map.entry("domains", "planetary-health/climate-health/heat-health;methods/epidemiology"),
            Map.entry("goals", "grant-writing"), Map.entry("startDate", "2026-02-01"),
            Map.entry("durationMonths", "6"), Map.entry("minOverlapMinutes", "60"),
            Map.entry("weeklyAvailability", "TUE 07:00-09:00"), Map.entry("preferredMentorIds", "m-017"),
            Map.entry("excludedMentorIds", ""), Map.entry("priority", "false"), Map.entry("format", "EITHER"));

    private ImportTemplates() {
    }

    /** A column of a file: its name, whether it may be left out, and what the example row has in it. */
    public record Column(String name, boolean optional, String example) {
    }

    /** The columns of the mentors file ({@code mentors}) or the requests file ({@code requests}), in order. */
    public static List<Column> columns(String kind) {
        boolean mentors = isMentors(kind);
        List<String> names = mentors ? CsvPeopleReader.MENTOR_COLUMNS : CsvPeopleReader.REQUEST_COLUMNS;
        Set<String> optional = CsvPeopleReader.optionalColumns(mentors);
        Map<String, String> example = mentors ? MENTOR_EXAMPLE : REQUEST_EXAMPLE;
        return names.stream().map(name -> new Column(name, optional.contains(name), example.getOrDefault(name, "")))
                .toList();
    }

    /**
     * A template by its file name, one of {@link #NAMES}.
     *
     * @throws NotFoundException for any other name
     */
    public static byte[] file(String name) {
        if (!NAMES.contains(name)) {
            throw new NotFoundException("import template", name);
        }
        boolean mentors = name.startsWith("mentors");
        List<String> columns = mentors ? CsvPeopleReader.MENTOR_COLUMNS : CsvPeopleReader.REQUEST_COLUMNS;
        Map<String, String> example = mentors ? MENTOR_EXAMPLE : REQUEST_EXAMPLE;
        return name.endsWith(".xlsx") ? SpreadsheetFiles.workbookTemplate(mentors ? "mentors" : "requests", columns,
                example) : CsvPeopleReader.template(columns, example).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The Content-Type of a template. */
    public static String contentType(String name) {
        return name.endsWith(".xlsx") ? SpreadsheetFiles.XLSX : "text/csv; charset=UTF-8";
    }

    private static boolean isMentors(String kind) {
        return "mentors".equals(kind) || "mentor".equals(kind);
    }
}
