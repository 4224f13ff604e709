package org.mentoring.api.problem;

import java.io.IOException;

/** A request body longer than the API accepts; an IOException so that it surfaces from whatever reads the body. */
public class BodyTooLargeException extends IOException {

    private final long limit;

    public BodyTooLargeException(long limit) {
        super("The request body is larger than the limit of " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
