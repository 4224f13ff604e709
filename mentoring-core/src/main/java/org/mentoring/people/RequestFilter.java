package org.mentoring.people;

/**
 * Which mentorship requests to list; a null criterion matches every request.
 *
 * @param domain a taxonomy code: requests asking for that domain or one inside it
 * @param status where the request is
 * @param country ISO 3166-1 alpha-2 code of where the researcher is based
 */
public record RequestFilter(String domain, RequestStatus status, String country) {

    public static final RequestFilter ALL = new RequestFilter(null, null, null);
}
