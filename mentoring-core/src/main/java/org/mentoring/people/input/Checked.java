package org.mentoring.people.input;

import java.util.List;
import org.mentoring.common.InvalidInputException;
import org.mentoring.common.InvalidInputException.FieldError;

/**
 * The outcome of checking one input: the domain record when it is valid, else every wrong field (paths relative to
 * the record, for example {@code weeklyAvailability[1].end}).
 */
public record Checked<T>(T value, List<FieldError> errors) {

    public Checked {
        errors = List.copyOf(errors);
        if ((value == null) == errors.isEmpty()) {
            throw new IllegalArgumentException("a checked input has a value or errors, not both");
        }
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /**
     * The value, or an {@link InvalidInputException} naming every wrong field.
     *
     * @param what how to name the record in the message, for example {@code mentor m-017}
     */
    public T orThrow(String what) {
        if (!valid()) {
            throw new InvalidInputException(what + " has " + errors.size()
                    + (errors.size() == 1 ? " invalid field" : " invalid fields"), errors);
        }
        return value;
    }
}
