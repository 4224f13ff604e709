/** Programme analytics of a matching run: how much it matched, how well, for whom, and where demand outruns capacity. */
package org.mentoring.analytics;
