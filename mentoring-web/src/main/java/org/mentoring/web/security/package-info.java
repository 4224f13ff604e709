/** Spring Security: form sign-in for browsers, HTTP Basic for scripts, roles, throttling, headers. */
package org.mentoring.web.security;
