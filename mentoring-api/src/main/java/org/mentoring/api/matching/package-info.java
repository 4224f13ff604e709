/** The matching-runs API: start, watch, cancel, proposals (JSON and CSV) and the default settings. */
package org.mentoring.api.matching;
