/** The analytics API: a run's programme report for admins. */
package org.mentoring.api.analytics;
