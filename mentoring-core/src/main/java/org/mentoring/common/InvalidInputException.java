package org.mentoring.common;

import java.util.List;

/**
 * Input that breaks a rule, with every wrong field named (the API answers 400 or 422). Nothing was written.
 *
 * @see FieldError
 */
public class InvalidInputException extends RuntimeException {

    /** One wrong field: its path (for example {@code mentors[3].timeZone}) and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    public InvalidInputException(String message, List<FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String message) {
        this(message, List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
