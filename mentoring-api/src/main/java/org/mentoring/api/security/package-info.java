/** Who is signed in, as the controllers see it, and the per-object rules: own request, own profile. */
package org.mentoring.api.security;
