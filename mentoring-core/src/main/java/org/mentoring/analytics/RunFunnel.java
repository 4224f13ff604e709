package org.mentoring.analytics;

/**
 * What became of a run's proposals once published: from proposed through the answers to the mentorships' ends.
 *
 * @param proposed proposals the run made (overrides included)
 * @param offered proposals published as offers to both sides
 * @param withdrawn proposals not offered after all (request changed or mentor full at publication)
 * @param waiting offers still waiting for an answer
 * @param accepted offers both sides accepted
 * @param declined offers one side declined
 * @param expired offers not answered before their deadline
 * @param active mentorships of its offers still going
 * @param completed mentorships of its offers that ran their course
 * @param endedEarly mentorships of its offers ended before their term
 */
public record RunFunnel(int proposed, int offered, int withdrawn, int waiting, int accepted, int declined,
        int expired, int active, int completed, int endedEarly) {
}
