/** The mentorships API: accepted mentorships, filtered by request, mentor and status. */
package org.mentoring.api.mentorship;
