/** Matching runs as the service keeps them: start, progress, cancel, results, one run at a time. */
package org.mentoring.matching.run;
