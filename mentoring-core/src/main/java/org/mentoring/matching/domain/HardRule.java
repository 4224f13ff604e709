package org.mentoring.matching.domain;

/** The hard rules of PRODUCT.md: a proposal that breaks one is never shown as valid. */
public enum HardRule {
    /** Rule 1: a mentor's accepted plus proposed mentees never exceed their capacity. */
    CAPACITY,
    /** Rule 2: weekly time together at least the request's minimum. */
    TIME_TOGETHER,
    /** Rule 3: the mentor is available on the request's start date. */
    DATES,
    /** Rule 4: not a mentor the request excludes, never the same person. */
    CONFLICT,
    /** Rule 5: at least one shared language. */
    LANGUAGE
}
