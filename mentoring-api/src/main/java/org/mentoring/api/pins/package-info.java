/** The pins API: a coordinator pins a run's proposal so that later runs keep the pair, and lists the pins. */
package org.mentoring.api.pins;
