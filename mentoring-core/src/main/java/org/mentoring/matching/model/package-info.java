/**
 * The records and states that runs, offers and mentorships share (a run and its proposals, an offer's status and
 * answer, a mentorship and its status, the inputs a run read), so that the store, the run, the lifecycle and the
 * mentorships can all use them without depending on each other.
 */
package org.mentoring.matching.model;
