package org.mentoring.common;

import java.util.List;
import org.mentoring.common.InvalidInputException.FieldError;

/**
 * The signed-in person may change this record, but not these fields of it (the API answers 403 naming each one):
 * for example a researcher setting their request's equity priority. Nothing was written.
 */
public class ForbiddenFieldsException extends ForbiddenException {

    private final List<FieldError> errors;

    public ForbiddenFieldsException(List<FieldError> errors) {
        super("Only a programme coordinator may set " + String.join(", ",
                errors.stream().map(FieldError::field).toList()) + ": " + String.join("; ",
                errors.stream().map(FieldError::message).toList()));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
