package org.mentoring.people;

/** Where a researcher asking for a mentor is in their career. */
public enum CareerStage {
    STUDENT,
    PHD_CANDIDATE,
    POSTDOC,
    EARLY_CAREER_FACULTY,
    PRACTITIONER
}
