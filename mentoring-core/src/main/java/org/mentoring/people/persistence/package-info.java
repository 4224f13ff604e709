/** Mentors and mentorship requests in MongoDB: documents, repositories, their mapper and the services over them. */
package org.mentoring.people.persistence;
