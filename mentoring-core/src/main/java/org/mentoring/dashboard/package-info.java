/**
 * The coordinator's overview of the programme: what needs their attention, and demand against free places per
 * domain branch. The dashboard page and the API read the same services, so both say the same thing.
 */
package org.mentoring.dashboard;
