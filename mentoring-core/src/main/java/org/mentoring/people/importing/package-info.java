/** Import of mentors and requests from JSON and CSV: all records checked, then all written, or none. */
package org.mentoring.people.importing;
