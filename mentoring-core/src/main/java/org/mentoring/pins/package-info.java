/** A coordinator's pins: pairs chosen on a run that the next runs keep fixed, like accepted mentorships. */
package org.mentoring.pins;
