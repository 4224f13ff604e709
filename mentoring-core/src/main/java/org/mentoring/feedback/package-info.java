/** Feedback on a mentorship: a rating from 1 to 5 and a comment, from each side, at mid-term and at the end. */
package org.mentoring.feedback;
