/**
 * A participant's mentorships on their own page: the introduction to the other person, the end of the mentorship
 * and the feedback that is due.
 */
package org.mentoring.web.mentorship;
