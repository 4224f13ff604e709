/** People as typed in or imported, field by field as text, and the rules that turn them into domain records. */
package org.mentoring.people.input;
