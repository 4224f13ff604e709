package org.mentoring.matching.model;

/**
 * Where a proposal is in its life. A run saves its proposals as DRAFT; publishing the run makes them OFFERED (or
 * WITHDRAWN when the request is no longer open); both sides accepting makes one ACCEPTED, either side declining
 * makes it DECLINED; not answered by both sides by its deadline ({@code answerBy}), it becomes EXPIRED. ACCEPTED,
 * DECLINED, WITHDRAWN and EXPIRED are final.
 */
public enum OfferStatus {
    /** Saved by its run, not shown to anyone but admins. */
    DRAFT,
    /** Published: waiting for both sides' answers. */
    OFFERED,
    /** Both sides accepted; an ACTIVE mentorship exists for it. */
    ACCEPTED,
    /** One side declined; the request is open again and never paired with this mentor again. */
    DECLINED,
    /** Not offered after all: its request was no longer open, or its mentor had no free place, at publication. */
    WITHDRAWN,
    /** Not answered by both sides before its deadline: its place is free again and its request OPEN; unlike a
     * decline, the pair may be proposed again. */
    EXPIRED
}
