/** Weekly time together across IANA time zones on a circular UTC week. */
package org.mentoring.time;
