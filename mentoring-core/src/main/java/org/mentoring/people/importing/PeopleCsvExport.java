package org.mentoring.people.importing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.mentoring.common.SpreadsheetCells;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.WeeklySlot;

/**
 * Mentors and requests as the files they are imported from: the same columns ({@link CsvPeopleReader}), lists joined
 * with {@code ;}, availability written {@code TUE 14:00-16:00}, so an exported file edited in a spreadsheet imports
 * back; UTF-8 with a byte order mark, CRLF line ends, cells a spreadsheet would take for formulas quoted.
 */
public final class PeopleCsvExport {

    private PeopleCsvExport() {
    }

    public static void mentors(Collection<Mentor> mentors, Appendable out) throws IOException {
        write(CsvPeopleReader.MENTOR_COLUMNS, mentors, mentor -> List.of(mentor.externalId(), mentor.name(),
                mentor.email(), nullToEmpty(mentor.institution()), mentor.country(), mentor.timeZone().getId(),
                join(mentor.languages()), join(mentor.domains()), join(mentor.topics()),
                Integer.toString(mentor.capacity()), mentor.availableFrom().toString(),
                mentor.availableUntil() == null ? "" : mentor.availableUntil().toString(),
                slots(mentor.weeklyAvailability()), Integer.toString(mentor.circles())), out);
    }

    public static void requests(Collection<MentorshipRequest> requests, Appendable out) throws IOException {
        write(CsvPeopleReader.REQUEST_COLUMNS, requests, request -> List.of(request.externalId(), request.name(),
                request.email(), nullToEmpty(request.institution()), request.country(), request.timeZone().getId(),
                request.careerStage().name(), join(request.languages()), join(request.domains()),
                join(request.goals()), request.startDate().toString(), Integer.toString(request.durationMonths()),
                Integer.toString(request.minOverlapMinutes()), slots(request.weeklyAvailability()),
                join(request.preferredMentorIds()), join(request.excludedMentorIds()),
                Boolean.toString(request.priority()), request.format().name()), out);
    }

    private static <T> void write(List<String> columns, Collection<T> records, Function<T, List<String>> row,
            Appendable out) throws IOException {
        out.append('\uFEFF');
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
        printer.printRecord(columns);
        for (T record : records) {
            List<String> values = row.apply(record);
            List<String> cells = new ArrayList<>(columns.size());
            for (int i = 0; i < columns.size(); i++) {
                cells.add(i < values.size() ? SpreadsheetCells.text(values.get(i)) : "");
            }
            printer.printRecord(cells);
        }
        printer.flush();
    }

    private static String join(Collection<String> values) {
        if (values == null) {
            return "";
        }
        // a list keeps its order (ranked domains, preferred mentors); a set is written sorted, the same every time
        return String.join(";", values instanceof List<String> list ? list : values.stream().sorted().toList());
    }

    private static String slots(List<WeeklySlot> slots) {
        List<String> texts = new ArrayList<>();
        for (WeeklySlot slot : slots) {
            texts.add(slot.day().name().substring(0, 3).toUpperCase(Locale.ROOT) + " " + slot.start() + "-"
                    + (slot.endMinuteOfDay() == 24 * 60 ? "24:00" : slot.end().toString()));
        }
        return String.join(";", texts);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
