package org.mentoring.people;

/**
 * Which mentors to list; a null criterion matches everyone.
 *
 * @param domain a taxonomy code: mentors with that domain or one inside it
 * @param country ISO 3166-1 alpha-2 code of where they are based
 * @param language ISO 639-1 code of a language they speak
 */
public record MentorFilter(String domain, String country, String language) {

    public static final MentorFilter ALL = new MentorFilter(null, null, null);
}
