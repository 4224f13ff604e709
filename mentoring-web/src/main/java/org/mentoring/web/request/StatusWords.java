package org.mentoring.web.request;

import org.mentoring.people.RequestStatus;

/** A request's status as its researcher reads it. */
final class StatusWords {

    private StatusWords() {
    }

    /** The status, a seat in a mentoring circle said as such (offered while PROPOSED, held while MATCHED). */
    static String of(RequestStatus status, boolean seat) {
        if (seat && status == RequestStatus.PROPOSED) {
            return "A circle seat is offered";
        }
        if (seat && status == RequestStatus.MATCHED) {
            return "In a mentoring circle";
        }
        return of(status);
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
