/** The feedback API: each side rates their mentorship at mid-term and at the end. */
package org.mentoring.api.feedback;
