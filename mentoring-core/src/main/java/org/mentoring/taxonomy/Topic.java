package org.mentoring.taxonomy;

/** One goal or mentoring topic of the programme's list: a stable code and the name people read. */
public record Topic(String code, String name) {
}
