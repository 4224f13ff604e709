/** Mentors and mentorship requests over HTTP: paged lists with filters, read, create, update by version, delete. */
package org.mentoring.api.people;
