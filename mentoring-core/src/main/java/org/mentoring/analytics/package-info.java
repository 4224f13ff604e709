/** Programme analytics of a run: how much it matched, how well, for whom, where demand outruns capacity. */
package org.mentoring.analytics;
