/** The coordinator's overview in the API: what needs their attention, and demand against free places per branch. */
package org.mentoring.api.dashboard;
