package org.mentoring.web.request;

import org.mentoring.people.RequestStatus;

/** A request's status as its researcher reads it. */
final class StatusWords {

    private StatusWords() {
    }

    static String of(RequestStatus status) {
        return switch (status) {
            case OPEN -> "Waiting for a mentor";
            case PROPOSED -> "A mentor is proposed";
            case MATCHED -> "Matched";
            case WITHDRAWN -> "Withdrawn";
        };
    }
}
