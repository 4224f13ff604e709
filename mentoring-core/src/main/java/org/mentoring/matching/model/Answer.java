package org.mentoring.matching.model;

/** What one side says to an offer. */
public enum Answer {
    ACCEPTED,
    DECLINED
}
