/** Researchers' mentorship requests, mentors' profiles and their weekly availability. */
package org.mentoring.people;
