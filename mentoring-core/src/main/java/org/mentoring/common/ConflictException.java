package org.mentoring.common;

/**
 * The request clashes with the current state: a stale version, a duplicate key, a run already solving, a
 * transition the state machine refuses (the API answers 409).
 *
 * @see #code() a short stable code for the problem type, for example {@code run-already-active}
 */
public class ConflictException extends RuntimeException {

    private final String code;

    public ConflictException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
