package org.mentoring.api.problem;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request body whose unknown properties are refused (422 naming the property and listing the known ones) instead of
 * being ignored, so that a misspelt setting ({@code "domainAfinity"}) or import field is never dropped silently.
 * Bodies that clients build from a response they read (the PUT bodies) stay lenient.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface StrictBody {
}
