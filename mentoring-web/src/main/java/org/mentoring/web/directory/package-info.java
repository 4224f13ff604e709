/** The mentor directory page: researchers choose a mentor and may ask one directly. */
package org.mentoring.web.directory;
