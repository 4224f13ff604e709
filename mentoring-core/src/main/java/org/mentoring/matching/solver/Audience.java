package org.mentoring.matching.solver;

/** Who reads an explanation: each side reads "you" as themself, an admin reads both in the third person. */
public enum Audience {
    /** The researcher who made the request: the mentor is "the mentor", the request is "yours". */
    RESEARCHER,
    /** The mentor proposed for it: the researcher is "they", the mentor's own profile is "yours". */
    MENTOR,
    /** A programme coordinator: both named in the third person. */
    ADMIN
}
