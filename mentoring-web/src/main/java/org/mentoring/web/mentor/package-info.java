/** The mentor's page: their profile, edited in a form. */
package org.mentoring.web.mentor;
