package org.mentoring.people;

/**
 * Which mentorship requests to list; a null criterion matches every request.
 *
 * @param domain a taxonomy code: requests asking for that domain or one inside it
 * @param status where the request is
 * @param country ISO 3166-1 alpha-2 code of where the researcher is based
 * @param email only the requests of the researcher with this email (how a researcher sees their own)
 * @param cycle the code of a cycle: only its requests
 */
public record RequestFilter(String domain, RequestStatus status, String country, String email, String cycle) {

    public RequestFilter(String domain, RequestStatus status, String country, String email) {
        this(domain, status, country, email, null);
    }

    public static final RequestFilter ALL = new RequestFilter(null, null, null);

    public RequestFilter(String domain, RequestStatus status, String country) {
        this(domain, status, country, null);
    }

    /** The same filter, narrowed to one researcher's requests. */
    public RequestFilter ownedBy(String ownerEmail) {
        return new RequestFilter(domain, status, country, ownerEmail, cycle);
    }

    /** The same filter, narrowed to one cycle's requests. */
    public RequestFilter inCycle(String code) {
        return new RequestFilter(domain, status, country, email, code);
    }
}
