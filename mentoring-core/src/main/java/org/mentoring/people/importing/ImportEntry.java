package org.mentoring.people.importing;

import java.util.List;
import org.mentoring.common.InvalidInputException.FieldError;

/**
 * One record of an import with where it came from.
 *
 * @param location the record in words, for example {@code mentors[3]} or {@code mentors.csv line 5}
 * @param fieldPrefix what goes before a field name to name it in the whole import, for example {@code mentors[3].}
 * @param readErrors what was already wrong when reading it (fields relative to the record), for example a CSV slot
 *     not written like {@code TUE 14:00-16:00}
 */
public record ImportEntry<T>(String location, String fieldPrefix, T record, List<FieldError> readErrors) {

    public ImportEntry {
        readErrors = List.copyOf(readErrors);
    }

    /** An entry of a JSON array: {@code mentors[3]}, fields {@code mentors[3].timeZone}. */
    public static <T> ImportEntry<T> json(String array, int index, T record) {
        String location = array + "[" + index + "]";
        return new ImportEntry<>(location, location + ".", record, List.of());
    }

    /** A row of a CSV file: {@code mentors.csv line 5}, fields {@code mentors.csv line 5: timeZone}. */
    public static <T> ImportEntry<T> csv(String fileName, long line, T record, List<FieldError> readErrors) {
        String location = fileName + " line " + line;
        return new ImportEntry<>(location, location + ": ", record, readErrors);
    }

    /** The field's name in the whole import. */
    public String field(String relative) {
        return fieldPrefix + relative;
    }
}
