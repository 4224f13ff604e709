/** The mentorship lifecycle: a completed run published as offers, each side's answer, the mentorships that result. */
package org.mentoring.lifecycle;
