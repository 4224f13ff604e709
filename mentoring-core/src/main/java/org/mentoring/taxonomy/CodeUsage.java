package org.mentoring.taxonomy;

/** How many mentors and requests name one code (a domain, or a topic or goal). */
public record CodeUsage(int mentors, int requests) {

    public static final CodeUsage NONE = new CodeUsage(0, 0);

    public int people() {
        return mentors + requests;
    }

    /** For example "3 mentors, 1 request". */
    public String describe() {
        return mentors + (mentors == 1 ? " mentor, " : " mentors, ") + requests
                + (requests == 1 ? " request" : " requests");
    }
}
