package org.mentoring.common;

/**
 * The request clashes with the current state: a stale version, a duplicate key, a run already solving, a
 * transition the state machine refuses (the API answers 409).
 *
 * @see #code() a short stable code for the problem type, for example {@code run-already-active}
 */
public class ConflictException extends RuntimeException {

    private final String code;
    private final String field;

    public ConflictException(String code, String message) {
        this(code, null, message);
    }

    /** @param field the input field whose value clashes with the state (the API names it in its errors), or null */
    public ConflictException(String code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public String code() {
        return code;
    }

    /** The input field whose value clashes with the state, or null when the clash is not one field's. */
    public String field() {
        return field;
    }
}
