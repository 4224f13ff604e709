package org.mentoring.api.problem;

import java.net.URI;

/**
 * The {@code type} URIs of the API's problem details, one per kind of error. A conflict from the core has the type
 * of its code, for example {@code .../problems/stale-version}.
 */
public final class ProblemTypes {

    public static final String BASE = "https://mentoring.example.org/problems/";

    public static final URI INVALID_INPUT = of("invalid-input");
    public static final URI IMPORT_REJECTED = of("import-rejected");
    public static final URI MALFORMED_BODY = of("malformed-body");
    public static final URI INVALID_PARAMETER = of("invalid-parameter");
    public static final URI NOT_FOUND = of("not-found");
    public static final URI FORBIDDEN = of("forbidden");
    public static final URI STALE_VERSION = of("stale-version");
    public static final URI DUPLICATE_KEY = of("duplicate-key");
    public static final URI UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type");
    public static final URI NOT_ACCEPTABLE = of("not-acceptable");
    public static final URI BODY_TOO_LARGE = of("body-too-large");
    public static final URI METHOD_NOT_ALLOWED = of("method-not-allowed");
    public static final URI INTERNAL_ERROR = of("internal-error");
    public static final URI REQUEST_ERROR = of("request-error");

    private ProblemTypes() {
    }

    /** The type of a problem code, for example {@code stale-version}. */
    public static URI of(String code) {
        return URI.create(BASE + code);
    }
}
