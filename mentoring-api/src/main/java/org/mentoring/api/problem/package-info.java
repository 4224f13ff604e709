/** Every error of the API as an RFC 9457 problem detail with a type per error and every wrong field named. */
package org.mentoring.api.problem;
