/** The mentorship lifecycle: a completed run's proposals published as offers, each side's answer, and the mentorships both sides accept. */
package org.mentoring.lifecycle;
