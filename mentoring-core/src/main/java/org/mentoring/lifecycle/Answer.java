package org.mentoring.lifecycle;

/** What one side says to an offer. */
public enum Answer {
    ACCEPTED,
    DECLINED
}
