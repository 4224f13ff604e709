/** Accepted mentorships: a researcher's request paired with a mentor, active until it ends. */
package org.mentoring.mentorship;
