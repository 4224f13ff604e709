package org.mentoring.matching.model;

/** One of the two people an offer pairs. */
public enum Side {
    /** The researcher who made the request. */
    RESEARCHER,
    /** The mentor proposed for it. */
    MENTOR
}
