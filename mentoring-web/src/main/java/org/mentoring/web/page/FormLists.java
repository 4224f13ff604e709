package org.mentoring.web.page;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;
import org.mentoring.people.WeeklySlot;
import org.mentoring.people.input.SlotInput;

/** Reading and writing the list fields of the people forms: comma-separated words and weekly slot rows. */
public final class FormLists {

    /** One row of a weekly grid form: day, start and end as the form holds them. */
    public record SlotRow(String day, String start, String end) {
    }

    /** The days a slot row offers, Monday first. */
    public static final List<DayOfWeek> DAYS = List.of(DayOfWeek.values());

    private FormLists() {
    }

    /** {@code "en, fr"} as {@code [en, fr]}, blanks dropped. */
    public static List<String> split(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("[,;\\n]")).map(String::strip).filter(word -> !word.isEmpty()).toList();
    }

    /** The words sorted, comma-separated, for a text field. */
    public static String join(Collection<String> words) {
        return words.stream().sorted().collect(Collectors.joining(", "));
    }

    /** The rows of a submitted form as slot inputs; rows left wholly empty are dropped. */
    public static List<SlotInput> slots(List<String> days, List<String> starts, List<String> ends) {
        List<SlotInput> slots = new ArrayList<>();
        int rows = Math.max(size(days), Math.max(size(starts), size(ends)));
        for (int i = 0; i < rows; i++) {
            String start = at(starts, i);
            String end = at(ends, i);
            if (start.isEmpty() && end.isEmpty()) {
                continue;
            }
            slots.add(new SlotInput(at(days, i), start, end));
        }
        return slots;
    }

    /** Rows for the form: the slots as they are, or as submitted, plus one empty row to fill in. */
    public static List<SlotRow> rows(List<SlotInput> slots) {
        List<SlotRow> rows = new ArrayList<>();
        slots.forEach(slot -> rows.add(new SlotRow(slot.day(), slot.start(), slot.end())));
        rows.add(new SlotRow("MONDAY", "", ""));
        return rows;
    }

    /** Rows for stored slots. */
    public static List<SlotRow> rowsOf(List<WeeklySlot> slots) {
        return rows(slots.stream().map(SlotInput::of).toList());
    }

    /**
     * The ranked choice after a form: the ranked list as it was sent, kept only where still picked, then the newly
     * picked in the order of the picks.
     */
    public static List<String> ranked(List<String> ranking, List<String> picked) {
        LinkedHashSet<String> result = new LinkedHashSet<>();
        List<String> picks = picked == null ? List.of() : picked;
        if (ranking != null) {
            ranking.stream().filter(picks::contains).forEach(result::add);
        }
        result.addAll(picks);
        return List.copyOf(result);
    }

    private static int size(List<String> list) {
        return list == null ? 0 : list.size();
    }

    private static String at(List<String> list, int i) {
        return list == null || i >= list.size() || list.get(i) == null ? "" : list.get(i).strip();
    }
}
