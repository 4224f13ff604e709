/** The cycles a programme runs in: their dates, which one is open for requests, and which cycle a request or a run is in. */
package org.mentoring.cycles;
