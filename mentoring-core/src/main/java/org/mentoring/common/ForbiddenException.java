package org.mentoring.common;

/**
 * The signed-in person may not see or change this (the API answers 403). The message names no one else's data.
 */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
